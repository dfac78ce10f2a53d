import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// `sitemap.xml` lists every public page, absolute from `base-url`, and
/// only those; `robots.txt` allows crawlers in public/ and keeps them out
/// of non-public/.
@Suite struct CrawlerFilesTests {
  /// Every `<loc>` of a sitemap, read with an XML parser.
  final class Locations: NSObject, XMLParserDelegate {
    var found: [String] = []
    var text: String?
    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?, attributes: [String: String] = [:]) {
      if name == "loc" { text = "" }
    }
    func parser(_ parser: XMLParser, foundCharacters string: String) { text? += string }
    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
      if name == "loc", let text { found.append(text) }
      text = nil
    }
  }

  @Test func theSitemapListsEveryPublicPageAndRobotsSayWhere() throws {
    let tree = try InlineTree(
      InlineTree.oneMeeting + """

        -- c/2020-02-10/10-budget.md --
        ---
        title: Budget
        ---
        The budget.
        -- c/2020-02-10/20-contract.md --
        ---
        title: Contract
        access: exempt
        exempt-paragraphs: [3]
        ---
        Terms.
        """)
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    let built = try ClerkProcess.run(["build", tree.path, "--out", out.path, "--no-pdf", "--quiet"])
    #expect(built.status == 0, "\(built.stderr)")

    let data = try Data(contentsOf: out.appendingPathComponent("public/sitemap.xml"))
    let parser = XMLParser(data: data)
    let locations = Locations()
    parser.delegate = locations
    #expect(parser.parse(), "sitemap.xml is not well-formed XML")
    let base = "https://example.org/"
    #expect(locations.found.first == base)
    #expect(locations.found.contains(base + "c/2020-02-10/item-3.html"))
    let pages = try FileManager.default.subpathsOfDirectory(atPath: out.appendingPathComponent("public").path)
      .filter { $0.hasSuffix(".html") }
    #expect(Set(locations.found.map { $0 == base ? "index.html" : String($0.dropFirst(base.count)) }) == Set(pages))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("non-public/sitemap.xml").path))

    let robots = try String(contentsOf: out.appendingPathComponent("public/robots.txt"), encoding: .utf8)
    #expect(robots == "User-agent: *\nAllow: /\nSitemap: https://example.org/sitemap.xml\n")
    let closed = try String(contentsOf: out.appendingPathComponent("non-public/robots.txt"), encoding: .utf8)
    #expect(closed == "User-agent: *\nDisallow: /\n")
  }
}
