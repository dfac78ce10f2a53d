/// Collects footnote definitions that are referenced (cmark-gfm drops the
/// others), in source order.
struct FootnoteCollector {
  private(set) var footnotes: [MarkdownFootnote] = []
  private(set) var referenceCount = 0
  private var current: MarkdownFootnote?

  mutating func visit(_ visit: Visit, positions: inout SourcePositions) {
    switch (visit.event, visit.kind) {
    case (.enter, .footnoteDefinition):
      let start = positions.point(of: visit.node, kind: .footnoteDefinition)
      current = MarkdownFootnote(label: positions.footnoteLabel(at: start), text: "", position: start)
    case (.exit, .footnoteDefinition):
      if var footnote = current {
        footnote.text = footnote.text.trimmingWhitespace
        footnotes.append(footnote)
      }
      current = nil
    case (.enter, .footnoteReference):
      referenceCount += 1
    case (.exit, let kind) where kind.isBlock:
      if current != nil { current?.text += "\n" }
    default:
      if current != nil, let text = visit.visibleInlineText { current?.text += text }
    }
  }

  /// cmark-gfm moves definitions to the end in the order they are first
  /// referenced; callers want them where they were written.
  var footnotesInSourceOrder: [MarkdownFootnote] {
    footnotes.sorted { $0.position < $1.position }
  }
}
