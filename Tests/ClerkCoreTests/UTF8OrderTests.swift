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

  @Test func sortedIsTheUTF8BytesOrder() {
    let many = Self.strings.flatMap { a in Self.strings.map { a + "/" + $0 } }
    #expect(UTF8Order.sorted(many).map { Array($0.utf8) } == many.map { Array($0.utf8) }.sorted { $0.lexicographicallyPrecedes($1) })
  }
}
