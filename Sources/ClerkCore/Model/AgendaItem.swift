import Markdown

public enum Purpose: String, Sendable, CaseIterable {
  case decision, information, none

  /// "For Decision" / "For Information" / nil.
  public var label: String? {
    switch self {
    case .decision: return "For Decision"
    case .information: return "For Information"
    case .none: return nil
    }
  }
}

public enum Access: String, Sendable, CaseIterable {
  case `public`, exempt
}

public enum Orientation: String, Sendable, CaseIterable {
  case portrait, landscape
}

/// Where `minutes-of` points: a meeting of this or another committee.
public struct MinutesReference: Hashable, Sendable {
  public var committee: String?
  public var folder: String

  /// Resolves against the committee of the meeting that holds the item.
  public func meetingID(defaultCommittee: String) -> MeetingID {
    MeetingID(committee: committee ?? defaultCommittee, folder: folder)
  }
}

/// One agenda item, from `<NN>-<slug>.md`: exactly what the clerk wrote,
/// before any numbering.
public struct AgendaItem: Sendable {
  public var order: Int
  public var slug: String
  /// Path relative to the content root.
  public var path: String
  public var title: String
  public var purpose: Purpose
  public var access: Access
  public var exemptParagraphs: [Int]
  public var summary: MarkdownDocument?
  public var reportOf: String?
  public var authors: [Contact]
  public var seeAlso: [String]
  public var appendixTo: String?
  public var appendices: [Appendix]
  public var minutesOf: MinutesReference?
  public var orientation: Orientation
  public var exemptReason: MarkdownDocument?
  public var exemptUntil: CalendarDate?
  public var supplement: Int?
  /// On an item written `access: exempt`: the day its exemption ended.
  /// The loader then makes it public (`access` is `.public`, so the audit
  /// and the narrowing treat its body, appendices and minutes as public),
  /// and the planner keeps it in Part 2 with its number and paragraphs.
  public var released: CalendarDate?
  /// Non-public files (content paths) this public item quotes on purpose.
  public var quotesExempt: [String] = []
  public var body: MarkdownDocument
  /// Line in the file where the body starts (after the front matter).
  public var bodyLine: Int
  /// Where each front-matter key's value is, for diagnostics.
  public var locations: [String: SourceLocation] = [:]

  /// The location of a front-matter key's value, or the file's first line.
  public func location(of key: String) -> SourceLocation {
    locations[key] ?? SourceLocation(path: path)
  }

  /// The file location of a position inside the body.
  public func bodyLocation(_ point: SourcePoint) -> SourceLocation {
    SourceLocation(path: path, line: bodyLine + point.line - 1, column: point.column)
  }

  public init(
    order: Int, slug: String, path: String, title: String, purpose: Purpose = .none,
    access: Access = .public, exemptParagraphs: [Int] = [], summary: MarkdownDocument? = nil,
    reportOf: String? = nil, authors: [Contact] = [], seeAlso: [String] = [],
    appendixTo: String? = nil, appendices: [Appendix] = [], minutesOf: MinutesReference? = nil,
    orientation: Orientation = .portrait, exemptReason: MarkdownDocument? = nil,
    exemptUntil: CalendarDate? = nil, supplement: Int? = nil, body: MarkdownDocument,
    bodyLine: Int = 1
  ) {
    self.order = order
    self.slug = slug
    self.path = path
    self.title = title
    self.purpose = purpose
    self.access = access
    self.exemptParagraphs = exemptParagraphs
    self.summary = summary
    self.reportOf = reportOf
    self.authors = authors
    self.seeAlso = seeAlso
    self.appendixTo = appendixTo
    self.appendices = appendices
    self.minutesOf = minutesOf
    self.orientation = orientation
    self.exemptReason = exemptReason
    self.exemptUntil = exemptUntil
    self.supplement = supplement
    self.body = body
    self.bodyLine = bodyLine
  }

  /// Whether the item is in Part 2: exempt, or released from it (a released
  /// item keeps its Part 2 place: the record of the meeting).
  public var isInPartTwo: Bool { access == .exempt || released != nil }

  /// Where the item sits on the agenda: by `NN`; a supplementary item may
  /// share its `NN` with the item it follows (`06-late-report.md` after
  /// `06-case-review.md`), and comes after it.
  public var agendaOrder: AgendaOrder { AgendaOrder(order: order, supplement: supplement ?? 0, slug: slug) }

  /// True when the item has a body, appendices or embedded minutes: the
  /// things that need exempt paragraphs when the item is exempt.
  public var hasContent: Bool {
    !body.isBlank || !appendices.isEmpty || minutesOf != nil
  }
}
