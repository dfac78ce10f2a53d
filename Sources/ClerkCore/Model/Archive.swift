/// Everything known about an archive before any meeting's items are read:
/// the site, the committees and where every meeting is. Cross-meeting
/// references (`minutes-of`, `meeting:` links) resolve against this index,
/// so each meeting can then be loaded, checked and planned on its own.
public struct ArchiveIndex: Sendable {
  public var root: String
  public var site: Site
  public var committees: [Committee]
  public var meetings: [MeetingEntry]
  /// Meeting folders whose `meeting.yml` is missing or failed to load: their
  /// error is reported once, and references to them are not errors too.
  public var unloadedMeetings: Set<MeetingID> = []
  private var entryByID: [MeetingID: Int]

  public init(root: String, site: Site, committees: [Committee], meetings: [MeetingEntry]) {
    self.root = root
    self.site = site
    self.committees = committees.sorted { $0.slug < $1.slug }
    self.meetings = meetings.sorted { $0.id < $1.id }
    var byID: [MeetingID: Int] = [:]
    for (index, entry) in self.meetings.enumerated() { byID[entry.id] = index }
    self.entryByID = byID
  }

  public func entry(_ id: MeetingID) -> MeetingEntry? {
    entryByID[id].map { meetings[$0] }
  }

  public func committee(_ slug: String) -> Committee? {
    committees.first { $0.slug == slug }
  }
}

/// A meeting folder as found on disk, with its `meeting.yml` read.
public struct MeetingEntry: Sendable {
  public var id: MeetingID
  public var date: CalendarDate
  public var time: String
  public var venue: String
  public var status: MeetingStatus
  public var published: CalendarDate?
  public var revisions: [Revision] = []
  public var notes: [String]
  public var hasMinutes: Bool
  public var hasNonPublicMinutes: Bool
  /// Where each key of `meeting.yml` is, for diagnostics.
  public var locations: [String: SourceLocation] = [:]

  public init(
    id: MeetingID, date: CalendarDate, time: String, venue: String, status: MeetingStatus,
    published: CalendarDate?, notes: [String], hasMinutes: Bool, hasNonPublicMinutes: Bool
  ) {
    self.id = id
    self.date = date
    self.time = time
    self.venue = venue
    self.status = status
    self.published = published
    self.notes = notes
    self.hasMinutes = hasMinutes
    self.hasNonPublicMinutes = hasNonPublicMinutes
  }
}
