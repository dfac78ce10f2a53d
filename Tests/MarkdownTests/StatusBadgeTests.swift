import Testing

@testable import Markdown

/// A cell's status is read as the straightforward lowering of its whole
/// trimmed text reads it; the badges' HTML is made once.
@Suite struct StatusBadgeTests {
  static func reference(_ text: String) -> StatusBadge? {
    guard text.utf8.count <= 40 else { return nil }
    switch text.trimmingWhitespace.lowercased() {
    case "red": return .red
    case "amber": return .amber
    case "green": return .green
    case "blue": return .blue
    case "complete", "completed": return .complete
    default: return nil
    }
  }

  @Test func cellsReadAsByLoweringTheirText() {
    let cells = [
      "Red", " RED ", "\tamber\n", "Green", "GREEN ", "blue", "Complete", "completed", "COMPLETED", "Completedd", "re", "redd",
      "R e d", "Ｒed", "\u{212A}", "", "  ", "Amber/Red", "red.", "Green\u{00A0}", "Gréen", String(repeating: "red ", count: 12),
    ]
    for cell in cells {
      #expect(StatusBadge(cellText: cell) == Self.reference(cell), "'\(cell)'")
    }
    #expect(StatusBadge(cellText: " Completed ") == .complete)
  }

  @Test func htmlNamesTheStatusInWordsAndShape() {
    #expect(StatusBadge.red.html == "<span class=\"rag rag-red\"><span class=\"rag-mark\" aria-hidden=\"true\">\u{25A0}</span> Red</span>")
    #expect(Set(StatusBadge.allCases.map(\.html)).count == StatusBadge.allCases.count)
  }
}
