import ClerkCore
import Testing

/// `UTF8Order.precedes` (strcmp) orders strings as their UTF-8 bytes do.
@Suite struct UTF8OrderTests {
  static let strings = [
    "", "a", "ab", "a/b", "a-b", "a.b", "Z", "z", "é", "e\u{301}", "ü", "✓", "🏛", "a\u{0}b", "a\u{0}", "Ab", "aB", "10", "9",
  ]

  @Test func strcmpOrderIsTheUTF8BytesOrder() {
    for a in Self.strings {
      for b in Self.strings {
        #expect(UTF8Order.precedes(a, b) == a.utf8.lexicographicallyPrecedes(b.utf8), "\(a.debugDescription) < \(b.debugDescription)")
      }
    }
  }
}
