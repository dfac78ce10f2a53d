/// Refuses, before parsing, sources on which Debian's cmark-gfm 0.29.0.gfm.6
/// would take quadratic time or produce quadratic output.
///
/// The fixes (cmark-gfm 0.29.0.gfm.7 to .13) are not in Debian. Measured on
/// this version, the cost grows with the square of these counts per
/// paragraph: unclosed `[` before links (`![[]()`), `<` that opens no tag
/// (`<?`, `<![CDATA[`, `<http://`), smart quotes, emphasis marks and `@`
/// (email autolinks). Per table row it grows with the square of the table's
/// columns: rows are padded to the header's width, and each cell looks up
/// its column from the start of the row. Table rows (about 2.5 µs each) and
/// list markers (about 1 µs each) are expensive however short they are.
/// Container markers (`>`, `-`, `1.`) that nest deeper than the depth limit
/// on one line are refused as well.
///
/// The scan over-approximates on purpose. A "paragraph" here is any run of
/// non-blank lines, and every occurrence counts, escaped or in code, because
/// guessing what cmark will parse is how a guard gets bypassed. A budget is
/// the sum over paragraphs of count². The budgets are set so that no 2 MB
/// source takes more than about half a second (measured), while real
/// documents stay far below them.
struct ComplexityGuard {
  static let bracketBudget = 300_000_000  // ≈ 17,000 `[` in one paragraph
  static let angleBudget = 30_000_000  // ≈ 5,500 `<`
  static let quoteBudget = 200_000_000  // ≈ 14,000 quotes and apostrophes
  static let emphasisBudget = 10_000_000_000  // ≈ 100,000 `*` and `_`
  static let atSignBudget = 100_000_000  // ≈ 10,000 `@`
  static let tableCostBudget = 30_000_000  // Σ columns² over table rows
  static let tableCellBudget = 1_000_000  // cells, padding included
  static let tableRowBudget = 200_000  // ≈ 2.5 µs each in cmark-gfm
  static let listMarkerBudget = 300_000  // ≈ 1 µs each, however they nest

  /// 0 for bytes that cost nothing; else which tally the byte counts in.
  private static let byteClass: [UInt8] = {
    var table = [UInt8](repeating: 0, count: 256)
    table[Int(UInt8(ascii: "["))] = 1
    table[Int(UInt8(ascii: "<"))] = 2
    table[Int(UInt8(ascii: "\""))] = 3
    table[Int(UInt8(ascii: "'"))] = 3
    table[Int(UInt8(ascii: "*"))] = 4
    table[Int(UInt8(ascii: "_"))] = 4
    table[Int(UInt8(ascii: "@"))] = 5
    table[Int(UInt8(ascii: "|"))] = 6
    return table
  }()

  private struct Tally {
    let limit: Int
    var total = 0
    var inParagraph = 0

    /// Counts one more occurrence; false once the budget is spent.
    mutating func add() -> Bool {
      total += 2 * inParagraph + 1
      inParagraph += 1
      return total <= limit
    }
  }

  static func check(_ source: SourceText, maximumDepth: Int) throws(MarkdownError) {
    var brackets = Tally(limit: bracketBudget)
    var angles = Tally(limit: angleBudget)
    var quotes = Tally(limit: quoteBudget)
    var emphasis = Tally(limit: emphasisBudget)
    var atSigns = Tally(limit: atSignBudget)
    var tableCost = 0
    var tableCells = 0
    var tableRows = 0
    var listMarkers = 0
    var tableColumns = 0  // 0: not inside something that may be a table

    try source.bytes.withUnsafeBufferPointer { (bytes) throws(MarkdownError) in
      for line in 1...source.lineCount {
        let range = source.lineRange(line)
        func refuse(at index: Int) -> MarkdownError {
          .tooDeep(source.point(line: line, byteColumn: index - range.lowerBound + 1))
        }

        var index = range.lowerBound
        while index < range.upperBound, bytes[index] == 0x20 || bytes[index] == 0x09 { index += 1 }
        if index == range.upperBound {
          // A blank line ends every paragraph and table.
          brackets.inParagraph = 0
          angles.inParagraph = 0
          quotes.inParagraph = 0
          emphasis.inParagraph = 0
          atSigns.inParagraph = 0
          tableColumns = 0
          continue
        }

        let markers = containerMarkers(maximumDepth, bytes, range)
        if let deepMarker = markers.beyondLimit { throw refuse(at: deepMarker) }
        listMarkers += markers.lists
        if listMarkers > listMarkerBudget { throw refuse(at: range.lowerBound) }

        var pipes = 0
        for index in range {
          let ok: Bool
          switch byteClass[Int(bytes[index])] {
          case 0: continue
          case 1: ok = brackets.add()
          case 2: ok = angles.add()
          case 3: ok = quotes.add()
          case 4: ok = emphasis.add()
          case 5: ok = atSigns.add()
          default:
            pipes += 1
            ok = true
          }
          if !ok { throw refuse(at: index) }
        }

        if isDelimiterRow(bytes, range) { tableColumns = max(tableColumns, pipes + 1) }
        let columns = tableColumns > 0 ? max(tableColumns, pipes + 1) : pipes
        tableCost += columns * columns
        if tableColumns > 0 {
          tableCells += columns
          tableRows += 1
        }
        if tableCost > tableCostBudget || tableCells > tableCellBudget || tableRows > tableRowBudget {
          throw refuse(at: range.lowerBound)
        }
      }
    }
  }

  /// The container markers (`>`, `-`, `+`, `*`, `1.`, `1)`) at the start of
  /// a line: how many are list markers, and the index of the first that
  /// nests deeper than `limit` (a list marker opens two levels, list and item).
  private static func containerMarkers(
    _ limit: Int, _ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>
  ) -> (lists: Int, beyondLimit: Int?) {
    var depth = 0
    var lists = 0
    var index = range.lowerBound
    func isSpaceOrEnd(_ at: Int) -> Bool {
      at >= range.upperBound || bytes[at] == 0x20 || bytes[at] == 0x09
    }
    while index < range.upperBound {
      let byte = bytes[index]
      if byte == 0x20 || byte == 0x09 {
        index += 1
        continue
      }
      var next = index
      if byte == UInt8(ascii: ">") {
        next = index + 1
        depth += 1
      } else if byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "*") {
        guard isSpaceOrEnd(index + 1) else { return (lists, nil) }
        next = index + 1
        depth += 2
        lists += 1
      } else if byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") {
        var digitEnd = index
        while digitEnd < range.upperBound, digitEnd - index < 9,
          bytes[digitEnd] >= UInt8(ascii: "0") && bytes[digitEnd] <= UInt8(ascii: "9")
        {
          digitEnd += 1
        }
        guard digitEnd < range.upperBound,
          bytes[digitEnd] == UInt8(ascii: ".") || bytes[digitEnd] == UInt8(ascii: ")"),
          isSpaceOrEnd(digitEnd + 1)
        else { return (lists, nil) }
        next = digitEnd + 1
        depth += 2
        lists += 1
      } else {
        return (lists, nil)
      }
      if depth > limit { return (lists, index) }
      index = next
    }
    return (lists, nil)
  }

  /// True for lines that could be a table's delimiter row (`|:--|--:|`,
  /// also inside block quotes and list items).
  private static func isDelimiterRow(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    while index < range.upperBound,
      bytes[index] == 0x20 || bytes[index] == 0x09 || bytes[index] == UInt8(ascii: ">")
    {
      index += 1
    }
    var dashes = false
    while index < range.upperBound {
      switch bytes[index] {
      case UInt8(ascii: "-"): dashes = true
      case UInt8(ascii: "|"), UInt8(ascii: ":"), 0x20, 0x09, 0x0B, 0x0C: break
      default: return false
      }
      index += 1
    }
    return dashes
  }
}
