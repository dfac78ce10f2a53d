/// The statutory categories of exempt information a council relies on, with
/// the exact sentences printed in its agenda and public pack
/// (`reference/LAW.md`).
public struct ExemptionScheme: Hashable, Sendable {
  public enum Kind: String, Sendable, CaseIterable {
    case england, wales, scotland, custom
  }

  public var kind: Kind
  /// Paragraph number → description.
  public var paragraphs: [Int: String]
  /// The public placeholder sentence; `{paragraphs}` is replaced by the list.
  public var placeholderTemplate: String
  /// The motion moved at the Exclusion of the Public item.
  public var motion: String

  public init(kind: Kind, paragraphs: [Int: String], placeholderTemplate: String, motion: String) {
    self.kind = kind
    self.paragraphs = paragraphs
    self.placeholderTemplate = placeholderTemplate
    self.motion = motion
  }

  /// "By virtue of paragraph(s) 1, 2 of Part 1 of Schedule 12A of the Local Government Act 1972."
  public func placeholder(for paragraphs: [Int]) -> String {
    placeholderTemplate.split(separator: "{paragraphs}", omittingEmptySubsequences: false)
      .joined(separator: paragraphs.map(String.init).joined(separator: ", "))
  }

  public var validParagraphs: [Int] { paragraphs.keys.sorted() }

  static let englandDescriptions: [String] = [
    "Information relating to any individual.",
    "Information which is likely to reveal the identity of an individual.",
    "Information relating to the financial or business affairs of any particular person (including the authority holding that information).",
    "Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office holders under, the authority.",
    "Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings.",
    "Information which reveals that the authority proposes (a) to give under any enactment a notice under or by virtue of which requirements are imposed on a person; or (b) to make an order or direction under any enactment.",
    "Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.",
  ]

  private static func numbered(_ descriptions: [String], from first: Int) -> [Int: String] {
    Dictionary(uniqueKeysWithValues: descriptions.enumerated().map { (first + $0.offset, $0.element) })
  }

  public static let england = ExemptionScheme(
    kind: .england,
    paragraphs: numbered(englandDescriptions, from: 1),
    placeholderTemplate:
      "By virtue of paragraph(s) {paragraphs} of Part 1 of Schedule 12A of the Local Government Act 1972.",
    motion:
      "That under Section 100(A) of the Local Government Act 1972, the public be excluded from the meeting for the following items on the grounds that they involve the likely disclosure of exempt information as defined in Part I of Schedule 12A of the Local Government Act.")

  /// Wales: Schedule 12A Part 4, paragraphs 12–18, same descriptions as 1–7.
  public static let wales = ExemptionScheme(
    kind: .wales,
    paragraphs: numbered(englandDescriptions, from: 12),
    placeholderTemplate:
      "By virtue of paragraph(s) {paragraphs} of Part 4 of Schedule 12A of the Local Government Act 1972.",
    motion:
      "That under Section 100A(4) of the Local Government Act 1972, the public be excluded from the meeting for the following items on the grounds that they involve the likely disclosure of exempt information as defined in Part 4 of Schedule 12A of the Act.")

  /// Scotland: Local Government (Scotland) Act 1973, Schedule 7A, paragraphs 1–15.
  /// Paragraphs 1–9 are checked against the revised text on legislation.gov.uk
  /// (5 and 7 as amended), 12 and 14 against the reasons Scottish councils
  /// publish; 10, 11, 13 and 15 are not yet checked against the Act.
  public static let scotland = ExemptionScheme(
    kind: .scotland,
    paragraphs: numbered(
      [
        "Information relating to a particular employee, former employee or applicant to become an employee of, or a particular office-holder, former office-holder or applicant to become an office-holder under, the authority.",
        "Information relating to any particular occupier or former occupier of, or applicant for, accommodation provided by or at the expense of the authority.",
        "Information relating to any particular applicant for, or recipient or former recipient of, any service provided by the authority.",
        "Information relating to any particular applicant for, or recipient or former recipient of, any financial assistance provided by the authority.",
        "Information relating to the adoption, care, fostering or education of any particular child or where any particular child is subject to a compulsory supervision order or interim compulsory supervision order (as defined respectively in sections 83 and 86 of the Children’s Hearings (Scotland) Act 2011 (asp 1)) information relating to the order.",
        "Information relating to the financial or business affairs of any particular person (other than the authority).",
        "Information relating to anything done or to be done in respect of any particular person for the purposes of any of the matters referred to in section 27(1) of the Social Work (Scotland) Act 1968 (providing reports on and supervision of certain persons).",
        "The amount of any expenditure proposed to be incurred by the authority under any particular contract for the acquisition of property or the supply of goods or services.",
        "Any terms proposed or to be proposed by or to the authority in the course of negotiations for a contract for the acquisition or disposal of property or the supply of goods or services.",
        "The identity of the authority (as well as of any other person) as the person offering any particular tender for a contract for the supply of goods or services.",
        "Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter arising between the authority or a Minister of the Crown and employees of, or office-holders under, the authority.",
        "Any instructions to counsel and any opinion of counsel (whether or not in connection with any proceedings) and any advice received, information obtained or action to be taken in connection with (a) any legal proceedings by or against the authority, or (b) the determination of any matter affecting the authority, (whether, in either case, proceedings have been commenced or are in contemplation).",
        "Information which, if disclosed to the public, would reveal that the authority proposes to give under any enactment a notice under or by virtue of which requirements are imposed on a person, or to make an order or direction under any enactment.",
        "Any action taken or to be taken in connection with the prevention, investigation or prosecution of crime.",
        "The identity of a protected informant.",
      ], from: 1),
    placeholderTemplate:
      "Not for publication by virtue of paragraph(s) {paragraphs} of Part I of Schedule 7A of the Local Government (Scotland) Act 1973.",
    motion:
      "That under Section 50A(4) of the Local Government (Scotland) Act 1973, the public be excluded from the meeting for the following items of business on the grounds that they involve the likely disclosure of exempt information as defined in the relevant paragraphs of Part I of Schedule 7A of the Act.")

  public static func builtIn(_ kind: Kind) -> ExemptionScheme? {
    switch kind {
    case .england: return .england
    case .wales: return .wales
    case .scotland: return .scotland
    case .custom: return nil
    }
  }
}
