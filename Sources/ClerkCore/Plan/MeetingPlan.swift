import Markdown

/// The two parts of a statutory agenda.
public enum AgendaPart: Int, Sendable, Comparable {
  case one = 1
  case two = 2

  public var title: String {
    switch self {
    case .one: return "Part 1 – Public Agenda"
    case .two: return "Part 2 – Non-Public Agenda"
    }
  }

  public static func < (a: AgendaPart, b: AgendaPart) -> Bool { a.rawValue < b.rawValue }
}

/// A meeting as it will be published: numbered, cross-referenced, with
/// minutes resolved. Renderers only ever see a plan already narrowed to one
/// audience (`MeetingPlan.narrowed(to:)`).
public struct MeetingPlan: Sendable {
  public var id: MeetingID
  public var committee: Committee
  public var date: CalendarDate
  public var time: String
  public var venue: String
  public var status: MeetingStatus
  public var published: CalendarDate?
  public var revisions: [Revision] = []
  public var notes: [MarkdownDocument]
  /// Every item in agenda order, the generated Exclusion of the Public included.
  public var items: [PlannedItem]
  /// This meeting's own public minutes.
  public var minutes: Minutes?
  /// This meeting's non-public minutes; absent from the public plan.
  public var nonPublicMinutes: Minutes?
  /// The audience this plan was narrowed to.
  public var audience: Audience

  public func items(in part: AgendaPart) -> [PlannedItem] { items.filter { $0.part == part } }

  /// Supplementary agenda numbers in use, ascending.
  public var supplements: [Int] { Array(Set(items.compactMap(\.supplement))).sorted() }

  /// Agenda numbers by item slug, for resolving `item:` links. Never rendered.
  public var numbersBySlug: [String: AgendaNumber]

  public func item(slug: String) -> PlannedItem? {
    numbersBySlug[slug].flatMap { number in items.first { $0.number == number } }
  }
}

/// One numbered agenda entry.
public struct PlannedItem: Sendable {
  public enum Kind: Sendable {
    /// An item the clerk wrote.
    case authored
    /// The generated Exclusion of the Public item.
    case exclusion(ExclusionOfThePublic)
  }

  public var number: AgendaNumber
  public var part: AgendaPart
  public var kind: Kind
  /// The source file's slug; nil for generated items.
  public var slug: String?
  /// Path of the source file relative to the content root; nil for generated items.
  public var path: String?
  public var title: String
  public var purpose: Purpose
  public var access: Access
  public var summary: MarkdownDocument?
  public var exemptParagraphs: [Int]
  public var exemptReason: MarkdownDocument?
  public var supplement: Int?
  public var orientation: Orientation
  /// Generated "To be read in conjunction with …" lines.
  public var crossReferences: [CrossReference]
  /// Everything that is not part of the agenda entry; nil in the public
  /// plan for an exempt item, so no renderer can ever reach it.
  public var content: ItemContent?
  /// On a Part 2 item: the day its exemption ended. It keeps its place and
  /// number; its content is public from then (it is planned as public).
  public var released: CalendarDate? = nil

  public var isGenerated: Bool {
    if case .exclusion = kind { return true }
    return false
  }
}

/// The non-agenda part of an item: body, authors, appendices, minutes.
public struct ItemContent: Sendable {
  public var body: MarkdownDocument
  public var bodyLine: Int
  public var reportOf: String?
  public var authors: [Contact]
  public var appendices: [Appendix]
  public var embeddedMinutes: EmbeddedMinutes?

  /// True when the item takes pages in the pack (standing items without
  /// content take none).
  public var isEmpty: Bool {
    body.isBlank && appendices.isEmpty && embeddedMinutes == nil
  }
}

/// Minutes of an earlier meeting bound in at this item (`minutes-of`).
public struct EmbeddedMinutes: Sendable {
  public var meeting: MeetingID
  public var meetingDate: CalendarDate
  public var minutes: Minutes
}

/// The generated item moving that the public be excluded for Part 2.
public struct ExclusionOfThePublic: Sendable, Hashable {
  public struct Row: Sendable, Hashable {
    /// Agenda numbers sharing the same paragraphs, e.g. [22, 23].
    public var items: [AgendaNumber]
    public var paragraphs: [Int]
  }

  public var motion: String
  public var rows: [Row]
}

/// A generated cross-reference line between two items of the same meeting.
public struct CrossReference: Sendable, Hashable {
  public enum Relation: Sendable, Hashable {
    /// This item is an appendix of the target report.
    case appendixOf
    /// The target is an appendix of this item.
    case hasAppendix
    /// `see-also`.
    case seeAlso
  }

  public var relation: Relation
  public var targetNumber: AgendaNumber
  /// Nil in the public plan when the target is exempt: an exempt item's
  /// slug comes from its file name, which is not public.
  public var targetSlug: String?
  public var targetTitle: String
  public var targetAccess: Access

  /// The sentence printed under the item in the agenda and the pack.
  public var sentence: String {
    switch relation {
    case .appendixOf:
      return "Appendix to be read in conjunction with the report at Agenda Item \(targetNumber)."
    case .hasAppendix:
      let kind = targetAccess == .exempt ? "the non-public appendix" : "the appendix"
      return "To be read in conjunction with \(kind) at Agenda Item \(targetNumber)."
    case .seeAlso:
      return "To be read in conjunction with “\(targetTitle)” at Agenda Item \(targetNumber)."
    }
  }
}
