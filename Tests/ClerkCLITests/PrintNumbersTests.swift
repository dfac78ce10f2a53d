import Foundation
import TestSupport
import Testing

/// Print equals source: the paragraph numbers, sub-paragraph letters, RAG
/// summary and appendix heading sizes that the web page shows are the ones
/// the PDF prints. Needs the PDF engine, like `PackPDFTests`.
@Suite struct PrintNumbersTests {
  /// A report numbered continuously across two headings (the second list
  /// starts at `4.`), with lettered sub-paragraphs, a RAG table, and a
  /// markdown appendix whose `##` heading must print below its title.
  static let tree =
    InlineTree.oneMeeting + """

      -- c/2020-02-10/01-report.md --
      ---
      title: Numbered Report
      appendices:
        - { title: Roadmap, file: action-plan.md }
      ---
      ## Background

      1. Alpha paragraph.
      2. Bravo paragraph, with sub-paragraphs:
         1. Lettered alpha.
         2. Lettered bravo.
      3. Charlie paragraph.

      ## Proposals

      4. Delta paragraph.
      5. Echo paragraph.
      6. Foxtrot paragraph.

      | Action | Status |
      |--------|--------|
      | Roads | Green |
      | Parks | Red |
      | Homes | Green |
      -- c/2020-02-10/01-report/action-plan.md --
      ## Priorities

      Plan text.
      """

  /// The markers in reading order, each with the first word of its item.
  static let expected: [Marker] = [
    Marker("1.", "Alpha"), Marker("2.", "Bravo"), Marker("a.", "Lettered"), Marker("b.", "Lettered"),
    Marker("3.", "Charlie"), Marker("4.", "Delta"), Marker("5.", "Echo"), Marker("6.", "Foxtrot"),
  ]

  struct Marker: Equatable, CustomStringConvertible {
    var marker: String
    var word: String
    init(_ marker: String, _ word: String) {
      self.marker = marker
      self.word = word
    }
    var description: String { "\(marker) \(word)" }
  }

  /// The report's text in a page: from its first heading to the appendix.
  static func report(_ html: String) -> String {
    let start = html.range(of: "Background</h")?.lowerBound ?? html.startIndex
    let end = html.range(of: "class=\"appendix")?.lowerBound ?? html.endIndex
    return start < end ? String(html[start..<end]) : ""
  }

  /// The markers a browser shows for the ordered lists of `html`: each
  /// `<ol>` counts from its `start` in the style of its `type`.
  static func htmlMarkers(_ html: String) -> [Marker] {
    var markers: [Marker] = []
    var lists: [(next: Int, type: String, ordered: Bool)] = []
    var rest = Substring(html)
    while let open = rest.firstIndex(of: "<") {
      guard let close = rest[open...].firstIndex(of: ">") else { break }
      let tag = rest[open...close]
      rest = rest[rest.index(after: close)...]
      func attribute(_ name: String) -> String? {
        guard let range = tag.range(of: " \(name)=\"") else { return nil }
        return String(tag[range.upperBound...].prefix { $0 != "\"" })
      }
      if tag.hasPrefix("<ol") {
        lists.append((Int(attribute("start") ?? "1") ?? 1, attribute("type") ?? "1", true))
      } else if tag.hasPrefix("<ul") {
        lists.append((1, "", false))
      } else if tag == "</ol>" || tag == "</ul>" {
        lists.removeLast()
      } else if tag.hasPrefix("<li"), let list = lists.last, list.ordered {
        let number = list.next
        lists[lists.count - 1].next += 1
        let text = rest.drop { $0 == "\n" || $0 == "<" || $0 == "p" || $0 == ">" }
        let marker: String
        switch list.type {
        case "a": marker = String(UnicodeScalar(UInt8(96 + number)))
        case "i": marker = ["", "i", "ii", "iii", "iv", "v"][number]
        default: marker = "\(number)"
        }
        markers.append(Marker(marker + ".", String(text.prefix { $0.isLetter })))
      }
    }
    return markers
  }

  /// The markers the PDF prints: a line's first token ending in "." before
  /// one of the expected words.
  static func pdfMarkers(_ text: String, words: Set<String> = Set(expected.map(\.word))) -> [Marker] {
    return text.split(separator: "\n").compactMap { line in
      let tokens = line.split(separator: " ")
      guard tokens.count >= 2, tokens[0].hasSuffix("."), words.contains(String(tokens[1])) else { return nil }
      return Marker(String(tokens[0]), String(tokens[1]))
    }
  }

  /// The height of the first word `word` in `pdftotext -bbox` output: the
  /// size it is printed at.
  static func height(of word: String, in boxes: String) -> Double? {
    for line in boxes.split(separator: "\n") where line.hasSuffix(">\(word)</word>") {
      func value(_ name: String) -> Double? {
        guard let range = line.range(of: "\(name)=\"") else { return nil }
        return Double(line[range.upperBound...].prefix { $0 != "\"" })
      }
      if let top = value("yMin"), let bottom = value("yMax") { return bottom - top }
    }
    return nil
  }

  @Test func htmlNumbersMatchTheSource() throws {
    let tree = try InlineTree(Self.tree)
    defer { tree.remove() }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let output = try ClerkProcess.run([
      "build", tree.path, "--out", out.path, "--today", "2020-02-01", "--quiet", "--no-pdf",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let meeting = out.appendingPathComponent("public/c/2020-02-10")
    for page in ["item-1.html", "pack.html"] {
      let html = try String(contentsOf: meeting.appendingPathComponent(page), encoding: .utf8)
      #expect(Self.htmlMarkers(Self.report(html)) == Self.expected, "\(page)")
      let summarised = html.contains("<p class=\"rag-summary\">RAG status: 1 Red, 2 Green</p>")
      #expect(summarised, "\(page): no RAG summary")
      // The appendix's `##` comes below its `<h3>` title.
      let appendix = html.components(separatedBy: "class=\"appendix\"").dropFirst().first ?? ""
      let demoted = appendix.contains("Priorities</h4>")
      let above = appendix.contains("<h1") || appendix.contains("<h2")
      #expect(demoted && !above, "\(page): the appendix's heading is not below its title")
    }
  }

  @Test func pdfPrintsTheNumbersTheHTMLShows() throws {
    guard PackPDFTests().engineReady() else { return }
    let tree = try InlineTree(Self.tree)
    defer { tree.remove() }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let output = try ClerkProcess.run(["build", tree.path, "--out", out.path, "--today", "2020-02-01", "--quiet"])
    #expect(output.status == 0, "\(output.stderr)")
    let meeting = out.appendingPathComponent("public/c/2020-02-10")
    let pdf = meeting.appendingPathComponent("pack.pdf").path
    let text = try toolOutput("/usr/bin/pdftotext", ["-layout", pdf, "-"])
    let html = try String(contentsOf: meeting.appendingPathComponent("pack.html"), encoding: .utf8)
    let printed = Self.pdfMarkers(text)
    #expect(printed == Self.expected)
    #expect(printed == Self.htmlMarkers(Self.report(html)))

    // The RAG summary is printed, in words, just above its table.
    let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    let summary = lines.firstIndex(of: "RAG status: 1 Red, 2 Green")
    let header = lines.firstIndex { $0.hasPrefix("Action") && $0.hasSuffix("Status") }
    #expect(
      summary != nil && header == summary.map { $0 + 1 },
      "summary at \(String(describing: summary)), table at \(String(describing: header))")

    // The appendix's own heading prints smaller than the appendix's title.
    let boxes = try toolOutput("/usr/bin/pdftotext", ["-bbox", pdf, "-"])
    let title = Self.height(of: "Roadmap", in: boxes)
    let heading = Self.height(of: "Priorities", in: boxes)
    #expect(title != nil && heading != nil)
    if let title, let heading { #expect(heading < title, "heading \(heading) vs title \(title)") }
  }

  /// The real pack's IRO report (item 10) numbers its paragraphs 1-8
  /// across three headings, with lettered and roman sub-paragraphs: the
  /// PDF prints the markers the source and the HTML have.
  @Test func theRealPackPrintsTheSourcesParagraphNumbers() throws {
    guard PackPDFTests().engineReady() else { return }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let content = repositoryRoot.appendingPathComponent("Tests/Fixtures/real-pack/Content").path
    let output = try ClerkProcess.run(["build", content, "--out", out.path, "--today", "2020-02-01", "--quiet"])
    #expect(output.status == 0, "\(output.stderr)")
    let meeting = out.appendingPathComponent("public/safeguarding/2020-02-10")
    let html = try String(contentsOf: meeting.appendingPathComponent("pack.html"), encoding: .utf8)
    let start = try #require(html.range(of: "id=\"item-10\""))
    let end = try #require(html.range(of: "id=\"item-10-end\"", range: start.upperBound..<html.endIndex))
    let source = Self.htmlMarkers(String(html[start.lowerBound..<end.lowerBound]))
    #expect(source.map(\.marker) == ["1.", "2.", "3.", "4.", "a.", "b.", "5.", "6.", "7.", "a.", "b.", "i.", "ii.", "8."])
    // The item's pages: those stamped "Agenda Item 10".
    let text = try toolOutput("/usr/bin/pdftotext", ["-layout", meeting.appendingPathComponent("pack.pdf").path, "-"])
    let pages = text.split(separator: "\u{0C}").filter { $0.contains("Agenda Item 10\n") }.joined(separator: "\n")
    #expect(Self.pdfMarkers(pages, words: Set(source.map(\.word))) == source)
  }
}
