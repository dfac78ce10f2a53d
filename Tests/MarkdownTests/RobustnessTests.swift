import Foundation
import Testing

@testable import Markdown

@Suite("Hostile and broken input") struct RobustnessTests {
  /// Parses and renders `source`, which must either parse or be refused as
  /// too deep or too complex. What keeps this fast is not timed here: the
  /// size limit and `ComplexityGuard`'s budgets bound the work before cmark
  /// runs (see `ComplexityGuardTests`).
  @discardableResult
  static func parseAndRender(
    _ source: String, sourceLocation: SourceLocation = #_sourceLocation
  ) -> Result<MarkdownDocument, MarkdownError> {
    let result = Result { () throws(MarkdownError) in try MarkdownDocument.parse(source) }
    if case .success(let document) = result {
      _ = document.html.render(idPrefix: "p-") { _ in nil }
    }
    if case .failure(let error) = result, case .tooLarge = error {
      Issue.record("unexpected \(error)", sourceLocation: sourceLocation)
    }
    return result
  }

  @Test func refusesSourcesOverTheSizeLimit() {
    let big = String(repeating: "a", count: 2_000_001)
    #expect(throws: MarkdownError.tooLarge(bytes: 2_000_001, limit: 2_000_000)) {
      try MarkdownDocument.parse(big)
    }
    #expect(throws: MarkdownError.tooLarge(bytes: 6, limit: 5)) {
      try MarkdownDocument.parse("ééé", options: MarkdownOptions(maximumBytes: 5))
    }
    #expect(throws: Never.self) { try MarkdownDocument.parse(String(repeating: "a ", count: 1_000_000)) }
  }

  @Test func tenThousandQuoteMarkersAreRefusedWhereTheyGetTooDeep() {
    #expect(throws: MarkdownError.tooDeep(SourcePoint(line: 1, column: 129))) {
      try MarkdownDocument.parse(String(repeating: ">", count: 10_000) + " a")
    }
    #expect(throws: MarkdownError.tooDeep(SourcePoint(line: 2, column: 257))) {
      try MarkdownDocument.parse("Intro\n" + String(repeating: "> ", count: 10_000) + "a")
    }
    // List markers open two levels each (list and item).
    #expect(throws: MarkdownError.tooDeep(SourcePoint(line: 1, column: 129))) {
      try MarkdownDocument.parse(String(repeating: "- ", count: 10_000) + "a")
    }
  }

  @Test func nestingUpToTheLimitParses() throws {
    let quotes = try MarkdownDocument.parse(String(repeating: ">", count: 100) + " deep")
    #expect(quotes.plainText == "deep")
    #expect(quotes.html.render(idPrefix: "") { _ in nil }.components(separatedBy: "<blockquote>").count == 101)
  }

  @Test func deepInlineAndIndentedNestingIsRefusedAfterParsing() {
    let emphasis = String(repeating: "*a **a ", count: 100) + "b" + String(repeating: " a** a*", count: 100)
    #expect(throws: MarkdownError.self) { try MarkdownDocument.parse(emphasis) }
    let lists = (0..<200).map { String(repeating: "  ", count: $0) + "- a" }.joined(separator: "\n")
    guard case .failure(.tooDeep(let point)) = Self.parseAndRender(lists) else {
      Issue.record("indented lists 200 deep were not refused")
      return
    }
    #expect(point.line > 60 && point.line < 70)
  }

  /// A hostile source, named in the test log by `name` (the sources are up
  /// to 2 MB each: printed, they made the log tens of megabytes).
  struct PathologicalInput: Sendable, CustomTestStringConvertible {
    var name: String
    var source: @Sendable () -> String

    init(_ name: String, _ source: @escaping @Sendable () -> String) {
      self.name = name
      self.source = source
    }

    var testDescription: String { name }
  }

  static let pathologicalInputs = [
    PathologicalInput("50,000 [") { String(repeating: "[", count: 50_000) },
    PathologicalInput("50,000 *") { String(repeating: "*", count: 50_000) },
    PathologicalInput("50,000 *a") { String(repeating: "*a", count: 50_000) },
    PathologicalInput("50,000 _a ") { String(repeating: "_a ", count: 50_000) },
    PathologicalInput("nested brackets") {
      String(repeating: "[", count: 50_000) + "a" + String(repeating: "]", count: 50_000)
    },
    PathologicalInput("![[]()") { String(repeating: "![[]()", count: 300_000) },
    PathologicalInput("![`]`[]()") { String(repeating: "![`]`[]()", count: 200_000) },
    PathologicalInput("<?") { "a" + String(repeating: "<?", count: 900_000) },
    PathologicalInput("<![CDATA[") { "a" + String(repeating: "<![CDATA[", count: 200_000) },
    PathologicalInput("<!--") { "</" + String(repeating: "<!--", count: 400_000) },
    PathologicalInput("<http://") { String(repeating: "<http://a", count: 200_000) },
    PathologicalInput("smart quotes") { String(repeating: "\"a", count: 900_000) },
    PathologicalInput("apostrophes") { String(repeating: "it's ", count: 390_000) },
    PathologicalInput("email autolinks") { String(repeating: "a@b.a ", count: 300_000) },
    PathologicalInput("@") { String(repeating: "a@", count: 900_000) },
    PathologicalInput("@ in paragraphs") {
      String(repeating: String(repeating: "a@", count: 100) + "\n\n", count: 9_000)
    },
    PathologicalInput("nested strong emphasis") {
      String(repeating: "*a **a ", count: 130_000) + "b" + String(repeating: " a** a*", count: 130_000)
    },
    PathologicalInput("padded table") {
      String(repeating: "x|", count: 1000) + "\n" + String(repeating: "-|", count: 1000) + "\n"
        + String(repeating: "x\n", count: 500_000)
    },
    PathologicalInput("wide table") {
      "|" + String(repeating: "a|", count: 200) + "\n|" + String(repeating: "-|", count: 200) + "\n"
        + String(repeating: "|" + String(repeating: "x|", count: 200) + "\n", count: 4_800)
    },
    PathologicalInput("one-column rows") { String(repeating: "aaa\rbbb\n-\u{0B}\n", count: 180_000) },
    PathologicalInput("pipes in a row") { "| a |\n|---|\n" + String(repeating: "|", count: 1_900_000) },
    PathologicalInput("header mismatch") {
      String(repeating: String(repeating: "|", count: 40_000) + "\n-\n\n", count: 24)
    },
    PathologicalInput("footnote references") { String(repeating: "[^a]", count: 490_000) + "\n\n[^a]: x\n" },
    PathologicalInput("footnote paragraphs") { String(repeating: "[^a]\n\n", count: 300_000) + "[^a]: x\n" },
    PathologicalInput("link definitions") { String(repeating: "[a]: ", count: 390_000) },
    PathologicalInput("unclosed links") { String(repeating: "[a](<b", count: 330_000) },
    PathologicalInput("list markers") { String(repeating: "- a\n", count: 490_000) },
    PathologicalInput("task lists") { String(repeating: "- [ ] ", count: 330_000) },
    PathologicalInput("backticks") { (1..<1990).map { "e" + String(repeating: "`", count: $0) }.joined() },
    PathologicalInput("NUL bytes") { String(repeating: "a\u{0}", count: 900_000) },
  ]

  @Test(arguments: pathologicalInputs)
  func pathologicalInputParsesOrIsRefused(_ input: PathologicalInput) {
    let source = input.source()
    #expect(source.utf8.count <= 2_000_000, "\(input.name) is \(source.utf8.count) bytes")
    Self.parseAndRender(source)
  }

  @Test func footnoteReferencesAreCapped() {
    let source = String(repeating: "[^a] ", count: 10_001) + "\n\n[^a]: x\n"
    guard case .failure(.tooDeep) = Self.parseAndRender(source) else {
      Issue.record("10,001 footnote references were accepted")
      return
    }
  }

  @Test func errorsDescribeThemselves() {
    #expect(MarkdownError.tooLarge(bytes: 3, limit: 2).description == "markdown is 3 bytes; the limit is 2")
    #expect(MarkdownError.tooDeep(SourcePoint(line: 1, column: 1)).description.contains("nested too deeply"))
  }
}

@Suite("Concurrency") struct ConcurrencyTests {
  static let rich = """
    # Report

    | Ward | ~~Old~~ status | Link |
    |:-----|:------:|------|
    | North | Red | www.example.org |
    | South | **Green** | [](item:south) |

    Contact clerk@example.gov.uk or see <https://example.org/x> "now"...[^1]

    - [x] done ~~struck~~
    - [ ] open

    [^1]: A note with a [link](meeting:audit/2024-01-01).
    """

  static func render(_ source: String) throws -> String {
    try MarkdownDocument.parse(source).html.render(idPrefix: "c-") { url in
      ResolvedLink(href: "/" + url, text: "Agenda Item 7")
    }
  }

  @Test func eightTasksParsingOneDocumentAgree() async throws {
    let expected = try Self.render(Self.rich)
    let results = try await withThrowingTaskGroup(of: [String].self) { group in
      for _ in 0..<8 {
        group.addTask { try (0..<100).map { _ in try Self.render(Self.rich) } }
      }
      return try await group.reduce(into: []) { $0 += $1 }
    }
    #expect(results.count == 800)
    #expect(results.allSatisfy { $0 == expected })
  }

  @Test func differentDocumentsInParallelMatchTheirGoldens() async throws {
    let cases = GoldenFiles.cases
    let sources = try cases.map {
      try String(contentsOf: GoldenFiles.directory.appendingPathComponent("\($0).md"), encoding: .utf8)
    }
    let expected = try sources.map(GoldenFiles.render)
    let rounds = try await withThrowingTaskGroup(of: [String].self) { group in
      for _ in 0..<8 {
        group.addTask { try (0..<4).flatMap { _ in try sources.map(GoldenFiles.render) } }
      }
      return try await group.reduce(into: []) { $0.append($1) }
    }
    for round in rounds {
      #expect(round == Array([[String]](repeating: expected, count: 4).joined()))
    }
  }
}
