extension ContentKeys {
  /// An agenda item's front matter (`NN-slug.md`). Whether each key is
  /// public on an exempt item is the leak audit's one source: a key added
  /// later is non-public, and covered, by construction.
  public static let item: [ContentKey] = [
    ContentKey(
      "title", .text, required: true, publicOnExemptItem: true,
      doc: "the item's heading in the agenda and the pack", sample: { "\"\($0) title\"" }),
    ContentKey(
      "purpose", .choice(Purpose.self), publicOnExemptItem: true,
      doc: "`decision` → \"For Decision\", `information` → \"For Information\", `none` (the default)"),
    ContentKey(
      "access", .choice(Access.self), publicOnExemptItem: true,
      doc: "`public` is the default; `exempt` items go to Part 2"),
    ContentKey(
      "exempt-paragraphs", .list(.integer), publicOnExemptItem: true,
      doc:
        "required on an exempt item with a body, appendices or minutes; an error on a public item; numbers must exist in the scheme"
    ),
    ContentKey(
      "summary", .markdown, publicOnExemptItem: true,
      doc: "one paragraph of markdown, printed under the title in the agenda", sample: { "\"\($0) summary\"" }),
    ContentKey(
      "report-of", .text, doc: "the report's owner (\"Report of the …\")",
      sample: { "\"\($0) Head of Service\"" }),
    ContentKey(
      "authors", .list(.mapping(contact.map(\.name))), doc: "the report's contact block",
      sample: {
        "[{ name: \"\($0)\", role: \"\($0)\", phone: \"01632 960 123\", email: \"canary-author@example.org\" }]"
      }),
    ContentKey("see-also", .list(.itemSlug), doc: "\"To be read in conjunction with … at Agenda Item N\""),
    ContentKey(
      "appendix-to", .itemSlug, doc: "this item is an appendix of that item: both get a cross-reference line"),
    ContentKey(
      "appendices", .list(.mapping(appendix.map(\.name))),
      doc:
        "files in the item's folder: `.md`, `.csv`, `.pdf`, `.png`, `.jpg`, `.jpeg`, `.gif`, `.webp`; `orientation: landscape` prints that appendix (a wide action plan) on landscape pages while the report stays portrait (`portrait` is the default)",
      sample: { "[{ title: \"\($0)\", file: canary-appendix.md }]" }),
    ContentKey(
      "minutes-of", .meeting,
      doc:
        "binds in that meeting's `minutes.md`, or `minutes.non-public.md` when this item is exempt (see below the table)"
    ),
    ContentKey(
      "orientation", .choice(Orientation.self),
      doc:
        "the whole item in the printed pack (for one wide appendix, set `orientation` on that appendix instead)"),
    ContentKey(
      "exempt-reason", .markdown, publicOnExemptItem: true,
      doc: "the public-interest statement published with the placeholder", sample: { "\"\($0) reason\"" }),
    ContentKey(
      "exempt-until", .date,
      doc: "a review date; after it `clerk check` warns. Nothing is ever released automatically"),
    ContentKey(
      "supplement", .integer, publicOnExemptItem: true,
      doc:
        "`1`, `2`, …: the item was added after the agenda was published and belongs to Supplementary Agenda N (see [Numbering](#numbering))"
    ),
    ContentKey(
      "released", .date, publicOnExemptItem: true,
      doc:
        "on an exempt item: the day its exemption ended (not after today); its body, appendices and authors are public from then (see [Numbering](#numbering))"
    ),
    ContentKey(
      "quotes-exempt", .list(.path),
      doc:
        "on a public item: non-public files (content paths, as `clerk check --find-pasted` names them) that this item quotes on purpose; the quote is then listed in the summary of `check` and `build` instead of warned about",
      sample: { "[\"\($0)/quoted.md\"]" }),
  ]

  /// One entry of an item's `appendices`.
  public static let appendix: [ContentKey] = [
    ContentKey("title", .text, required: true),
    ContentKey("file", .path, required: true),
    ContentKey("orientation", .choice(Orientation.self)),
  ]
}

/// The item keys as the leak audit asks about them.
public enum ItemKey {
  /// Every item key, in the order the docs list them.
  public static var all: [ContentKey] { ContentKeys.item }

  static let publicOnExemptItem = Set(ContentKeys.item.filter(\.isPublicOnExemptItem).map(\.name))

  /// Whether `name` is declared public on an exempt item (an unknown key never is).
  public static func isPublicOnExemptItem(_ name: String) -> Bool { publicOnExemptItem.contains(name) }
}
