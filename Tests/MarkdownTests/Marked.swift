@testable import Markdown

/// Source text with `⟪name⟫` markers where positions are expected; the
/// markers are removed and each name maps to the point it stood at
/// (1-based line, column in characters).
struct Marked {
  var source = ""
  var points: [String: SourcePoint] = [:]

  init(_ text: String) {
    var line = 1
    var column = 1
    var index = text.startIndex
    while index < text.endIndex {
      if text[index] == "⟪", let close = text[index...].firstIndex(of: "⟫") {
        let name = String(text[text.index(after: index)..<close])
        points[name] = SourcePoint(line: line, column: column)
        index = text.index(after: close)
        continue
      }
      let character = text[index]
      source.append(character)
      if character == "\n" || character == "\r\n" {
        line += 1
        column = 1
      } else {
        column += character.unicodeScalars.count
      }
      index = text.index(after: index)
    }
  }

  subscript(_ name: String) -> SourcePoint? { points[name] }
}
