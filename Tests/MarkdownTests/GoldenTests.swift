import Foundation
import Testing

@testable import Markdown

/// Golden files: `Goldens/<case>.md` rendered with `idPrefix: "t-"` and
/// `GoldenFiles.resolve` must equal `Goldens/<case>.html`.
/// `RECORD_GOLDENS=1 swift test` rewrites the .html files and fails, so that
/// recording is never silent; review every rewritten file before committing.
enum GoldenFiles {
  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Goldens")

  static var cases: [String] {
    let names = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
    return names.filter { $0.hasSuffix(".md") }.map { String($0.dropLast(3)) }.sorted()
  }

  /// `item:missing` is unknown; any other `item:x` is Agenda Item 7 at
  /// `x.html`; `meeting:c/d` is at `../c/d/`.
  static func resolve(_ url: String) -> ResolvedLink? {
    if url == "item:missing" { return nil }
    if url.hasPrefix("item:") {
      return ResolvedLink(href: "\(url.dropFirst(5)).html", text: "Agenda Item 7")
    }
    if url.hasPrefix("meeting:") {
      return ResolvedLink(href: "../\(url.dropFirst(8))/", text: "Meeting of \(url.dropFirst(8))")
    }
    return nil
  }

  static func render(_ markdown: String) throws -> String {
    try MarkdownDocument.parse(markdown).html.render(idPrefix: "t-", resolve: resolve)
  }
}

@Test("There are golden cases") func goldenCasesExist() {
  #expect(GoldenFiles.cases.count >= 12)
}

@Test("Golden file", arguments: GoldenFiles.cases)
func golden(_ name: String) throws {
  let markdownURL = GoldenFiles.directory.appendingPathComponent("\(name).md")
  let htmlURL = GoldenFiles.directory.appendingPathComponent("\(name).html")
  let actual = try GoldenFiles.render(String(contentsOf: markdownURL, encoding: .utf8))

  if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
    try actual.write(to: htmlURL, atomically: true, encoding: .utf8)
    Issue.record("Recorded \(htmlURL.lastPathComponent); review it, then run without RECORD_GOLDENS")
    return
  }
  guard let expected = try? String(contentsOf: htmlURL, encoding: .utf8) else {
    Issue.record("No \(htmlURL.lastPathComponent); run with RECORD_GOLDENS=1 to create it")
    return
  }
  if actual != expected {
    Issue.record("\(name).html differs (- expected, + actual):\n\(lineDiff(expected, actual))")
  }
}

/// A line diff by longest common subsequence; goldens are small.
func lineDiff(_ old: String, _ new: String) -> String {
  let a = old.split(separator: "\n", omittingEmptySubsequences: false)
  let b = new.split(separator: "\n", omittingEmptySubsequences: false)
  var common = [[Int]](repeating: [Int](repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in stride(from: a.count - 1, through: 0, by: -1) {
    for j in stride(from: b.count - 1, through: 0, by: -1) {
      common[i][j] = a[i] == b[j] ? common[i + 1][j + 1] + 1 : max(common[i + 1][j], common[i][j + 1])
    }
  }
  var lines: [String] = []
  var i = 0
  var j = 0
  while i < a.count || j < b.count {
    if i < a.count, j < b.count, a[i] == b[j] {
      i += 1
      j += 1
    } else if j < b.count, i == a.count || common[i][j + 1] >= common[i + 1][j] {
      lines.append("\(i + 1): + \(b[j])")
      j += 1
    } else {
      lines.append("\(i + 1): - \(a[i])")
      i += 1
    }
  }
  return lines.joined(separator: "\n")
}
