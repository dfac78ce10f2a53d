/// An agenda number as printed: `12`, or `12A` for a supplementary item
/// added after item 12 once the agenda was published (so no published
/// number moves). Orders as the agenda does: 12, 12A, 12B, 13.
public struct AgendaNumber: Hashable, Comparable, Sendable, CustomStringConvertible, ExpressibleByIntegerLiteral, Codable {
  /// The number of the published item this one follows (or is).
  public var base: Int
  /// 0 for a published item's own number; 1 for A, 2 for B, …
  public var letter: Int

  public init(_ base: Int, letter: Int = 0) {
    self.base = base
    self.letter = letter
  }

  public init(integerLiteral value: Int) { self.init(value) }

  /// "12", "12A", … "12Z", then "12AA" (a letter past Z repeats, as
  /// spreadsheet columns do).
  public var description: String { "\(base)\(Self.letters(letter))" }

  /// Reads "12" or "12A" back (from a previous build's record).
  public init?(_ text: String) {
    let digits = text.prefix { $0.isASCII && $0.isNumber }
    guard let base = Int(digits) else { return nil }
    var letter = 0
    for character in text.dropFirst(digits.count) {
      guard let ascii = character.asciiValue, ascii >= 65, ascii <= 90 else { return nil }
      letter = letter * 26 + Int(ascii - 64)
    }
    self.init(base, letter: letter)
  }

  public static func letters(_ value: Int) -> String {
    var value = value
    var text = ""
    while value > 0 {
      let digit = (value - 1) % 26
      text = String(UnicodeScalar(UInt8(65 + digit))) + text
      value = (value - 1) / 26
    }
    return text
  }

  public static func < (a: AgendaNumber, b: AgendaNumber) -> Bool { (a.base, a.letter) < (b.base, b.letter) }
}
