/// One key of a content file (an item's front matter, `meeting.yml`,
/// `committee.yml`, `site.yml`), declared once in `ContentKeys`: the loader
/// accepts and requires keys by it (and suggests one for a misspelling),
/// the leak audit reads an item key's values as public or not by it, and
/// `docs/content-format.md`'s key tables are generated from it.
public struct ContentKey: Sendable {
  /// What a key's value is, as the docs' tables say it.
  public indirect enum ValueType: Sendable, Equatable {
    /// A line of plain text.
    case text
    /// Inline markdown (one paragraph).
    case markdown
    /// `YYYY-MM-DD`.
    case date
    /// A 24-hour time, `"18:30"`.
    case time
    /// A whole number.
    case integer
    /// One of these words.
    case choice([String])
    /// Another item's slug in the same meeting.
    case itemSlug
    /// Another meeting: `YYYY-MM-DD` or `<committee>/YYYY-MM-DD`.
    case meeting
    /// A path relative to the content folder.
    case path
    /// A list; a single value is read as a list of one.
    case list(ValueType)
    /// A mapping of these keys (`{name, role}`).
    case mapping([String])
    /// A mapping whose keys are the clerk's own (paragraph number → text).
    case table(key: ValueType, value: ValueType)
    /// One of two forms (a member is a name or `{name, role}`).
    case either(ValueType, ValueType)

    /// `Enum.allCases` as a choice, so the declaration and the loader's
    /// enum cannot disagree.
    public static func choice<E: RawRepresentable & CaseIterable>(_ type: E.Type) -> ValueType
    where E.RawValue == String {
      .choice(type.allCases.map(\.rawValue))
    }
  }

  public var name: String
  public var type: ValueType
  /// Whether the file is an error without it.
  public var required: Bool
  /// Item keys only: whether the key's value is public on an exempt item
  /// (it appears in the public agenda). Everything else of an exempt item
  /// is not, so a key added later is non-public until declared otherwise.
  public var isPublicOnExemptItem: Bool
  /// One line of markdown for the docs' key table.
  public var doc: String
  /// Item keys only: a valid YAML value that carries `text` (a sentence of
  /// words and spaces) as text, for the canary tests; nil for keys whose
  /// type can carry no free text (a choice, a number, a date, a slug).
  public var sample: (@Sendable (_ text: String) -> String)?

  public init(
    _ name: String, _ type: ValueType, required: Bool = false, publicOnExemptItem: Bool = false,
    doc: String = "", sample: (@Sendable (_ text: String) -> String)? = nil
  ) {
    self.name = name
    self.type = type
    self.required = required
    self.isPublicOnExemptItem = publicOnExemptItem
    self.doc = doc
    self.sample = sample
  }
}

/// Every key of every content file, one list per file (and per mapping
/// inside one), in the order the docs list them: `ContentKeys.item`,
/// `.meeting`, `.committee`, `.site`, each in its own file.
public enum ContentKeys {}
