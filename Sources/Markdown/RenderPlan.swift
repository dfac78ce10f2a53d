/// Decides, during the walk, which nodes to change before rendering, and
/// changes them afterwards (a tree must not change while it is walked).
struct RenderPlan {
  let placeholderSchemes: [String]
  let statusBadges: Bool
  let relativeURLBase: String
  let topHeadingLevel: Int

  private struct PlaceholderLinkNode {
    var node: CmarkNode
    var link: RenderedHTML.PlaceholderLink
    /// Shown text: empty, or the URL itself (`<item:x>`), means "use the
    /// resolved text".
    var text = ""
    /// Children are only text, so they can be dropped safely.
    var onlyText = true
  }

  private var placeholderLinks: [PlaceholderLinkNode] = []
  private var openLinks: [Int?] = []  // per open link or image: its placeholder
  private var headings: [CmarkNode] = []
  private var tables: [CmarkNode] = []
  private var cell: (node: CmarkNode, text: String, simple: Bool)?
  private var badgeCells: [(CmarkNode, StatusBadge)] = []
  /// Per table: how many cells hold each status, in `StatusBadge.allCases` order.
  private var badgeCounts: [[Int]] = []
  private var relativeLinks: [(CmarkNode, String)] = []

  init(options: MarkdownOptions) {
    self.placeholderSchemes = options.placeholderSchemes
    self.statusBadges = options.statusBadges
    self.relativeURLBase = options.relativeURLBase
    self.topHeadingLevel = min(max(options.topHeadingLevel, 1), 6)
  }

  /// A path relative to the document's folder: not a fragment, an absolute
  /// path or anything with a scheme.
  static func isRelative(_ url: String) -> Bool {
    guard let first = url.utf8.first, first != UInt8(ascii: "#"), first != UInt8(ascii: "/") else {
      return false
    }
    return !url.utf8.contains(UInt8(ascii: ":"))
  }

  mutating func visit(_ visit: Visit) {
    let node = visit.node
    if visit.event == .enter {
      // Content of the open placeholder links and of the open table cell.
      for case let open? in openLinks {
        if let text = visit.visibleInlineText { placeholderLinks[open].text += text }
        if visit.kind != .text && visit.kind != .softBreak && visit.kind != .lineBreak {
          placeholderLinks[open].onlyText = false
        }
      }
      if cell != nil {
        switch visit.kind {
        case .text: cell?.text += visit.literal
        case .emphasis, .strong: break
        default: cell?.simple = false
        }
      }
    }

    switch (visit.event, visit.kind) {
    case (.enter, .link), (.enter, .image):
      let url = node.url
      if placeholderSchemes.contains(where: { url.hasASCIICaseInsensitivePrefix($0) }) {
        let link = RenderedHTML.PlaceholderLink(
          url: url, title: node.title, isNested: !openLinks.isEmpty)
        placeholderLinks.append(PlaceholderLinkNode(node: node, link: link))
        openLinks.append(placeholderLinks.count - 1)
      } else {
        openLinks.append(nil)
        if !relativeURLBase.isEmpty, Self.isRelative(url) {
          relativeLinks.append((node, relativeURLBase + url))
        }
      }
    case (.exit, .link), (.exit, .image):
      openLinks.removeLast()
    case (.enter, .heading):
      headings.append(node)
    case (.enter, .table):
      tables.append(node)
      badgeCounts.append([Int](repeating: 0, count: StatusBadge.allCases.count))
    case (.enter, .tableCell):
      cell = (node, "", true)
    case (.exit, .tableCell):
      if statusBadges, let finished = cell, finished.simple,
        let badge = StatusBadge(cellText: finished.text)
      {
        badgeCells.append((finished.node, badge))
        if !badgeCounts.isEmpty { badgeCounts[badgeCounts.count - 1][badge.index] += 1 }
      }
      cell = nil
    default:
      break
    }
  }

  /// Applies the plan; returns what `RenderedHTML.render` needs to fill in
  /// the placeholder links.
  func apply(to tree: inout CmarkTree) -> [RenderedHTML.PlaceholderLink] {
    for (index, entry) in placeholderLinks.enumerated() {
      let text = entry.text.trimmingWhitespace
      let needsText = text.isEmpty || text == entry.link.url
      tree.replace(
        entry.node,
        before: Placeholder.marker(.linkStart, index)
          + (needsText ? Placeholder.marker(.linkText, index) : ""),
        after: Placeholder.marker(.linkEnd, index),
        dropChildren: needsText && entry.onlyText)
    }
    for (node, url) in relativeLinks {
      tree.setURL(of: node, to: url)
    }
    for (node, badge) in badgeCells {
      tree.replaceChildren(of: node, withText: Placeholder.marker(.statusBadge, badge.index))
    }
    for (index, heading) in headings.enumerated() {
      tree.prependText(Placeholder.marker(.heading, index), to: heading)
    }
    let highest = headings.lazy.map(\.headingLevel).min() ?? topHeadingLevel
    if highest < topHeadingLevel {
      for heading in headings {
        tree.setHeadingLevel(of: heading, to: min(heading.headingLevel + topHeadingLevel - highest, 6))
      }
    }
    for (index, table) in tables.enumerated() {
      let summary = StatusBadge.summary(counts: badgeCounts[index]).map {
        "<p class=\"rag-summary\">\($0)</p>\n"
      }
      tree.wrap(
        table,
        onEnter: (summary ?? "") + "<div class=\"table-scroll\" role=\"region\" tabindex=\"0\" "
          + "aria-label=\"Table \(index + 1)\">",
        onExit: "</div>")
    }
    return placeholderLinks.map(\.link)
  }
}
