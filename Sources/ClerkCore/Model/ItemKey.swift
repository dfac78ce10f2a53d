/// One front-matter key of an agenda item, declared once: the loader
/// accepts exactly these keys, and the leak audit reads every value of a
/// key as public or non-public by this declaration alone, so a key added
/// later is covered by construction.
public struct ItemKey: Sendable {
  public var name: String
  /// Whether the key's value is public on an exempt item (it appears in
  /// the public agenda). Everything else of an exempt item is not.
  public var isPublicOnExemptItem: Bool
  /// A valid YAML value that carries `text` (a sentence of words and
  /// spaces) as text, for the canary tests; nil for keys whose type can
  /// carry no free text (a choice, a number, a date, another item's slug).
  public var sample: (@Sendable (_ text: String) -> String)?

  /// Every item key, in the order the docs list them.
  public static let all: [ItemKey] = [
    ItemKey(name: "title", isPublicOnExemptItem: true, sample: { "\"\($0) title\"" }),
    ItemKey(name: "purpose", isPublicOnExemptItem: true),
    ItemKey(name: "access", isPublicOnExemptItem: true),
    ItemKey(name: "exempt-paragraphs", isPublicOnExemptItem: true),
    ItemKey(name: "summary", isPublicOnExemptItem: true, sample: { "\"\($0) summary\"" }),
    ItemKey(name: "report-of", isPublicOnExemptItem: false, sample: { "\"\($0) Head of Service\"" }),
    ItemKey(
      name: "authors", isPublicOnExemptItem: false,
      sample: { "[{ name: \"\($0)\", role: \"\($0)\", phone: \"01632 960 123\", email: \"canary-author@example.org\" }]" }),
    ItemKey(name: "see-also", isPublicOnExemptItem: false),
    ItemKey(name: "appendix-to", isPublicOnExemptItem: false),
    ItemKey(
      name: "appendices", isPublicOnExemptItem: false,
      sample: { "[{ title: \"\($0)\", file: canary-appendix.md }]" }),
    ItemKey(name: "minutes-of", isPublicOnExemptItem: false),
    ItemKey(name: "orientation", isPublicOnExemptItem: false),
    ItemKey(name: "exempt-reason", isPublicOnExemptItem: true, sample: { "\"\($0) reason\"" }),
    ItemKey(name: "exempt-until", isPublicOnExemptItem: false),
    ItemKey(name: "supplement", isPublicOnExemptItem: false),
    ItemKey(name: "released", isPublicOnExemptItem: true),
    ItemKey(name: "quotes-exempt", isPublicOnExemptItem: false, sample: { "[\"\($0)/quoted.md\"]" }),
  ]

  static let publicOnExemptItem = Set(all.filter(\.isPublicOnExemptItem).map(\.name))

  /// Whether `name` is declared public on an exempt item (an unknown key never is).
  public static func isPublicOnExemptItem(_ name: String) -> Bool { publicOnExemptItem.contains(name) }
}
