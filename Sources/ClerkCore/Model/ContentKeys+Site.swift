extension ContentKeys {
  /// `site.yml`, the organisation's settings.
  public static let site: [ContentKey] = [
    ContentKey("organisation", .text, required: true, doc: "the organisation's name, on every page and pack"),
    ContentKey("base-url", .text, required: true, doc: "the address the public site is published at"),
    ContentKey(
      "signatory", .mapping(signatory.map(\.name)), doc: "the officer who signs the agenda (both are required)"),
    ContentKey(
      "exemption-scheme", .choice(ExemptionScheme.Kind.self),
      doc: "the paragraphs exempt items rely on; `england` is the default (below)"),
    ContentKey(
      "exemption-paragraphs", .table(key: .integer, value: .text),
      doc: "with `custom` (and only then): each paragraph number and its description"),
    ContentKey(
      "exemption-placeholder", .text,
      doc: "*(Clerk)* with `custom`: the public placeholder sentence, with `{paragraphs}` where the numbers go"),
    ContentKey(
      "exemption-motion", .text, doc: "*(Clerk)* with `custom`: the motion to exclude the public"),
    ContentKey(
      "closure-days", .list(.date), doc: "*(Clerk)* days the council is closed, which are not working days"),
    ContentKey(
      "bank-holidays", .choice(Nation.self),
      doc: "*(Clerk)* whose bank holidays are not working days; by default `scotland` with the Scottish scheme, else `england-and-wales`"),
    ContentKey(
      "templates", .path, doc: "*(Clerk)* the council's own templates folder, relative to the content folder"),
    ContentKey(
      "appendix-numbering", .choice(AppendixNumbering.self),
      doc: "`letters` (default: Appendix A, B) or `numbers` (Appendix 1, 2)"),
    ContentKey(
      "accessibility", .mapping(accessibility.map(\.name)),
      doc: "*(Clerk)* the accessibility statement's contact and dates, all optional (below)"),
  ]

  /// `site.yml`'s `accessibility`: the statement's contact and dates.
  public static let accessibility: [ContentKey] = [
    ContentKey("email", .text, doc: "where to report a problem or ask for another format"),
    ContentKey("phone", .text, doc: "the same by telephone"),
    ContentKey("prepared", .date, doc: "the day the statement was first prepared"),
    ContentKey("reviewed", .date, doc: "the day it was last reviewed"),
  ]

  /// `site.yml`'s `signatory`.
  public static let signatory: [ContentKey] = [
    ContentKey("name", .text, required: true),
    ContentKey("title", .text, required: true),
  ]
}
