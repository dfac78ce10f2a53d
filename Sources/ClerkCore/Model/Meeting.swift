import Markdown

/// Identifies a meeting across the archive: `<committee>/<folder>`, where the
/// folder is `YYYY-MM-DD` or `YYYY-MM-DD-<slug>`.
public struct MeetingID: Hashable, Sendable, Comparable, CustomStringConvertible, Codable {
  public var committee: String
  public var folder: String

  public init(committee: String, folder: String) {
    self.committee = committee
    self.folder = folder
  }

  public var path: String { "\(committee)/\(folder)" }
  public var description: String { path }

  public static func < (a: MeetingID, b: MeetingID) -> Bool {
    (a.committee, a.folder) < (b.committee, b.folder)
  }
}

public enum MeetingStatus: String, Sendable, CaseIterable, Codable {
  case draft, published
  /// Published, then called off: its page stays (marked cancelled) and its
  /// calendar event says `STATUS:CANCELLED`.
  case cancelled

  /// Whether the meeting is in the public tree (published or cancelled).
  public var isPublished: Bool { self != .draft }
}

/// A change to a meeting after it was published (`revisions:` in
/// meeting.yml): shown on its page and in the feeds, and what lets
/// `clerk verify` accept a changed public file.
public struct Revision: Sendable, Hashable, Codable {
  public var date: CalendarDate
  public var note: String

  public init(date: CalendarDate, note: String) {
    self.date = date
    self.note = note
  }
}

/// A meeting with everything loaded from its folder.
public struct Meeting: Sendable {
  public var id: MeetingID
  public var date: CalendarDate
  /// "HH:MM", 24-hour.
  public var time: String
  public var venue: String
  public var status: MeetingStatus
  public var published: CalendarDate?
  /// Oldest first, as written.
  public var revisions: [Revision] = []
  public var notes: [MarkdownDocument]
  public var items: [AgendaItem]
  public var minutes: Minutes?
  public var nonPublicMinutes: Minutes?
  /// Item files (`NN-slug.md` paths) that could not be loaded: their error
  /// is reported once, and references to their slugs are not errors too.
  public var unloadedItems: [String] = []

  public init(
    id: MeetingID, date: CalendarDate, time: String, venue: String,
    status: MeetingStatus = .draft, published: CalendarDate? = nil,
    notes: [MarkdownDocument] = [], items: [AgendaItem] = [], minutes: Minutes? = nil,
    nonPublicMinutes: Minutes? = nil
  ) {
    self.id = id
    self.date = date
    self.time = time
    self.venue = venue
    self.status = status
    self.published = published
    self.notes = notes
    self.items = items
    self.minutes = minutes
    self.nonPublicMinutes = nonPublicMinutes
  }
}

/// A meeting's minutes (`minutes.md` or `minutes.non-public.md`).
public struct Minutes: Sendable {
  public var meeting: MeetingID
  /// Path relative to the content root.
  public var path: String
  public var access: Access
  public var body: MarkdownDocument
  /// Line in the file where the body starts (after any front matter).
  public var bodyLine: Int

  public init(meeting: MeetingID, path: String, access: Access, body: MarkdownDocument, bodyLine: Int) {
    self.meeting = meeting
    self.path = path
    self.access = access
    self.body = body
    self.bodyLine = bodyLine
  }
}
