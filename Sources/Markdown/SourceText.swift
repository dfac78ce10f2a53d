/// The markdown bytes exactly as cmark-gfm sees them, with a line table that
/// turns cmark's byte columns into the character columns people see.
struct SourceText {
  private(set) var bytes: [UInt8]
  /// Byte offset at which each line starts; line 1 is at index 0.
  private(set) var lineStarts: [Int]

  /// Copies `source`, dropping a leading byte-order mark (cmark-gfm skips it
  /// too) and turning U+E000–U+E002 into U+FFFD so that no input can forge a
  /// render placeholder.
  init(_ source: String) {
    var bytes = Array(source.utf8)
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    var lineStarts = [0]
    lineStarts.reserveCapacity(bytes.count / 32 + 1)
    bytes.withUnsafeMutableBufferPointer { buffer in
      var index = 0
      let count = buffer.count
      while index < count {
        switch buffer[index] {
        case 0x0A:
          lineStarts.append(index + 1)
        case 0x0D:
          // CR, LF and CRLF each end a line, as in cmark.
          if index + 1 < count, buffer[index + 1] == 0x0A { index += 1 }
          lineStarts.append(index + 1)
        case 0xEE:
          if index + 2 < count, buffer[index + 1] == 0x80, buffer[index + 2] <= 0x82 {
            buffer[index] = 0xEF
            buffer[index + 1] = 0xBF
            buffer[index + 2] = 0xBD
            index += 2
          }
        default:
          break
        }
        index += 1
      }
    }
    self.bytes = bytes
    self.lineStarts = lineStarts
  }

  var lineCount: Int { lineStarts.count }

  /// Byte range of a 1-based line, without its line ending.
  func lineRange(_ line: Int) -> Range<Int> {
    guard line >= 1, line <= lineStarts.count else { return bytes.count..<bytes.count }
    let start = lineStarts[line - 1]
    var end = line < lineStarts.count ? lineStarts[line] : bytes.count
    if end > start, bytes[end - 1] == 0x0A { end -= 1 }
    if end > start, bytes[end - 1] == 0x0D { end -= 1 }
    return start..<end
  }

  /// The byte at a 1-based line and byte column, if the line has one there.
  func byte(line: Int, column: Int) -> UInt8? {
    let range = lineRange(line)
    let index = range.lowerBound + column - 1
    return column >= 1 && index < range.upperBound ? bytes[index] : nil
  }

  /// Converts a 1-based byte column to a point whose column counts Unicode
  /// scalars (a tab counts as one).
  func point(line: Int, byteColumn: Int) -> SourcePoint {
    point(line: line, byteColumn: byteColumn, from: (1, 1))
  }

  /// Same, counting from a known byte column and character column on the
  /// same line (left of `byteColumn`), so that many points on one long line
  /// cost one pass over it.
  func point(line: Int, byteColumn: Int, from known: (byteColumn: Int, column: Int)) -> SourcePoint {
    let range = lineRange(line)
    guard !range.isEmpty, byteColumn > 1 else {
      return SourcePoint(line: max(line, 1), column: max(byteColumn, 1))
    }
    let start: (byteColumn: Int, column: Int) = known.byteColumn <= byteColumn ? known : (1, 1)
    let end = min(range.lowerBound + byteColumn - 1, range.upperBound)
    var column = start.column
    var index = range.lowerBound + start.byteColumn - 1
    while index < end {
      if bytes[index] & 0xC0 != 0x80 { column += 1 }
      index += 1
    }
    if byteColumn - 1 > range.count { column += byteColumn - 1 - range.count }
    return SourcePoint(line: line, column: column)
  }

  /// Byte column of the first byte on `line` that is not a space, tab or
  /// `>`: where the text of a paragraph's continuation line starts.
  func contentColumn(line: Int) -> Int {
    let range = lineRange(line)
    var index = range.lowerBound
    while index < range.upperBound,
      bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == UInt8(ascii: ">")
    {
      index += 1
    }
    return index - range.lowerBound + 1
  }

  /// Byte column at which `needle` next occurs on `line`, searching from
  /// `column`.
  func find(_ needle: [UInt8], line: Int, from column: Int) -> Int? {
    let range = lineRange(line)
    guard !needle.isEmpty else { return nil }
    var index = range.lowerBound + max(column, 1) - 1
    while index + needle.count <= range.upperBound {
      if bytes[index] == needle[0], bytes[index..<index + needle.count].elementsEqual(needle) {
        return index - range.lowerBound + 1
      }
      index += 1
    }
    return nil
  }
}
