import Foundation
import Testing

@testable import ClerkRender

/// The PDF cache key covers the pack and everything it loads, and nothing
/// about where the tree is.
@Suite struct PDFCacheTests {
  /// A pack tree: `root/assets/pack.css` (importing `print.css`, using a
  /// font), `root/c/m/pack.html` with an image.
  func makeTree(font: String = "font-1") throws -> URL {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-pdf-cache-\(UUID().uuidString)")
    let files = [
      "assets/pack.css": "@import \"print.css\";\n/* url(commented.png) */\n@font-face { src: url('fonts/a.woff2') }",
      "assets/print.css": "body { background: url(\"../c/m/back.png\") }",
      "assets/fonts/a.woff2": font,
      "c/m/chart.png": "png",
      "c/m/back.png": "back",
      "c/m/pack.html": """
      <!doctype html><html lang="en"><head><link rel="stylesheet" href="../../assets/pack.css">
      <style>p { background: url(data:image/png;base64,AAAA) }</style></head>
      <body><!-- <img src="hidden.png"> --><img alt="x" src="chart.png"><a href="#item-1">1</a>
      <img src="https://example.org/x.png"><a href="other.pdf">not loaded</a></body></html>
      """,
    ]
    for (path, text) in files {
      let url = root.appendingPathComponent(path)
      try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
      try Data(text.utf8).write(to: url)
    }
    return root
  }

  @Test func referencesFollowStylesheets() throws {
    let root = try makeTree()
    defer { try? FileManager.default.removeItem(at: root) }
    let html = root.appendingPathComponent("c/m/pack.html").path
    let text = try String(contentsOfFile: html, encoding: .utf8)
    let found = PackReferences.scan(html: text, path: html).map { reference -> String in
      switch reference {
      case .file(let path): return PackReferences.relative(path, from: root.path)
      case .url(let url): return url
      }
    }
    #expect(
      Set(found) == [
        "assets/pack.css", "assets/print.css", "assets/fonts/a.woff2", "c/m/back.png", "c/m/chart.png",
        "https://example.org/x.png",
      ])
  }

  @Test func keyFollowsContentNotPlace() throws {
    let engine = PDFEngine(executable: "/nonexistent/clerk-weasyprint")
    let cache = PDFCache(folder: "/nonexistent", engine: engine)
    func key(_ root: URL) throws -> String {
      try cache.key(
        html: root.appendingPathComponent("c/m/pack.html").path, pdf: root.appendingPathComponent("c/m/pack.pdf").path,
        root: root.path, anchors: ["item-1", "item-1-end"])
    }
    let first = try makeTree()
    let second = try makeTree()
    let otherFont = try makeTree(font: "font-2")
    defer {
      for root in [first, second, otherFont] { try? FileManager.default.removeItem(at: root) }
    }
    #expect(try key(first) == key(second))
    #expect(try key(first) != key(otherFont))
  }

  @Test func relativePaths() {
    #expect(PackReferences.relative("/a/b/c.css", from: "/a/d") == "../b/c.css")
    #expect(PackReferences.relative("/a/d", from: "/a/d") == ".")
  }
}
