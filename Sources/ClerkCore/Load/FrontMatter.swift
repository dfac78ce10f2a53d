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
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false)[...]
    guard let first = lines.first, first.trimmingTrailingSpaces == "---" else {
      return FrontMatter(yaml: nil, yamlLine: 1, body: text, bodyLine: 1)
    }
    lines = lines.dropFirst()
    var yamlLines: [Substring] = []
    var line = 2
    while let next = lines.first {
      lines = lines.dropFirst()
      let trimmed = next.trimmingTrailingSpaces
      if trimmed == "---" || trimmed == "..." {
        return FrontMatter(
          yaml: yamlLines.joined(separator: "\n"), yamlLine: 2,
          body: lines.joined(separator: "\n"), bodyLine: line + 1)
      }
      yamlLines.append(next)
      line += 1
    }
    throw .unclosed
  }
}

extension Substring {
  var trimmingTrailingSpaces: Substring {
    var s = self
    while let last = s.last, last == " " || last == "\t" || last == "\r" { s = s.dropLast() }
    return s
  }
}
