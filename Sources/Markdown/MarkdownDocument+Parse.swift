extension MarkdownDocument {
  /// At most this many footnote references: each adds a back-link of about
  /// 120 bytes to its note, so more would only inflate the output.
  static let maximumFootnoteReferences = 10_000

  /// Parses GitHub Flavored Markdown (tables, strikethrough, autolinks, task
  /// lists, footnotes) in safe mode: raw HTML is omitted and `javascript:`,
  /// `vbscript:`, `file:` and non-image `data:` URLs are dropped.
  ///
  /// Safe to call from several threads at once.
  public static func parse(
    _ source: String, options: MarkdownOptions = .standard
  ) throws(MarkdownError) -> MarkdownDocument {
    let byteCount = source.utf8.count
    guard byteCount <= options.maximumBytes else {
      throw .tooLarge(bytes: byteCount, limit: options.maximumBytes)
    }
    let text = SourceText(source)
    try ComplexityGuard.check(text, maximumDepth: options.maximumDepth)

    return try CmarkParser.withTree(text.bytes, smartPunctuation: options.smartPunctuation) {
      (tree: inout CmarkTree) throws(MarkdownError) -> MarkdownDocument in
      var positions = SourcePositions(source: text)
      var depth = DepthGuard(limit: options.maximumDepth)
      var links = LinkCollector()
      var headings = HeadingCollector()
      var footnotes = FootnoteCollector()
      var plainText = PlainTextCollector()
      var plan = RenderPlan(options: options)

      try tree.walk { (event, node, kind) throws(MarkdownError) in
        let visit = Visit(event, node, kind)
        positions.visit(visit)
        try depth.visit(visit, positions: &positions)
        links.visit(visit, positions: &positions)
        headings.visit(visit, positions: &positions)
        footnotes.visit(visit, positions: &positions)
        plainText.visit(visit)
        plan.visit(visit)
      }
      if footnotes.referenceCount > maximumFootnoteReferences {
        throw .tooDeep(footnotes.footnotes.first?.position ?? SourcePoint(line: 1, column: 1))
      }

      let document = tree.document.firstChild
      let isSingleParagraph = document?.kind == .paragraph && document?.next == nil

      let placeholderLinks = plan.apply(to: &tree)
      let processor = HTMLPostProcessor(headingIDs: headings.headings.map(\.id))
      let template = tree.withHTML { html in processor.process(html) }

      let notes = footnotes.footnotesInSourceOrder
      var allText = plainText.finished
      let labels = notes.map(\.label).filter { !$0.isEmpty }
      if !labels.isEmpty { allText += "\n" + labels.joined(separator: " ") }

      return MarkdownDocument(
        links: links.linksInSourceOrder, headings: headings.headings, footnotes: notes,
        plainText: allText, html: RenderedHTML(template: template, links: placeholderLinks),
        isSingleParagraph: isSingleParagraph)
    }
  }
}
