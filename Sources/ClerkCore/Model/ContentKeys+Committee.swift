extension ContentKeys {
  /// `<committee>/committee.yml`.
  public static let committee: [ContentKey] = [
    ContentKey("name", .text, required: true, doc: "the committee's name"),
    ContentKey(
      "members", .list(.either(.text, .mapping(member.map(\.name)))),
      doc: "in front-sheet order: a name, or a name and a role (printed in brackets)"),
    ContentKey("clerk", .mapping(contact.map(\.name)), doc: "the committee's clerk, the agenda's contact"),
  ]

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
