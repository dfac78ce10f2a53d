/// Collects links and images in document order, for link checking and for
/// resolving `item:` and `meeting:` targets.
struct LinkCollector {
  private(set) var links: [MarkdownLink] = []
  /// Links being walked, innermost last: index into `links` and text so far.
  private var open: [(index: Int, text: String)] = []

  mutating func visit(_ visit: Visit, positions: inout SourcePositions) {
    switch (visit.event, visit.kind) {
    case (.enter, .link), (.enter, .image):
      let node = visit.node
      links.append(
        MarkdownLink(
          url: node.url, title: node.title, text: "", isImage: visit.kind == .image,
          position: positions.point(of: node, kind: visit.kind)))
      open.append((links.count - 1, ""))
    case (.exit, .link), (.exit, .image):
      let finished = open.removeLast()
      links[finished.index].text = finished.text
      if !open.isEmpty { open[open.count - 1].text += finished.text }
    default:
      if !open.isEmpty, let text = visit.visibleInlineText { open[open.count - 1].text += text }
    }
  }

  /// cmark-gfm moves footnote definitions, and the links in them, to the
  /// end; callers report problems in source order.
  var linksInSourceOrder: [MarkdownLink] {
    links.enumerated().sorted { ($0.element.position, $0.offset) < ($1.element.position, $1.offset) }
      .map(\.element)
  }
}
