import ClerkCore

/// The content dates feeds and calendars stamp a meeting with.
extension MeetingSummary {
  /// The day the agenda was published: `published:`, else the meeting's date.
  var agendaDate: CalendarDate { published ?? date }

  /// The day of the meeting's latest change: its agenda or its last revision.
  var lastChanged: CalendarDate { revisions.map(\.date).reduce(agendaDate, max) }
}
