/// How an ordered list is numbered, from how deeply it sits in other ordered
/// lists: paragraphs 1, 2, 3; their sub-paragraphs a, b, c; theirs i, ii,
/// iii; then 1, 2, 3 again. CommonMark only knows digits, so a clerk writes
/// every level with `1.` and the level gives the letters
/// (docs/content-format.md, "Numbered paragraphs").
///
/// The numbers are written into the HTML so that the web page and the PDF
/// print the same markers: `type` for the letters and numerals, and, after a
/// `start` other than 1, the `list-item` counter that WeasyPrint 70 counts
/// with (it ignores `start`).
struct OrderedListStyle: Equatable {
  enum Marker: String {
    case decimal = "1"
    case lowerAlpha = "a"
    case lowerRoman = "i"
  }

  var marker: Marker
  var start: Int

  /// `depth` is 1 for a list in no other ordered list.
  init(depth: Int, start: Int) {
    switch (max(depth, 1) - 1) % 3 {
    case 1: marker = .lowerAlpha
    case 2: marker = .lowerRoman
    default: marker = .decimal
    }
    self.start = start
  }

  /// Reads the start from cmark-gfm's `<ol>` or `<ol start="4">`.
  init(depth: Int, tag: UnsafeBufferPointer<UInt8>) {
    let attribute = Array(" start=\"".utf8)
    var start = 1
    if let position = tag.indices.first(where: { tag[$0...].starts(with: attribute) }) {
      var digit = position + attribute.count
      var value = 0
      while digit < tag.count, tag[digit] >= 0x30, tag[digit] <= 0x39, value < 1_000_000_000 {
        value = value * 10 + Int(tag[digit] - 0x30)
        digit += 1
      }
      start = value
    }
    self.init(depth: depth, start: start)
  }

  var openingTag: String {
    var tag = "<ol"
    if marker != .decimal { tag += " type=\"\(marker.rawValue)\"" }
    if start != 1 { tag += " start=\"\(start)\" style=\"counter-reset: list-item \(start - 1)\"" }
    return tag + ">"
  }
}
