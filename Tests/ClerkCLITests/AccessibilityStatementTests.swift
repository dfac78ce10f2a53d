import Foundation
import TestSupport
import Testing

/// `accessibility.html`: the statement from site.yml's `accessibility:`
/// (or its fallback wording), linked from the footer of every page.
@Suite struct AccessibilityStatementTests {
  /// Builds `tree` and returns the public tree, or nil with an issue.
  func build(_ tree: String) throws -> TreeSnapshot? {
    let content = try InlineTree(tree)
    defer { content.remove() }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("b")
    let built = try ClerkProcess.run(["build", content.path, "--out", out.path, "--quiet", "--no-pdf"])
    #expect(built.status == 0, "\(built.stderr)")
    return built.status == 0 ? TreeSnapshot(out.appendingPathComponent("public")) : nil
  }

  func text(_ tree: TreeSnapshot, _ path: String) -> String {
    String(decoding: tree.files[path] ?? Data(), as: UTF8.self)
  }

  @Test func theStatementGivesSiteYMLsContactAndDates() throws {
    let tree = InlineTree.oneMeeting.replacingOccurrences(
      of: "base-url: https://example.org/\n",
      with: """
        base-url: https://example.org/
        accessibility:
          email: access@example.org
          phone: 01632 960 123
          prepared: 2025-09-01
          reviewed: 2026-09-14

        """)
    let built = try #require(try build(tree))
    let page = text(built, "accessibility.html")
    #expect(page.contains("<h1>Accessibility statement</h1>"))
    #expect(page.contains("<a href=\"mailto:access@example.org\">access@example.org</a>"))
    #expect(page.contains("<a href=\"tel:01632960123\">01632 960 123</a>"))
    #expect(page.contains("prepared on <time datetime=\"2025-09-01\">1 September 2025</time>"))
    #expect(page.contains("last reviewed on <time datetime=\"2026-09-14\">14 September 2026</time>"))
    #expect(page.contains("Web Content Accessibility Guidelines version 2.2</a> AA"))
    #expect(page.contains("Equality Advisory and Support Service (EASS)"))
    #expect(page.contains("Equality Commission for Northern Ireland (ECNI)"))
    #expect(page.contains("axe-core"))
    #expect(page.contains("Nu HTML Checker"))
    #expect(!page.contains("clerk of the committee concerned"))
    #expect(text(built, "sitemap.xml").contains("<loc>https://example.org/accessibility.html</loc>"))
  }

  @Test func withoutAccessibilityKeysTheStatementSaysWhomToAsk() throws {
    let built = try #require(try build(InlineTree.oneMeeting))
    let page = text(built, "accessibility.html")
    #expect(page.contains("contact the clerk of the committee concerned"))
    #expect(page.contains("This statement was prepared by Test Council."))
    #expect(!page.contains("<time"))
    #expect(!page.contains("mailto:"))
  }

  @Test func everyPagesFooterLinksTheStatement() throws {
    let built = try #require(try build(InlineTree.oneMeeting + "\n-- c/2020-02-10/01-report.md --\n---\ntitle: Report\n---\nText.\n"))
    let pages = built.paths.filter { $0.hasSuffix(".html") && !$0.hasPrefix("c/2020-02-10/pack") }
    #expect(pages.contains("c/2020-02-10/item-1.html"))
    for page in pages {
      let html = text(built, page)
      guard let footer = html.range(of: "<footer"), let link = html.range(of: "\">Accessibility statement</a>", range: footer.upperBound..<html.endIndex),
        let open = html.range(of: "<a href=\"", options: .backwards, range: footer.upperBound..<link.lowerBound)
      else {
        Issue.record("\(page): no footer link to the statement")
        continue
      }
      let href = String(html[open.upperBound..<link.lowerBound])
      let resolved = URL(fileURLWithPath: "/" + page).deletingLastPathComponent().appendingPathComponent(href).standardized.path
      #expect(resolved == "/accessibility.html", "\(page): \(href)")
    }
  }

  @Test func wrongTypesAreErrors() throws {
    let tree = try InlineTree(
      InlineTree.oneMeeting.replacingOccurrences(
        of: "base-url: https://example.org/\n",
        with: "base-url: https://example.org/\naccessibility:\n  email: [a, b]\n  reviewed: soon\n  review: 2026-01-01\n"))
    defer { tree.remove() }
    let checked = try ClerkProcess.run(["check", tree.path])
    #expect(checked.status == 1)
    #expect(checked.stderr.contains("site.yml:4:10: error: 'email' must be text"), "\(checked.stderr)")
    #expect(checked.stderr.contains("site.yml:5:13: error: 'reviewed' must be a date written YYYY-MM-DD"), "\(checked.stderr)")
    #expect(checked.stderr.contains("site.yml:6:3: error: unknown key 'review' in accessibility; did you mean 'reviewed'?"), "\(checked.stderr)")
  }
}
