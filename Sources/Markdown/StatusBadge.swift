/// A RAG status written in a table cell, shown with a shape as well as a
/// colour so that it does not rely on colour alone.
enum StatusBadge: String, CaseIterable {
  case red = "Red"
  case amber = "Amber"
  case green = "Green"
  case blue = "Blue"
  case complete = "Complete"

  /// The status a cell's whole text names, ignoring case and surrounding
  /// whitespace; "Completed" counts as Complete.
  init?(cellText: String) {
    guard cellText.utf8.count <= 40 else { return nil }  // most cells: no work
    // A name is 3 to 9 letters, and only ASCII letters lower to them: any
    // other length is no status, without lowering it.
    let trimmed = cellText.trimmingWhitespace
    guard (3...9).contains(trimmed.utf8.count) else { return nil }
    switch trimmed.lowercased() {
    case "red": self = .red
    case "amber": self = .amber
    case "green": self = .green
    case "blue": self = .blue
    case "complete", "completed": self = .complete
    default: return nil
    }
  }

  /// Blue is the "done" of Blue-RAG, hence the same tick as Complete.
  var mark: String {
    switch self {
    case .red: return "\u{25A0}"  // ■
    case .amber: return "\u{25B2}"  // ▲
    case .green: return "\u{25CF}"  // ●
    case .blue, .complete: return "\u{2713}"  // ✓
    }
  }

  var index: Int { StatusBadge.allCases.firstIndex(of: self) ?? 0 }

  var html: String { Self.htmls[index] }

  /// Each badge's HTML, in `allCases` order, made once.
  private static let htmls = allCases.map { badge in
    "<span class=\"rag rag-\(badge.rawValue.lowercased())\"><span class=\"rag-mark\" aria-hidden=\"true\">"
      + "\(badge.mark)</span> \(badge.rawValue)</span>"
  }

  /// The line printed above a table with status cells, so that a reader (or
  /// a listener) gets the totals without counting: "RAG status: 1 Red,
  /// 1 Amber, 3 Green". Always in `allCases` order, worst first; statuses
  /// that do not occur are left out; nil without any. The words are the
  /// badges' own and do not change in the plural ("3 Green").
  static func summary(counts: [Int]) -> String? {
    let parts = zip(allCases, counts).filter { $0.1 > 0 }.map { "\($0.1) \($0.0.rawValue)" }
    return parts.isEmpty ? nil : "RAG status: " + parts.joined(separator: ", ")
  }
}
