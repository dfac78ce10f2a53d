extension ContentKeys {
  /// `<committee>/<date>/meeting.yml`.
  public static let meeting: [ContentKey] = [
    ContentKey("date", .date, required: true, doc: "the meeting's date; must match the folder name"),
    ContentKey("time", .time, required: true, doc: "24-hour; quote it (`\"18:30\"`)"),
    ContentKey("venue", .text, required: true, doc: "where the meeting is held"),
    ContentKey(
      "status", .choice(MeetingStatus.self), doc: "`draft` is the default; drafts are never public"),
    ContentKey(
      "published", .date,
      doc: "the day the agenda was published; Clerk warns when that is too late (below)"),
    ContentKey("notes", .list(.markdown), doc: "notices printed on the agenda (a recording notice, say)"),
  ]
}
