import Testing

@testable import Markdown

@Suite("Rendering") struct RenderTests {
  /// Every `id="…"` value in `html`.
  static func ids(in html: String) -> [String] {
    html.split(separator: " id=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  /// Every in-page fragment a link points at.
  static func fragments(in html: String) -> [String] {
    html.split(separator: "href=\"#").dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  static let footnoted = """
    # Budget

    Spending rose[^1] and rose[^1] again[^note]. See [the budget](#budget).

    [^1]: First note.
    [^note]: Second note.
    """

  @Test func twoDocumentsOnOnePageDoNotShareIds() throws {
    let document = try MarkdownDocument.parse(Self.footnoted)
    let page =
      document.html.render(idPrefix: "item1-") { _ in nil }
      + document.html.render(idPrefix: "item2-") { _ in nil }
    let ids = Self.ids(in: page)
    #expect(ids.count == 2 * 6)  // heading, 3 references, 2 notes
    #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
    for fragment in Self.fragments(in: page) {
      #expect(ids.contains(fragment), "#\(fragment) points nowhere")
    }
    #expect(page.contains("<h1 id=\"item1-budget\">Budget</h1>"))
    #expect(page.contains("id=\"item2-fnref-1-2\""))
    #expect(page.contains("href=\"#item1-fn-note\""))
  }

  /// cmark-gfm names footnotes `fn-<label>`: a heading "fn 1" must not
  /// take footnote 1's id, or the reference jumps to the heading.
  @Test func headingsNeverTakeFootnoteIds() throws {
    let document = try MarkdownDocument.parse(
      "# fn 1\n\n## FNref 1\n\n## Section fn 1\n\nA note[^1]. [Back](#section-fn-1)\n\n[^1]: The note.")
    let html = document.html.render(idPrefix: "c-") { _ in nil }
    let ids = Self.ids(in: html)
    #expect(Set(ids).count == ids.count, "duplicate ids: \(ids)")
    #expect(document.headings.map(\.id) == ["section-fn-1", "section-fnref-1", "section-fn-1-2"])
    #expect(html.contains("<li id=\"c-fn-1\">"))
    for fragment in Self.fragments(in: html) {
      #expect(ids.contains(fragment), "#\(fragment) points nowhere")
    }
    #expect(html.contains("<a href=\"#c-section-fn-1\">Back</a>"))
  }

  @Test func emptyPrefixLeavesIdsAlone() throws {
    let html = try MarkdownDocument.parse(Self.footnoted).html.render(idPrefix: "") { _ in nil }
    #expect(html.contains("<h1 id=\"budget\">"))
    #expect(html.contains("<a href=\"#fn-1\" id=\"fnref-1\" data-footnote-ref>1</a>"))
    #expect(html.contains("<li id=\"fn-note\">"))
    #expect(html.contains("<a href=\"#budget\">the budget</a>"))
    #expect(!html.unicodeScalars.contains { (0xE000...0xE002).contains($0.value) })
  }

  @Test func prefixIsEscaped() throws {
    let html = try MarkdownDocument.parse("# A").html.render(idPrefix: "x\"><script>") { _ in nil }
    #expect(html == "<h1 id=\"x&quot;&gt;&lt;script&gt;a\">A</h1>\n")
  }

  @Test func fragmentsToOtherPagesAreNotPrefixed() throws {
    let html = try MarkdownDocument.parse("# Budget\n\n[up](#top) [b](#budget) [f](#fn-x)").html
      .render(idPrefix: "p-") { _ in nil }
    #expect(html.contains("href=\"#top\""))
    #expect(html.contains("href=\"#p-budget\""))
    #expect(html.contains("href=\"#p-fn-x\""))
  }

  @Test func resolveIsCalledOncePerPlaceholderWithTheOriginalURL() throws {
    let document = try MarkdownDocument.parse(
      "[a](item:one \"Title\") [](ITEM:Two) <meeting:c/2024-01-01> [b](https://example.org) ![i](item:img)")
    var calls: [String] = []
    let html = document.html.render(idPrefix: "") { url in
      calls.append(url)
      return ResolvedLink(href: "/\(url).html", text: "Item \(calls.count)")
    }
    #expect(calls == ["item:one", "ITEM:Two", "meeting:c/2024-01-01", "item:img"])
    #expect(
      html
        == "<p><a href=\"/item:one.html\" title=\"Title\">a</a> <a href=\"/ITEM:Two.html\">Item 2</a> "
        + "<a href=\"/meeting:c/2024-01-01.html\">Item 3</a> <a href=\"https://example.org\">b</a> "
        + "<a href=\"/item:img.html\">i</a></p>\n")
    #expect(
      document.links.map(\.url) == ["item:one", "ITEM:Two", "meeting:c/2024-01-01", "https://example.org", "item:img"])
  }

  @Test func resolvedValuesAreEscaped() throws {
    let html = try MarkdownDocument.parse("[](item:x) [t](item:y \"a<b\")").html.render(idPrefix: "") { _ in
      ResolvedLink(href: "a\"b<c>&d.html", text: "<b>Tom & Jerry</b>")
    }
    #expect(
      html
        == "<p><a href=\"a&quot;b&lt;c&gt;&amp;d.html\">&lt;b&gt;Tom &amp; Jerry&lt;/b&gt;</a> "
        + "<a href=\"a&quot;b&lt;c&gt;&amp;d.html\" title=\"a&lt;b\">t</a></p>\n")
  }

  @Test func unresolvedLinksKeepTheirTextOrShowTheURL() throws {
    let html = try MarkdownDocument.parse("[some *text*](item:x) and [](item:y)").html.render(idPrefix: "") { _ in nil }
    #expect(html == "<p>some <em>text</em> and item:y</p>\n")
  }

  @Test func placeholderLinksWorkInTableCellsAndHeadings() throws {
    let html = try MarkdownDocument.parse("## See [](item:x)\n\n| Item |\n|---|\n| [](item:x) |").html
      .render(idPrefix: "") { _ in ResolvedLink(href: "x.html", text: "Agenda Item 3") }
    #expect(html.contains("<h2 id=\"see\">See <a href=\"x.html\">Agenda Item 3</a></h2>"))
    #expect(html.contains("<td><a href=\"x.html\">Agenda Item 3</a></td>"))
  }

  @Test func sourceCannotForgePlaceholders() throws {
    let forged = "\u{E000}L0\u{E001}\u{E000}T0\u{E001}\u{E000}E0\u{E001}\u{E000}H0\u{E001}\u{E000}B0\u{E001}\u{E002}"
    let document = try MarkdownDocument.parse(
      """
      # \(forged)

      Text \(forged) `\(forged)` [\(forged)](item:real "\(forged)") [x](https://e.org/\(forged))

      | \(forged) |
      |---|
      | \(forged) |

      ```
      \(forged)
      ```
      """)
    var calls: [String] = []
    let html = document.html.render(idPrefix: "PREFIX-") { url in
      calls.append(url)
      return ResolvedLink(href: "real.html", text: "Real")
    }
    #expect(calls == ["item:real"])
    #expect(!html.unicodeScalars.contains { (0xE000...0xE002).contains($0.value) })
    #expect(html.contains("\u{FFFD}L0\u{FFFD}"))
    #expect(!html.contains("rag"))
    // The only prefixed id is the heading's own.
    #expect(html.components(separatedBy: "PREFIX-").count == 2)
    #expect(!document.plainText.unicodeScalars.contains { (0xE000...0xE002).contains($0.value) })
  }

  @Test func wrappedHTMLCannotForgePlaceholdersEither() {
    let html = RenderedHTML(html: "<p>\u{E002}\u{E000}L0\u{E001}</p>")
    #expect(html.render(idPrefix: "x-") { _ in nil } == "<p>\u{FFFD}\u{FFFD}L0\u{FFFD}</p>")
    #expect(RenderedHTML.empty.render(idPrefix: "x-") { _ in nil } == "")
  }

  @Test func safeModeDropsScriptsHandlersAndDangerousURLs() throws {
    let html = try MarkdownDocument.parse(
      """
      <script>alert(1)</script>

      <img src=x onerror="alert(2)"> <a href="https://e.org" onclick="alert(3)">x</a>

      [a](javascript:alert(4)) [b](JavaScript:alert(5)) [c](vbscript:x) [d](file:///etc/passwd)
      [e](data:text/html,<script>alert(6)</script>) ![f](javascript:alert(7)) <javascript:alert(8)>
      [g](&#106;avascript:alert(9)) [h](java&#x09;script:alert(10))
      """
    ).html.render(idPrefix: "") { _ in nil }
    for banned in [
      "<script", "onerror", "onclick", "href=\"javascript", "src=\"javascript", "vbscript:", "file:", "data:text",
    ] {
      #expect(!html.lowercased().contains(banned), "\(banned) in \(html)")
    }
    #expect(html.contains("<!-- raw HTML omitted -->"))
  }

  @Test func optionsTurnFeaturesOff() throws {
    var options = MarkdownOptions.standard
    options.smartPunctuation = false
    options.statusBadges = false
    options.placeholderSchemes = ["doc:"]
    let html = try MarkdownDocument.parse("\"Hi\" -- [a](doc:x) [b](item:y)\n\n| S |\n|---|\n| Red |", options: options)
      .html.render(idPrefix: "") { _ in ResolvedLink(href: "resolved.html", text: "R") }
    #expect(html.contains("<p>&quot;Hi&quot; -- <a href=\"resolved.html\">a</a> <a href=\"item:y\">b</a></p>"))
    #expect(html.contains("<td>Red</td>"))
  }

  @Test func relativeURLsStartFromTheDocumentsFolder() throws {
    var options = MarkdownOptions.standard
    options.relativeURLBase = "05-report/docs/"
    let document = try MarkdownDocument.parse(
      "![c](chart.png) [d](data/x.csv \"T\") [f](#top) [a](/abs) [w](https://e.org/x.png) [i](item:x) <https://e.org>",
      options: options)
    let html = document.html.render(idPrefix: "") { _ in nil }
    #expect(html.contains("<img src=\"05-report/docs/chart.png\" alt=\"c\" />"))
    #expect(html.contains("<a href=\"05-report/docs/data/x.csv\" title=\"T\">d</a>"))
    for kept in ["href=\"#top\"", "href=\"/abs\"", "href=\"https://e.org/x.png\"", "href=\"https://e.org\""] {
      #expect(html.contains(kept), "\(kept) in \(html)")
    }
    #expect(document.links.map(\.url).prefix(2) == ["chart.png", "data/x.csv"])
  }

  @Test func statusBadgesNeedTheWholeCell() throws {
    let html = try MarkdownDocument.parse(
      "| A | B | C | D |\n|---|---|---|---|\n| **Red** | Red! | ~~Red~~ | completed |"
    )
    .html.render(idPrefix: "") { _ in nil }
    #expect(
      html.contains(
        "<td><span class=\"rag rag-red\"><span class=\"rag-mark\" aria-hidden=\"true\">■</span> Red</span></td>"))
    #expect(html.contains("<td>Red!</td>"))
    #expect(html.contains("<td><del>Red</del></td>"))
    #expect(
      html.contains(
        "<span class=\"rag rag-complete\"><span class=\"rag-mark\" aria-hidden=\"true\">✓</span> Complete</span>"))
  }

  @Test func headingsMoveBelowTheTopLevelKeepingTheirDistances() throws {
    var options = MarkdownOptions.standard
    options.topHeadingLevel = 4
    let document = try MarkdownDocument.parse("# One\n\n## Two\n\n### Three\n\n#### Four", options: options)
    let html = document.html.render(idPrefix: "") { _ in nil }
    for tag in [
      "<h4 id=\"one\">One</h4>", "<h5 id=\"two\">Two</h5>", "<h6 id=\"three\">Three</h6>", "<h6 id=\"four\">Four</h6>",
    ] {
      #expect(html.contains(tag), "\(tag) in \(html)")
    }
    #expect(document.headings.map(\.level) == [1, 2, 3, 4], "the levels as written")
    // The highest heading written is the one moved to the top level.
    let second = try MarkdownDocument.parse("## Two\n\n### Three", options: options).html.render(idPrefix: "") { _ in
      nil
    }
    #expect(second.contains("<h4 id=\"two\">") && second.contains("<h5 id=\"three\">"))
    // Headings already below it stay, and without the option nothing moves.
    let low = try MarkdownDocument.parse("##### Five", options: options).html.render(idPrefix: "") { _ in nil }
    #expect(low.contains("<h5 id=\"five\">"))
    let standard = try MarkdownDocument.parse("## Two").html.render(idPrefix: "") { _ in nil }
    #expect(standard.contains("<h2 id=\"two\">"))
  }

  @Test func ragSummaryCountsWorstFirstAndOnlyTablesWithStatuses() throws {
    #expect(StatusBadge.summary(counts: [1, 1, 3, 0, 0]) == "RAG status: 1 Red, 1 Amber, 3 Green")
    #expect(StatusBadge.summary(counts: [0, 0, 0, 2, 1]) == "RAG status: 2 Blue, 1 Complete")
    #expect(StatusBadge.summary(counts: [0, 0, 0, 0, 0]) == nil)
    let html = try MarkdownDocument.parse("| S |\n|---|\n| Green |\n| Red |\n| green |\n\n| T |\n|---|\n| Reddish |")
      .html.render(idPrefix: "") { _ in nil }
    #expect(html.hasPrefix("<p class=\"rag-summary\">RAG status: 1 Red, 2 Green</p>\n<div class=\"table-scroll\""))
    #expect(html.components(separatedBy: "rag-summary").count == 2, "one summary, for the table with statuses")
    var options = MarkdownOptions.standard
    options.statusBadges = false
    let off = try MarkdownDocument.parse("| S |\n|---|\n| Green |", options: options).html.render(idPrefix: "") { _ in
      nil
    }
    #expect(!off.contains("rag-summary"))
  }

  @Test func orderedListsCarryTheirMarkersAndStarts() throws {
    #expect(OrderedListStyle(depth: 1, start: 1).openingTag == "<ol>")
    #expect(OrderedListStyle(depth: 2, start: 1).openingTag == "<ol type=\"a\">")
    #expect(
      OrderedListStyle(depth: 3, start: 2).openingTag
        == "<ol type=\"i\" start=\"2\" style=\"counter-reset: list-item 1\">")
    #expect(OrderedListStyle(depth: 4, start: 1).openingTag == "<ol>")
    #expect(OrderedListStyle(depth: 5, start: 1).marker == .lowerAlpha)
    let html = try MarkdownDocument.parse("7. Seven\n   1. a\n\n---\n\n1. One").html.render(idPrefix: "") { _ in nil }
    #expect(html.contains("<ol start=\"7\" style=\"counter-reset: list-item 6\">\n<li>Seven\n<ol type=\"a\">"))
    #expect(html.hasSuffix("<hr />\n<ol>\n<li>One</li>\n</ol>\n"), "depth is back to 1 after a list closes")
  }

  /// `nextMarkerByte` (memchr) finds what a plain loop over the bytes finds.
  @Test func nextMarkerByteMatchesAPlainLoop() {
    let texts: [[UInt8]] = [[], [0xEE], Array("abc".utf8), Array("a\u{E000}b\u{E001}".utf8), Array("é€\u{E000}x".utf8)]
    for text in texts {
      text.withUnsafeBufferPointer { bytes in
        for start in 0...bytes.count {
          let plain = (start..<bytes.count).first { bytes[$0] == 0xEE } ?? bytes.count
          #expect(RenderedHTML.nextMarkerByte(bytes, from: start) == plain)
        }
      }
    }
  }
}
