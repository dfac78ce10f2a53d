import Testing

@testable import Markdown

/// What keeps hostile markdown fast is a bound on work counted before cmark
/// runs, not a clock: each budget lets the largest count it allows through
/// and refuses one more.
@Suite struct ComplexityGuardTests {
  static func passes(_ source: String) -> Bool {
    do {
      try ComplexityGuard.check(SourceText(source), maximumDepth: MarkdownOptions.standard.maximumDepth)
      return true
    } catch {
      return false
    }
  }

  /// The largest count whose square is within `budget`.
  static func largestCount(within budget: Int) -> Int {
    var count = Int(Double(budget).squareRoot())
    while count * count > budget { count -= 1 }
    while (count + 1) * (count + 1) <= budget { count += 1 }
    return count
  }

  @Test(arguments: [
    ("[", ComplexityGuard.bracketBudget),
    ("<", ComplexityGuard.angleBudget),
    ("'", ComplexityGuard.quoteBudget),
    ("*", ComplexityGuard.emphasisBudget),
    ("@", ComplexityGuard.atSignBudget),
  ])
  func aParagraphIsRefusedOnceTheSquareOfItsCountPassesTheBudget(mark: String, budget: Int) {
    let count = Self.largestCount(within: budget)
    #expect(Self.passes(String(repeating: mark, count: count)))
    #expect(!Self.passes(String(repeating: mark, count: count + 1)))
    // A blank line starts a new paragraph, whose count starts again at 0.
    #expect(Self.passes(String(repeating: mark, count: count / 2) + "\n\n" + String(repeating: mark, count: count / 2)))
  }

  @Test func tableRowsAreCounted() {
    let budget = ComplexityGuard.tableRowBudget
    // The delimiter row counts as a row.
    func table(rows: Int) -> String { "a|b\n-|-\n" + String(repeating: "x|y\n", count: rows) }
    #expect(Self.passes(table(rows: budget - 1)))
    #expect(!Self.passes(table(rows: budget)))
  }

  @Test func listMarkersAreCounted() {
    let budget = ComplexityGuard.listMarkerBudget
    #expect(Self.passes(String(repeating: "- a\n", count: budget)))
    #expect(!Self.passes(String(repeating: "- a\n", count: budget + 1)))
  }
}
