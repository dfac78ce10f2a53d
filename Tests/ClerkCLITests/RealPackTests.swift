import Foundation
import TestSupport
import Testing

/// The print matches a real pack: landscape appendices in a portrait
/// report, "Appendix 1" numbering, bound-in minutes headed as councils head
/// them, "Page 23" for one page, and `clerk check --build` never showing
/// page numbers a later edit has made stale.
@Suite struct RealPackTests {
  static let meeting = InlineTree.oneMeeting + "\n" + """
    published: 2020-01-31
    -- c/2019-11-25/meeting.yml --
    date: 2019-11-25
    time: "13:45"
    venue: the Guildhall
    status: published
    -- c/2019-11-25/01-report.md --
    ---
    title: Earlier report
    ---
    Earlier.
    -- c/2019-11-25/minutes.md --
    ## Present

    The minuted meeting's text.
    -- c/2020-02-10/01-minutes.md --
    ---
    title: Minutes
    purpose: decision
    minutes-of: 2019-11-25
    ---
    -- c/2020-02-10/02-report.md --
    ---
    title: Improvement Plan
    purpose: information
    report-of: Director
    appendices:
      - { title: Action plan, file: plan.md, orientation: landscape }
      - { title: Policy, file: policy.md }
      - { title: Figures, file: figures.csv }
    ---
    The report, on portrait pages.
    -- c/2020-02-10/02-report/plan.md --
    | Ref | Specific aim | Action | Measure | Due | Lead | Comments | RAG status |
    |---|---|---|---|---|---|---|---|
    | 1.1 | Timely assessments | Weekly tracking | 90% in 45 days | Mar 2020 | Service Manager | 84% | Amber |
    -- c/2020-02-10/02-report/policy.md --
    The policy, on portrait pages again.
    -- c/2020-02-10/02-report/figures.csv --
    Quarter,Count
    Q3,12
    """

  func tree(numbering: String? = nil) throws -> InlineTree {
    var text = Self.meeting
    if let numbering {
      text = text.replacingOccurrences(of: "base-url: https://example.org/", with: "base-url: https://example.org/\nappendix-numbering: \(numbering)")
    }
    return try InlineTree(text)
  }

  func build(_ tree: InlineTree, out: URL, pdf: Bool = false) throws -> ClerkProcess.Output {
    try ClerkProcess.run(["build", tree.path, "--out", out.path, "--today", "2020-02-01", "--quiet"] + (pdf ? [] : ["--no-pdf"]))
  }

  func read(_ url: URL) throws -> String { try String(contentsOf: url, encoding: .utf8) }

  /// The `<section class="item…" id="item-N">` of a pack.
  func itemSection(_ pack: String, _ number: Int) -> String {
    guard let start = pack.range(of: "id=\"item-\(number)\" data-num"),
      let end = pack.range(of: "id=\"item-\(number)-end\"", range: start.upperBound..<pack.endIndex)
    else { return "" }
    return String(pack[start.lowerBound..<end.upperBound])
  }

  @Test func landscapeAppendixIsANamedPage() throws {
    let tree = try tree()
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    let output = try build(tree, out: out)
    #expect(output.status == 0, "\(output.stderr)")
    let pack = try read(out.appendingPathComponent("public/c/2020-02-10/pack.html"))
    let report = itemSection(pack, 2)
    #expect(report.hasPrefix("id=\"item-2\"") && pack.contains("<section class=\"item\" id=\"item-2\""), "the report stays portrait")
    #expect(report.contains("<section class=\"appendix appendix--landscape\" id=\"appendix-2-1\">"))
    #expect(report.contains("<section class=\"appendix\" id=\"appendix-2-2\">"))
    let css = try read(repositoryRoot.appendingPathComponent("Templates/css/pack.css"))
    #expect(css.contains("@page landscape { size: A4 landscape; }"))
    #expect(css.contains(".appendix--landscape { page: landscape; }"))
  }

  @Test func appendicesAreLetteredByDefault() throws {
    let tree = try tree()
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    #expect(try build(tree, out: out).status == 0)
    let pack = try read(out.appendingPathComponent("public/c/2020-02-10/pack.html"))
    #expect(pack.contains("Appendix A: Action plan") && pack.contains("Appendix C: Figures"))
  }

  @Test func appendicesNumbered() throws {
    let tree = try tree(numbering: "numbers")
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    let output = try build(tree, out: out)
    #expect(output.status == 0, "\(output.stderr)")
    for tree in ["public", "non-public"] {
      let pack = try read(out.appendingPathComponent("\(tree)/c/2020-02-10/pack.html"))
      let page = try read(out.appendingPathComponent("\(tree)/c/2020-02-10/item-2.html"))
      for text in [pack, page] {
        #expect(text.contains("Appendix 1: Action plan") && text.contains("Appendix 2: Policy"))
        #expect(text.contains("<caption>Appendix 3: Figures</caption>"))
        #expect(!text.contains("Appendix A") && !text.contains("Appendix C"))
      }
      #expect(page.contains("Download Appendix 3 as data"))
    }
  }

  @Test func boundMinutesAreHeadedAsMinutes() throws {
    let tree = try tree()
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    #expect(try build(tree, out: out).status == 0)
    let pack = try read(out.appendingPathComponent("public/c/2020-02-10/pack.html"))
    let minutes = itemSection(pack, 1)
    #expect(minutes.contains("The minuted meeting"))
    #expect(!minutes.contains("cover-sheet"), "bound-in minutes are no report")
    #expect(minutes.contains("<h2 class=\"item__title item__title--minutes\" data-num=\"1\" data-title=\"Minutes\">Test Committee</h2>"))
    #expect(minutes.contains(
      "<p class=\"item__minutes-heading\">Minutes of the meeting of the Test Committee held at the Guildhall on Monday 25 November 2019 at 1.45 pm</p>"))
    // A report keeps its cover sheet.
    #expect(itemSection(pack, 2).contains("<table class=\"cover-sheet\">"))
  }

  // MARK: With the PDF engine

  /// Page sizes from `pdfinfo`: true where the page is wider than high.
  func landscapePages(_ pdf: URL) throws -> [Bool] {
    let text = try toolOutput("/usr/bin/pdfinfo", ["-f", "1", "-l", "999", pdf.path])
    return text.split(separator: "\n").compactMap { line -> Bool? in
      guard let match = line.firstMatch(of: /^Page\s+\d+\s+size:\s+([\d.]+) x ([\d.]+)/),
        let width = Double(match.1), let height = Double(match.2)
      else { return nil }
      return width > height
    }
  }

  func pageTexts(_ pdf: URL) throws -> [String] {
    try PackPDFTests().pages(pdf)
  }

  @Test func landscapeAppendixPrintsOnLandscapePages() throws {
    guard PackPDFTests().engineReady() else { return }
    let tree = try tree(numbering: "numbers")
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    let output = try build(tree, out: out, pdf: true)
    #expect(output.status == 0, "\(output.stderr)")
    let pdf = out.appendingPathComponent("public/c/2020-02-10/pack.pdf")
    let landscape = try landscapePages(pdf)
    let texts = try pageTexts(pdf)
    #expect(landscape.count == texts.count && !texts.isEmpty)
    func page(_ text: String) -> Int? { texts.firstIndex { $0.contains(text) } }
    let report = try #require(page("The report, on portrait pages."))
    let plan = try #require(page("Appendix 1: Action plan"))
    let policy = try #require(page("The policy, on portrait pages again."))
    #expect(!landscape[report], "the report stays portrait")
    #expect(landscape[plan], "the action plan is on a landscape page")
    #expect(!landscape[policy], "the next appendix is portrait again")
    #expect(landscape.filter { $0 }.count == 1, "\(landscape)")
    // The page number stays at the foot of the landscape page, upright.
    #expect(texts[plan].contains("Page \(plan + 1)"))
  }

  /// "(Page 5)" for an item of one page, never "(Pages 5 - 5)", in the
  /// pack's agenda, on the meeting page and in `clerk check`.
  @Test func onePageIsPageNotPages() throws {
    guard PackPDFTests().engineReady() else { return }
    let tree = try tree()
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    #expect(try build(tree, out: out, pdf: true).status == 0)
    let texts = try pageTexts(out.appendingPathComponent("public/c/2019-11-25/pack.pdf"))
    let agenda = texts.prefix(2).joined(separator: "\n")
    let stamped = try #require(texts.firstIndex { $0.contains("Earlier.") }) + 1
    #expect(agenda.contains("(Page \(stamped))"), "\(agenda)")
    #expect(!agenda.contains("(Pages "), "\(agenda)")
    let meetingPage = try read(out.appendingPathComponent("public/c/2019-11-25/index.html"))
    #expect(meetingPage.contains("#page=\(stamped)\">Page \(stamped)<"))
    let check = try ClerkProcess.run(["check", tree.path, "--build", out.path, "--today", "2020-02-01"])
    #expect(check.stdout.contains("Earlier report  (Page \(stamped))"), "\(check.stdout)")
  }

  /// Build, edit an item, check: the edited meeting's page numbers are
  /// omitted, once, with the reason; the other meeting's still show.
  @Test func checkOmitsPageNumbersOfAChangedMeeting() throws {
    guard PackPDFTests().engineReady() else { return }
    var tree = try tree()
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    #expect(try build(tree, out: out, pdf: true).status == 0)
    func check() throws -> (earlier: String, later: String) {
      let output = try ClerkProcess.run(["check", tree.path, "--build", out.path, "--today", "2020-02-01"])
      let parts = output.stdout.components(separatedBy: "\nc/2020-02-10")
      return (parts.first ?? "", parts.count > 1 ? parts[1] : "")
    }
    let before = try check()
    #expect(before.later.contains("Improvement Plan  (For Information; Page"), "\(before.later)")
    #expect(!before.later.contains("omitted"))

    // The minutes a meeting binds in are part of its pack; a meeting's own
    // minutes are not (they are printed at the next meeting).
    let minutes = try read(tree.root.appendingPathComponent("c/2019-11-25/minutes.md"))
    try tree.write("c/2019-11-25/minutes.md", "## Present\n\nThe minuted meeting's text, corrected.\n")
    let corrected = try check()
    #expect(corrected.later.contains("(page numbers omitted: c/2020-02-10 changed since"), "\(corrected.later)")
    #expect(corrected.earlier.contains("Earlier report  (Page") && !corrected.earlier.contains("omitted"), "\(corrected.earlier)")
    // Back as it was built: the numbers hold again.
    try tree.write("c/2019-11-25/minutes.md", minutes)
    #expect(try check().later.contains("Improvement Plan  (For Information; Page"))

    try tree.write("c/2020-02-10/02-report/policy.md", "The policy, now longer.\n")
    let after = try check()
    let note = "(page numbers omitted: c/2020-02-10 changed since \(out.path) was built; run clerk build)"
    #expect(after.later.components(separatedBy: note).count == 2, "\(after.later)")
    #expect(!after.later.contains("Page"), "\(after.later)")
    #expect(after.earlier.contains("Earlier report  (Page"), "an unchanged meeting keeps its numbers: \(after.earlier)")
  }

  /// A build that records no sources (an older clerk) gives no page numbers either.
  @Test func checkOmitsPageNumbersABuildCannotVouchFor() throws {
    let tree = try tree()
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    let folder = out.appendingPathComponent("public/c/2019-11-25")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try Data(#"{"1": {"pdf": "pack.pdf", "first": 3, "last": 3}}"#.utf8).write(to: folder.appendingPathComponent("pack-pages.json"))
    let output = try ClerkProcess.run(["check", tree.path, "--build", out.path, "--today", "2020-02-01"])
    #expect(output.stdout.contains("(page numbers omitted: \(out.path) does not record what c/2019-11-25 was built from; run clerk build)"), "\(output.stdout)")
    #expect(!output.stdout.contains("Page 3"))
    #expect(!output.stdout.contains("does not record what c/2020-02-10"), "no numbers, nothing to explain")
  }
}
