/// A markdown file split into its YAML front matter and its body.
struct FrontMatter {
  /// The YAML between the `---` lines, or nil when the file has none.
  var yaml: String?
  /// The 1-based file line of the YAML's first line.
  var yamlLine: Int
  var body: String
  /// The 1-based file line where the body starts.
  var bodyLine: Int

  enum Problem: Error, Equatable {
    /// An opening `---` with no closing `---` or `...`.
    case unclosed
  }

  /// Splits on a first line of exactly `---` and the next line of `---` or `...`.
  static func split(_ text: String) throws(Problem) -> FrontMatter {
    let bytes = text.utf8
    var lineStart = bytes.startIndex
    var line = 1
    var yamlStart: String.Index?
    while lineStart < bytes.endIndex {
      let lineEnd = bytes[lineStart...].firstIndex(of: 10) ?? bytes.endIndex
      let content = text[lineStart..<lineEnd].trimmingTrailingSpaces
      let next = lineEnd < bytes.endIndex ? bytes.index(after: lineEnd) : lineEnd
      if let start = yamlStart {
        if content == "---" || content == "..." {
          return FrontMatter(
            yaml: String(text[start..<lineStart].dropLast()), yamlLine: 2,
            body: String(text[next...]), bodyLine: line + 1)
        }
      } else {
        guard content == "---" else { return FrontMatter(yaml: nil, yamlLine: 1, body: text, bodyLine: 1) }
        yamlStart = next
      }
      lineStart = next
      line += 1
    }
    throw .unclosed
  }
}

extension FrontMatter {
  /// Splits, turning an unclosed front matter into a diagnostic at the file.
  static func split(_ text: String, path: String, _ diagnostics: inout Diagnostics) -> FrontMatter? {
    do {
      return try split(text)
    } catch {
      diagnostics.error("front matter starts with '---' but has no closing '---' line", at: SourceLocation(path: path))
      return nil
    }
  }
}

extension Substring {
  var trimmingTrailingSpaces: Substring {
    var s = self
    while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
    return s
  }
}
