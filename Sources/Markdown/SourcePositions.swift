/// Turns cmark-gfm's node positions into exact source points.
///
/// cmark-gfm 0.29.0.gfm.6 gets some inline positions wrong, measured:
/// - on a paragraph's continuation lines it assumes the line is indented like
///   the first line (wrong after `  text`, in footnotes, for lazy lines);
/// - `www.` autolinks start one column early; email autolinks have no
///   position at all (0:0);
/// - a footnote definition starts after its `[^label]:`.
/// Each correction is checked against the source bytes.
struct SourcePositions {
  let source: SourceText
  /// Start of the paragraph, heading or table cell being walked.
  private var blockStart: (line: Int, column: Int)?
  /// The last position known to be right, for nodes that have none.
  private var lastKnown = SourcePoint(line: 1, column: 1)
  /// The last conversion from a byte column, to continue from on its line.
  private var lastConversion = (line: 0, byteColumn: 1, column: 1)

  init(source: SourceText) {
    self.source = source
  }

  mutating func visit(_ visit: Visit) {
    switch visit.kind {
    case .paragraph, .heading, .tableCell:
      blockStart = visit.event == .enter ? visit.node.start : nil
    default:
      break
    }
  }

  /// Where the node starts; for a node with no position, the last position
  /// handed out.
  mutating func point(of node: CmarkNode, kind: CmarkNodeKind) -> SourcePoint {
    let point: SourcePoint
    switch kind {
    case .link, .image:
      point = inlinePoint(node, expecting: UInt8(ascii: kind == .image ? "!" : "["))
    case .footnoteDefinition:
      point = footnoteDefinitionPoint(node)
    default:
      let (line, column) = node.start
      point = line > 0 ? convert(line: line, byteColumn: column) : lastKnown
    }
    lastKnown = point
    return point
  }

  private mutating func convert(line: Int, byteColumn: Int) -> SourcePoint {
    let known =
      lastConversion.line == line ? (lastConversion.byteColumn, lastConversion.column) : (1, 1)
    let point = source.point(line: line, byteColumn: byteColumn, from: known)
    lastConversion = (line, max(byteColumn, 1), point.column)
    return point
  }

  /// cmark's column for an inline, moved to the line's real indentation.
  private func byteColumn(line: Int, column: Int) -> Int {
    guard let block = blockStart, line > block.line else { return column }
    return column - (block.column - 1) + (source.contentColumn(line: line) - 1)
  }

  private mutating func inlinePoint(_ node: CmarkNode, expecting marker: UInt8) -> SourcePoint {
    let (line, reported) = node.start
    // An autolink's text is verbatim in the source.
    var text: String { node.firstChild.map { $0.literal } ?? "" }
    if line > 0 {
      let column = byteColumn(line: line, column: reported)
      let byte = source.byte(line: line, column: column)
      if byte == marker || byte == UInt8(ascii: "<") {
        return convert(line: line, byteColumn: column)
      }
      if !text.isEmpty, let found = source.find(Array(text.utf8), line: line, from: column - 1) {
        return convert(line: line, byteColumn: found)
      }
      return convert(line: line, byteColumn: column)
    }
    // No position (email autolinks): search forward from the previous node.
    if !text.isEmpty {
      var searchLine = lastKnown.line
      var searchFrom = 1
      if let previous = node.previous, previous.start.line > 0 {
        searchLine = previous.start.line
        searchFrom = byteColumn(line: searchLine, column: previous.start.column)
      } else if let block = blockStart {
        searchLine = block.line
        searchFrom = block.column
      }
      let needle = Array(text.utf8)
      var candidateLine = searchLine
      while candidateLine <= source.lineCount, candidateLine <= searchLine + 1000 {
        let from = candidateLine == searchLine ? searchFrom : 1
        if let found = source.find(needle, line: candidateLine, from: from) {
          return convert(line: candidateLine, byteColumn: found)
        }
        candidateLine += 1
      }
    }
    return lastKnown
  }

  private mutating func footnoteDefinitionPoint(_ node: CmarkNode) -> SourcePoint {
    let (line, reported) = node.start
    guard line > 0 else { return lastKnown }
    var column = min(reported, source.lineRange(line).count + 1)
    while column > 1 {
      column -= 1
      if source.byte(line: line, column: column) == UInt8(ascii: "["),
        source.byte(line: line, column: column + 1) == UInt8(ascii: "^"),
        column == 1 || source.byte(line: line, column: column - 1) != UInt8(ascii: "\\")
      {
        return convert(line: line, byteColumn: column)
      }
    }
    return convert(line: line, byteColumn: reported)
  }

  /// The label of the footnote definition at `point`, read from the source:
  /// cmark-gfm keeps it out of reach of its public API.
  func footnoteLabel(at point: SourcePoint) -> String {
    let range = source.lineRange(point.line)
    // Convert the character column back to a byte offset.
    var index = range.lowerBound
    var column = 1
    while index < range.upperBound, column < point.column {
      index += 1
      while index < range.upperBound, source.bytes[index] & 0xC0 == 0x80 { index += 1 }
      column += 1
    }
    guard index + 1 < range.upperBound, source.bytes[index] == UInt8(ascii: "["),
      source.bytes[index + 1] == UInt8(ascii: "^")
    else { return "" }
    var end = index + 2
    while end < range.upperBound, source.bytes[end] != UInt8(ascii: "]") {
      if source.bytes[end] == UInt8(ascii: "\\") { end += 1 }
      end += 1
    }
    return String(decoding: source.bytes[index + 2..<min(end, range.upperBound)], as: UTF8.self)
  }
}
