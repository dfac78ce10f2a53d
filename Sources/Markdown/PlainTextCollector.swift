/// Everything a reader or a crawler could see in the document, for the audit
/// that proves non-public text never reaches public output.
///
/// Deliberately generous: raw HTML (omitted from the rendered page) is kept,
/// and so are URLs, titles, alt texts, code and footnote labels. Blocks end
/// with a line break and inline pieces that are not adjacent in the source
/// are separated by a space, so that words never run together.
struct PlainTextCollector {
  private(set) var text = ""

  mutating func visit(_ visit: Visit) {
    switch (visit.event, visit.kind) {
    case (.enter, .text), (.enter, .code), (.enter, .htmlInline):
      text += visit.literal
    case (.enter, .codeBlock), (.enter, .htmlBlock):
      separate("\n")
      text += visit.literal
      separate("\n")
    case (.enter, .softBreak), (.enter, .lineBreak):
      separate("\n")
    case (.exit, .link), (.exit, .image):
      let node = visit.node
      for piece in [node.url, node.title] where !piece.isEmpty {
        separate(" ")
        text += piece
      }
      separate(" ")
    case (.enter, .footnoteReference), (.enter, .footnoteDefinition):
      separate(" ")
    case (.exit, .tableCell):
      separate(" ")
    case (.exit, let kind) where kind.isBlock:
      separate("\n")
    default:
      break
    }
  }

  /// Appends `separator` unless the text is empty or already ends in
  /// whitespace; a line break replaces a trailing space.
  private mutating func separate(_ separator: Character) {
    if separator == "\n", text.utf8.last == UInt8(ascii: " ") { text.removeLast() }
    if !text.endsInASCIIWhitespace { text.append(separator) }
  }

  var finished: String { text.trimmingWhitespace }
}
