import Foundation
import TestSupport
import Testing

@testable import ClerkCore

/// Each case plants a 1️⃣ marker where the diagnostic must point.
@Suite struct DiagnosticsTests {
  static let base = InlineTree.oneMeeting + "\n" + """
    published: 2020-01-31
    """ + "\n" + InlineTree.previousMeetingMinutes + "\n" + """
    Minutes.
    """

  /// Runs load, check and plan; returns every diagnostic as printed.
  func diagnostics(_ files: String, today: String = "2020-01-01") throws -> (InlineTree, [String]) {
    let tree = try InlineTree(Self.base + "\n" + files)
    let (index, found) = ArchiveLoader(root: tree.path).loadIndex()
    var all = found
    if let index {
      ArchiveProcessor(index: index, today: CalendarDate(iso: today) ?? CalendarDate(dayNumber: 0)).process {
        all.append(contentsOf: $0.diagnostics)
      }
    }
    return (tree, all.sorted.map(\.description))
  }

  func expectDiagnostic(
    _ files: String, file: String, _ severity: String, _ message: String, sourceLocation: Testing.SourceLocation = #_sourceLocation
  ) throws {
    let (tree, found) = try diagnostics(files)
    defer { tree.remove() }
    let location = try #require(tree.location(file), "no marker in \(file)", sourceLocation: sourceLocation)
    let expected = "\(location): \(severity): \(message)"
    #expect(found.contains(expected), "expected \(expected)\nin \(found.joined(separator: "\n"))", sourceLocation: sourceLocation)
  }

  @Test func cleanTreeHasNoDiagnostics() throws {
    let (tree, found) = try diagnostics("""
      -- c/2020-02-10/01-apologies.md --
      ---
      title: Apologies
      ---
      """)
    defer { tree.remove() }
    #expect(found == [])
  }

  /// A YAML error that is not one of the common mistakes (MistakesTests)
  /// keeps libyaml's own words.
  @Test func malformedYAMLPointsAtTheRealLine() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      purpose: decision
      see-also: [a, b
      1️⃣---
      Body.
      """, file: "c/2020-02-10/01-report.md", "error",
      "malformed YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 4)")
  }

  @Test func unknownKeyWithSuggestion() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      access: exempt
      1️⃣exempt-paragraph: [1]
      ---
      Body.
      """, file: "c/2020-02-10/01-report.md", "error",
      "unknown key 'exempt-paragraph' in item front matter; did you mean 'exempt-paragraphs'?")
  }

  @Test func missingTitle() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      1️⃣purpose: decision
      ---
      """, file: "c/2020-02-10/01-report.md", "error", "missing required key 'title' in item front matter")
  }

  @Test func wrongTypeAndBadChoice() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      purpose: 1️⃣decide
      ---
      """, file: "c/2020-02-10/01-report.md", "error",
      "'purpose' must be one of decision, information, none; did you mean 'decision'?")
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      supplement: 1️⃣first
      ---
      """, file: "c/2020-02-10/01-report.md", "error", "'supplement' must be a whole number")
  }

  @Test func duplicateKey() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      1️⃣title: Report
      title: Again
      ---
      """, file: "c/2020-02-10/01-report.md", "error", "duplicate key 'title'")
  }

  @Test func tiedOrders() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/05-a.md --
      ---
      title: A
      ---
      -- c/2020-02-10/5-b.md --
      1️⃣---
      title: B
      ---
      """, file: "c/2020-02-10/5-b.md", "error", "order 5 is also used by 05-a.md; each item needs its own number")
  }

  @Test func exemptItemWithContentNeedsParagraphs() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/20-contract.md --
      ---
      title: Contract
      access: 1️⃣exempt
      ---
      Terms of the contract.
      """, file: "c/2020-02-10/20-contract.md", "error",
      "exempt item has content but no 'exempt-paragraphs'; add the paragraph(s) of the exemption scheme it relies on")
  }

  @Test func paragraphOutsideTheScheme() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/20-contract.md --
      ---
      title: Contract
      access: exempt
      exempt-paragraphs: [3, 1️⃣8]
      ---
      Terms.
      """, file: "c/2020-02-10/20-contract.md", "error", "paragraph 8 is not in the england exemption scheme (valid: 1–7)")
  }

  @Test func paragraphsOnAPublicItem() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/02-report.md --
      ---
      title: Report
      exempt-paragraphs: 1️⃣[3]
      ---
      """, file: "c/2020-02-10/02-report.md", "error",
      "'exempt-paragraphs' on a public item; set 'access: exempt' or remove the paragraphs")
  }

  @Test func danglingReferences() throws {
    let items = """
      -- c/2020-02-10/01-budget.md --
      ---
      title: Budget
      ---
      -- c/2020-02-10/02-report.md --
      ---
      title: Report
      see-also: [budget, 1️⃣budgte]
      ---
      """
    try expectDiagnostic(items, file: "c/2020-02-10/02-report.md", "error",
      "'see-also' names 'budgte', which is not an item of this meeting; did you mean 'budget'?")
    try expectDiagnostic("""
      -- c/2020-02-10/02-report.md --
      ---
      title: Report
      appendix-to: 1️⃣nothing
      ---
      """, file: "c/2020-02-10/02-report.md", "error", "'appendix-to' names 'nothing', which is not an item of this meeting")
    try expectDiagnostic("""
      -- c/2020-02-10/02-report.md --
      ---
      title: Report
      ---
      See also 1️⃣[the budget](item:budgett).
      """, file: "c/2020-02-10/02-report.md", "error", "link to 'item:budgett', which is not an item of this meeting")
    try expectDiagnostic("""
      -- c/2020-02-10/02-report.md --
      ---
      title: Report
      ---
      Text.

      - See 1️⃣[last time](meeting:c/2019-11-26).
      """, file: "c/2020-02-10/02-report.md", "error",
      "link to 'meeting:c/2019-11-26', which is not a meeting in the archive (write meeting:<committee>/<YYYY-MM-DD>)")
    try expectDiagnostic("""
      -- c/2020-02-10/03-minutes.md --
      ---
      title: Minutes
      minutes-of: 1️⃣2019-11-24
      ---
      """, file: "c/2020-02-10/03-minutes.md", "error", "'minutes-of' names c/2019-11-24, which is not a meeting in the archive")
    try expectDiagnostic("""
      -- c/2020-02-10/16-np-minutes.md --
      ---
      title: Non-public minutes
      access: exempt
      exempt-paragraphs: [1]
      minutes-of: 1️⃣2019-11-25
      ---
      """, file: "c/2020-02-10/16-np-minutes.md", "error",
      "'minutes-of' on an exempt item names c/2019-11-25, which has no minutes.non-public.md")
  }

  @Test func appendixProblems() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/02-report.md --
      ---
      title: Report
      appendices:
        - { title: Plan, file: 1️⃣plan.md }
      ---
      """, file: "c/2020-02-10/02-report.md", "error", "appendix file '02-report/plan.md' does not exist")
    try expectDiagnostic("""
      -- c/2020-02-10/02-report.md --
      ---
      title: Report
      appendices:
        - title: Secrets
          file: 1️⃣../../../site.yml
      ---
      """, file: "c/2020-02-10/02-report.md", "error",
      "appendix file '../../../site.yml' must be a plain path inside the item's folder '02-report/'")
  }

  /// An appendix's links are its own: checked at its own line and column,
  /// relative files looked up beside it.
  @Test func appendixLinks() throws {
    let report = """
      -- c/2020-02-10/02-report.md --
      ---
      title: Report
      appendices:
        - { title: Summary, file: docs/summary.md }
      ---
      -- c/2020-02-10/02-report/docs/chart.png --
      png
      -- c/2020-02-10/02-report/docs/summary.md --
      # Summary

      ![chart](chart.png) and
      """
    try expectDiagnostic(report + " 1️⃣![missing](missing.png).", file: "c/2020-02-10/02-report/docs/summary.md", "error",
      "'missing.png' does not exist in the appendix's folder '02-report/docs/'")
    try expectDiagnostic(report + " 1️⃣[up](../../01-other.md).", file: "c/2020-02-10/02-report/docs/summary.md", "error",
      "'../../01-other.md' must name a file in the appendix's folder '02-report/docs/', written relative to the appendix")
    try expectDiagnostic(report + "\n\n- see 1️⃣[it](item:nothing)", file: "c/2020-02-10/02-report/docs/summary.md", "error",
      "link to 'item:nothing', which is not an item of this meeting")
    // The image beside the appendix is found, and counts as used.
    let (tree, found) = try diagnostics(report + ".")
    defer { tree.remove() }
    #expect(found == [])
  }

  @Test func ignoredFilesAreWarnings() throws {
    let (tree, found) = try diagnostics("""
      -- c/2020-02-10/README.txt --
      notes
      -- c/2020-02-10/01-item.md --
      ---
      title: Item
      ---
      -- c/2020-02-10/01-item/draft-notes.docx --
      x
      """)
    defer { tree.remove() }
    #expect(found.contains("c/2020-02-10/README.txt:1:1: warning: 'README.txt' is not part of the content format and will be ignored"))
    #expect(found.contains("c/2020-02-10/01-item/draft-notes.docx:1:1: warning: 'draft-notes.docx' is not used by the item (list it under 'appendices:') and will be ignored"))
  }

  @Test func latePublicationIsAWarning() throws {
    let (tree, found) = try diagnostics("""
      -- c/2020-03-02/meeting.yml --
      date: 2020-03-02
      time: "18:00"
      venue: Guildhall
      status: published
      published: 1️⃣2020-02-25
      """)
    defer { tree.remove() }
    let location = try #require(tree.location("c/2020-03-02/meeting.yml"))
    #expect(found.contains(
      "\(location): warning: published 2020-02-25 leaves 3 clear working days before the meeting; five are required (publish by Friday 21 February 2020)"))
  }

  @Test func passedExemptionReviewIsAWarning() throws {
    let (tree, found) = try diagnostics("""
      -- c/2020-02-10/20-contract.md --
      ---
      title: Contract
      access: exempt
      exempt-paragraphs: [3]
      exempt-until: 1️⃣2019-12-31
      ---
      Terms.
      """)
    defer { tree.remove() }
    let location = try #require(tree.location("c/2020-02-10/20-contract.md"))
    #expect(found.contains(
      "\(location): warning: the exemption was due for review on 2019-12-31; review whether this item can now be published (nothing is released automatically)"))
  }

  @Test func invalidUTF8PointsAtTheByte() throws {
    var tree = try InlineTree(Self.base)
    defer { tree.remove() }
    try tree.write("c/2020-02-10/01-item.md", "---\ntitle: Item\n---\nok\n")
    let bad = tree.root.appendingPathComponent("c/2020-02-10/02-bad.md")
    try Data([0x2D, 0x2D, 0x2D, 0x0A, 0x74, 0x3A, 0x20, 0x61, 0xFF, 0x0A]).write(to: bad)
    let (index, _) = ArchiveLoader(root: tree.path).loadIndex()
    var found: [String] = []
    try #require(index).meetings.forEach { _ in }
    ArchiveProcessor(index: try #require(index), today: CalendarDate(dayNumber: 0)).process {
      found += $0.diagnostics.sorted.map(\.description)
    }
    #expect(found.contains("c/2020-02-10/02-bad.md:2:5: error: file is not valid UTF-8 text (save it as UTF-8)"))
  }

  /// A committee folder named like a folder of the site's own files
  /// (stylesheets, the search index) would mix its pages in with them.
  @Test(arguments: ["assets", "search"])
  func aCommitteeFolderCannotTakeASiteFoldersName(name: String) throws {
    try expectDiagnostic("""
      -- \(name)/committee.yml --
      1️⃣name: Named Like a Site Folder
      """, file: "\(name)/committee.yml", "error",
      "a committee folder cannot be named '\(name)': the site keeps its own files in \(name)/; rename the folder "
        + "(a committee's folder name is its address, not its title)")
  }

  @Test func everyProblemIsReportedInOneRun() throws {
    let (tree, found) = try diagnostics("""
      -- c/2020-02-10/01-a.md --
      ---
      title: A
      purpose: maybe
      ---
      -- c/2020-02-10/02-b.md --
      ---
      titel: B
      ---
      -- c/2020-02-10/03-c.md --
      ---
      title: C
      see-also: [zzz]
      ---
      """)
    defer { tree.remove() }
    #expect(found.filter { $0.contains(": error: ") }.count == 4)
  }
}
