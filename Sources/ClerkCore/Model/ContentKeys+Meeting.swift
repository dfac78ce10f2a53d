extension ContentKeys {
  /// `<committee>/<date>/meeting.yml`.
  public static let meeting: [ContentKey] = [
    ContentKey("date", .date, required: true, doc: "the meeting's date; must match the folder name"),
    ContentKey("time", .time, required: true, doc: "24-hour; quote it (`\"18:30\"`)"),
    ContentKey("venue", .text, required: true, doc: "where the meeting is held"),
    ContentKey(
      "status", .choice(MeetingStatus.self), doc: "`draft` is the default; drafts are never public; `cancelled` keeps a published meeting's page, marked cancelled"),
    ContentKey(
      "published", .date,
      doc: "the day the agenda was published; Clerk warns when that is too late (below)"),
    ContentKey("notes", .list(.markdown), doc: "notices printed on the agenda (a recording notice, say)"),
    ContentKey(
      "revisions", .list(.mapping(revision.map(\.name))),
      doc: "changes made after publication, oldest first; shown on the meeting page and in the feeds, and what `clerk verify` accepts a changed file by"),
  ]

  /// One of a meeting's `revisions`.
  public static let revision: [ContentKey] = [
    ContentKey("date", .date, required: true),
    ContentKey("note", .text, required: true),
  ]
}
