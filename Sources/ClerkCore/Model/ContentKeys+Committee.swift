extension ContentKeys {
  /// `<committee>/committee.yml`.
  public static let committee: [ContentKey] = [
    ContentKey("name", .text, required: true, doc: "the committee's name"),
    ContentKey(
      "members", .list(.either(.text, .mapping(member.map(\.name)))),
      doc: "in front-sheet order: a name, or a name and a role (printed in brackets)"),
    ContentKey("clerk", .mapping(contact.map(\.name)), doc: "the committee's clerk, the agenda's contact"),
    ContentKey("time", .time, doc: "the usual start time, for `clerk new meeting`; quote it (`\"18:30\"`)"),
    ContentKey("venue", .text, doc: "the usual venue, for `clerk new meeting`"),
    ContentKey(
      "standing-items", .list(.mapping(["slug", "title", "any item key"])),
      doc:
        "items every meeting starts with, in order: `clerk new meeting` writes each as `NN-<slug>.md` (NN = 10, 20, …) with its other keys as front matter; `minutes-of: previous` becomes the date of the committee's latest earlier meeting"
    ),
  ]

  /// One of a committee's `standing-items`: a slug and item keys.
  public static let standingItem: [ContentKey] =
    [ContentKey("slug", .text, required: true)] + item

  /// One of a committee's `members`, when written as a mapping.
  public static let member: [ContentKey] = [
    ContentKey("name", .text, required: true),
    ContentKey("role", .text),
  ]

  /// A person to contact: a committee's `clerk`, an item's `authors`.
  public static let contact: [ContentKey] = [
    ContentKey("name", .text, required: true),
    ContentKey("role", .text),
    ContentKey("phone", .text),
    ContentKey("email", .text),
  ]
}
