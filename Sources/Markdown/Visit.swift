/// One step of the walk over a parsed document, handed to every walker.
///
/// The node's kind and literal are read from cmark once here rather than
/// once per walker.
struct Visit {
  let event: WalkEvent
  let node: CmarkNode
  let kind: CmarkNodeKind
  /// The text of text, code, HTML and code-block nodes on `.enter`; else "".
  let literal: String

  init(_ event: WalkEvent, _ node: CmarkNode, _ kind: CmarkNodeKind) {
    self.event = event
    self.node = node
    self.kind = kind
    switch kind {
    case .text, .code, .htmlInline, .htmlBlock, .codeBlock:
      self.literal = event == .enter ? node.literal : ""
    default:
      self.literal = ""
    }
  }

  /// Text a reader sees for this step inside inline content (link text,
  /// heading text, alt text): text and code, breaks as spaces, no raw HTML.
  var visibleInlineText: String? {
    guard event == .enter else { return nil }
    switch kind {
    case .text, .code: return literal
    case .softBreak, .lineBreak: return " "
    default: return nil
    }
  }
}

extension String {
  /// Without leading and trailing whitespace (ASCII fast path; other Unicode
  /// whitespace such as U+00A0 is trimmed too).
  var trimmingWhitespace: String {
    let utf8 = self.utf8
    guard let first = utf8.first, let last = utf8.last else { return self }
    if first < 0x80, !first.isASCIIWhitespace, last < 0x80, !last.isASCIIWhitespace { return self }
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[start...end])
  }

  /// True when the last character is ASCII whitespace (or there is none).
  var endsInASCIIWhitespace: Bool {
    guard let last = utf8.last else { return true }
    return last.isASCIIWhitespace
  }
}

extension UInt8 {
  var isASCIIWhitespace: Bool {
    self == 0x20 || self == 0x0A || self == 0x09 || self == 0x0D || self == 0x0B || self == 0x0C
  }

  var asciiLowercased: UInt8 { self >= 0x41 && self <= 0x5A ? self + 0x20 : self }
}

extension StringProtocol {
  /// ASCII case-insensitive `hasPrefix`, without allocating.
  func hasASCIICaseInsensitivePrefix(_ prefix: String) -> Bool {
    var bytes = utf8.makeIterator()
    for expected in prefix.utf8 {
      guard let byte = bytes.next(), byte.asciiLowercased == expected.asciiLowercased else {
        return false
      }
    }
    return true
  }
}
