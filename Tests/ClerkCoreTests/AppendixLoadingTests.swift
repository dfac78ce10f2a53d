import Foundation
import TestSupport
import Testing

@testable import ClerkCore

/// `orientation` of an appendix and `appendix-numbering` of the site, as
/// loaded: the values a clerk writes, and where a wrong one is reported.
@Suite struct AppendixLoadingTests {
  static let report = """
    -- c/2020-02-10/02-report.md --
    ---
    title: Report
    appendices:
      - { title: Action plan, file: plan.md, orientation: landscape }
      - { title: Policy, file: policy.md, orientation: portrait }
      - { title: Notes, file: notes.md }
    ---
    Body.
    -- c/2020-02-10/02-report/plan.md --
    | A | B |
    |---|---|
    | 1 | 2 |
    -- c/2020-02-10/02-report/policy.md --
    Policy.
    -- c/2020-02-10/02-report/notes.md --
    Notes.
    """

  /// Loads the tree; returns the report's appendices, the site and every diagnostic as printed.
  func load(_ text: String) throws -> (tree: InlineTree, appendices: [Appendix], site: Site?, diagnostics: [String]) {
    let tree = try InlineTree(text)
    let (index, found) = ArchiveLoader(root: tree.path).loadIndex()
    var all = found
    var appendices: [Appendix] = []
    if let index {
      ArchiveProcessor(index: index, today: CalendarDate(iso: "2020-01-01") ?? CalendarDate(dayNumber: 0)).process { result in
        all.append(contentsOf: result.diagnostics)
        appendices += result.meeting.items.filter { $0.slug == "report" }.flatMap(\.appendices)
      }
    }
    return (tree, appendices, index?.site, all.sorted.map(\.description))
  }

  @Test func orientationPerAppendix() throws {
    let loaded = try load(InlineTree.oneMeeting + "\n" + Self.report)
    defer { loaded.tree.remove() }
    #expect(loaded.diagnostics.filter { $0.contains(": error: ") } == [])
    #expect(loaded.appendices.map(\.orientation) == [.landscape, .portrait, .portrait])
  }

  @Test func unknownOrientationIsAnErrorWhereItIsWritten() throws {
    let loaded = try load(InlineTree.oneMeeting + "\n" + """
      -- c/2020-02-10/02-report.md --
      ---
      title: Report
      appendices:
        - title: Action plan
          file: plan.md
          orientation: 1️⃣sideways
      ---
      -- c/2020-02-10/02-report/plan.md --
      Plan.
      """)
    defer { loaded.tree.remove() }
    let location = try #require(loaded.tree.location("c/2020-02-10/02-report.md"))
    #expect(loaded.diagnostics.contains("\(location): error: 'orientation' must be one of portrait, landscape"), "\(loaded.diagnostics)")
  }

  @Test func numberingDefaultsToLetters() throws {
    let loaded = try load(InlineTree.oneMeeting)
    defer { loaded.tree.remove() }
    #expect(loaded.site?.appendixNumbering == .letters)
    #expect(AppendixNumbering.letters.label(1) == "A" && AppendixNumbering.letters.label(27) == "AA")
    #expect(AppendixNumbering.numbers.label(1) == "1" && AppendixNumbering.numbers.label(27) == "27")
  }

  @Test func numberingNumbers() throws {
    let text = InlineTree.oneMeeting.replacingOccurrences(
      of: "base-url: https://example.org/", with: "base-url: https://example.org/\nappendix-numbering: numbers")
    let loaded = try load(text)
    defer { loaded.tree.remove() }
    #expect(loaded.site?.appendixNumbering == .numbers)
  }

  @Test func unknownNumberingNamesTheAllowedValues() throws {
    let text = InlineTree.oneMeeting.replacingOccurrences(
      of: "base-url: https://example.org/", with: "base-url: https://example.org/\nappendix-numbering: 1️⃣roman")
    let loaded = try load(text)
    defer { loaded.tree.remove() }
    let location = try #require(loaded.tree.location("site.yml"))
    #expect(loaded.diagnostics.contains("\(location): error: 'appendix-numbering' must be one of letters, numbers"), "\(loaded.diagnostics)")
  }
}
