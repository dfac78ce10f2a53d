import Foundation
import TestSupport
import Testing

/// What is published is a record: through the built binary, a late item
/// takes a letter, a number published by the previous build never moves,
/// a released item becomes public in its Part 2 place, and a broken draft
/// does not stop the published meetings from building.
@Suite struct PublishedRecordTests {
  static let agenda = InlineTree.oneMeeting + """

    -- c/2020-02-10/10-apologies.md --
    ---
    title: Apologies
    ---
    -- c/2020-02-10/20-budget.md --
    ---
    title: Budget Monitoring
    ---
    The forecast is on budget.
    -- c/2020-02-10/30-questions.md --
    ---
    title: Questions
    ---
    -- c/2020-02-10/40-contract.md --
    ---
    title: Leisure Contract
    access: exempt
    exempt-paragraphs: [3]
    ---
    Canary lapwing tender prices stay private until the contract is signed.
    """

  func build(_ tree: InlineTree, out: URL) throws -> ClerkProcess.Output {
    try ClerkProcess.run(["build", tree.path, "--out", out.path, "--no-pdf", "--quiet"])
  }

  func text(_ out: URL, _ path: String) -> String {
    (try? String(contentsOf: out.appendingPathComponent(path), encoding: .utf8)) ?? ""
  }

  @Test func aLateItemTakesALetterAndAMovedNumberIsRefused() throws {
    var tree = try InlineTree(Self.agenda)
    defer { try? FileManager.default.removeItem(at: tree.root) }
    let out = tree.root.appendingPathComponent("../\(tree.root.lastPathComponent)-out").standardizedFileURL
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(try build(tree, out: out).status == 0)

    try tree.write("c/2020-02-10/25-late-report.md", "---\ntitle: Late Report\nsupplement: 1\n---\nAdded after publication.\n")
    let withSupplement = try build(tree, out: out)
    #expect(withSupplement.status == 0, "\(withSupplement.stderr)")
    let page = text(out, "public/c/2020-02-10/index.html")
    #expect(page.contains("item-2A.html") && page.contains(">2A.<"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("public/c/2020-02-10/supplement-1.html").path))
    #expect(text(out, "agenda-numbers.json").contains("\"late-report\" : \"2A\""))

    // The same item without `supplement` would move items 3 to 5.
    try tree.write("c/2020-02-10/25-late-report.md", "---\ntitle: Late Report\n---\nAdded after publication.\n")
    let before = TreeSnapshot(out)
    let moved = try build(tree, out: out)
    #expect(moved.status == 1)
    #expect(
      moved.stderr.contains(
        "c/2020-02-10/30-questions.md:1:1: error: this item was published as Agenda Item 3 (the previous build in '\(out.path)') and would now be Agenda Item 4;"
      ))
    #expect(TreeSnapshot(out) == before)
    // `clerk check --build` says the same before any build is tried.
    let check = try ClerkProcess.run(["check", tree.path, "--build", out.path])
    #expect(check.status == 1)
    #expect(check.stderr.contains("c/2020-02-10/30-questions.md:1:1: error: this item was published as Agenda Item 3"))
  }

  @Test func aReleasedItemKeepsItsNumberAndIsPublicFromThen() throws {
    var tree = try InlineTree(Self.agenda)
    defer { try? FileManager.default.removeItem(at: tree.root) }
    let out = tree.root.appendingPathComponent("../\(tree.root.lastPathComponent)-out").standardizedFileURL
    defer { try? FileManager.default.removeItem(at: out) }
    #expect(try build(tree, out: out).status == 0)
    #expect(!text(out, "public/c/2020-02-10/pack.html").contains("lapwing"))

    let exempt = "---\ntitle: Leisure Contract\naccess: exempt\nexempt-paragraphs: [3]\nreleased: 2021-03-01\n---\n"
    try tree.write("c/2020-02-10/40-contract.md", exempt + "Canary lapwing tender prices stay private until the contract is signed.\n")
    try tree.write(
      "c/2020-02-10/50-staffing.md",
      "---\ntitle: Staffing\naccess: exempt\nexempt-paragraphs: [1]\n---\nCanary plover names of the staff concerned in the restructure.\n")
    // A new exempt item after the released one is a new number, and the
    // Exclusion of the Public (4) and the released item (5) keep theirs.
    let released = try build(tree, out: out)
    #expect(released.status == 0, "\(released.stderr)")
    let page = text(out, "public/c/2020-02-10/item-5.html")
    #expect(page.contains("Canary lapwing tender prices") && page.contains("Released on 1 March 2021"))
    #expect(text(out, "public/c/2020-02-10/index.html").contains("Released on 1 March 2021"))
    let pack = text(out, "public/c/2020-02-10/pack.html")
    #expect(pack.contains("Canary lapwing") && !pack.contains("plover"))
    #expect(try ClerkProcess.run(["audit", out.path]).status == 0)

    // The other way: the audit still finds the unreleased item's text.
    try Data("<p>Canary plover names of the staff concerned in the restructure.</p>".utf8).write(
      to: out.appendingPathComponent("public/planted.html"))
    let audit = try ClerkProcess.run(["audit", out.path])
    #expect(audit.status == 1)
    #expect(audit.stdout.contains("public/planted.html: leaks c/2020-02-10/50-staffing.md"))
  }

  @Test func aReleaseDateAfterTodayIsAnError() throws {
    var tree = try InlineTree(Self.agenda)
    defer { try? FileManager.default.removeItem(at: tree.root) }
    try tree.write(
      "c/2020-02-10/40-contract.md", "---\ntitle: Leisure Contract\naccess: exempt\nexempt-paragraphs: [3]\nreleased: 2099-01-01\n---\nPrices.\n")
    let check = try ClerkProcess.run(["check", tree.path, "--today", "2026-12-02"])
    #expect(check.status == 1)
    #expect(
      check.stderr.contains(
        "c/2020-02-10/40-contract.md:5:11: error: 'released' is 2099-01-01, after today (2026-12-02); set it on the day the exemption ends, not before"
      ))
  }

  @Test func aBrokenDraftDoesNotBlockThePublishedMeetings() throws {
    var tree = try InlineTree(Self.agenda)
    defer { try? FileManager.default.removeItem(at: tree.root) }
    let out = tree.root.appendingPathComponent("../\(tree.root.lastPathComponent)-out").standardizedFileURL
    defer { try? FileManager.default.removeItem(at: out) }
    try tree.write("c/2020-03-09/meeting.yml", "date: 2020-03-09\ntime: \"11:00\"\nvenue: Guildhall\n")
    try tree.write("c/2020-03-09/10-budget.md", "---\ntitle: Budget\nsee-also: [nowhere]\n---\nDraft.\n")
    let built = try build(tree, out: out)
    #expect(built.status == 0, "\(built.stderr)")
    #expect(built.stderr.contains("c/2020-03-09/10-budget.md:3:"))
    #expect(built.stderr.contains("(in a draft meeting: it is left out of this build until this is fixed)"))
    #expect(built.stderr.contains("1 draft meeting was left out of this build because of the errors above (reported as warnings): c/2020-03-09"))
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("public/c/2020-02-10/index.html").path))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("non-public/c/2020-03-09").path))
    // `clerk check` still calls it an error.
    let check = try ClerkProcess.run(["check", tree.path])
    #expect(check.status == 1)
    #expect(check.stderr.contains("c/2020-03-09/10-budget.md:3:") && check.stderr.contains(": error: "))
  }

  @Test func theRealPackTakesALateItemAndAReleaseWithoutMovingANumber() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-real-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    let content = folder.appendingPathComponent("Content")
    let out = folder.appendingPathComponent("build")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: repositoryRoot.appendingPathComponent("Tests/Fixtures/real-pack/Content"), to: content)
    func build() throws -> ClerkProcess.Output {
      try ClerkProcess.run(["build", content.path, "--out", out.path, "--no-pdf", "--quiet", "--today", "2021-03-02"])
    }
    func numbers() throws -> [String: String] {
      let data = try Data(contentsOf: out.appendingPathComponent("agenda-numbers.json"))
      return try JSONDecoder().decode([String: [String: String]].self, from: data)["safeguarding/2020-02-10"] ?? [:]
    }
    #expect(try build().status == 0)
    let published = try numbers()
    #expect(published["case-review-appendix"] == "19")

    let meeting = content.appendingPathComponent("safeguarding/2020-02-10")
    try Data("---\ntitle: Late Briefing on Placements\npurpose: information\nsupplement: 1\n---\nCirculated after the agenda.\n".utf8)
      .write(to: meeting.appendingPathComponent("06-late-briefing.md"))
    let appendix = meeting.appendingPathComponent("18-case-review-appendix.md")
    let text = try String(contentsOf: appendix, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "access: exempt\n", with: "access: exempt\nreleased: 2021-03-01\n").utf8).write(to: appendix)

    let rebuilt = try build()
    #expect(rebuilt.status == 0, "\(rebuilt.stderr)")
    let now = try numbers()
    for (slug, number) in published { #expect(now[slug] == number, "\(slug) moved") }
    #expect(now["late-briefing"] == "6A")
    let page = (try? String(contentsOf: out.appendingPathComponent("public/safeguarding/2020-02-10/item-19.html"), encoding: .utf8)) ?? ""
    #expect(page.contains("Released on 1 March 2021"))
  }

  /// A supplementary item's pages are in its own pack, and the meeting
  /// page says so: "(Supplementary agenda 1, pages 3 - 4)".
  @Test func aSupplementaryItemsPagesNameItsPack() throws {
    guard PackPDFTests().engineReady() else { return }
    var tree = try InlineTree(Self.agenda)
    defer { try? FileManager.default.removeItem(at: tree.root) }
    let out = tree.root.appendingPathComponent("../\(tree.root.lastPathComponent)-out").standardizedFileURL
    defer { try? FileManager.default.removeItem(at: out) }
    try tree.write("c/2020-02-10/25-late-report.md", "---\ntitle: Late Report\nsupplement: 1\n---\nAdded after publication.\n")
    let built = try ClerkProcess.run(["build", tree.path, "--out", out.path, "--quiet"])
    #expect(built.status == 0, "\(built.stderr)")
    let page = text(out, "public/c/2020-02-10/index.html")
    #expect(page.contains("supplement-1.pdf#page="))
    #expect(page.contains("\">Supplementary agenda 1, page"))
    #expect(page.contains("Supplementary agenda 1 (PDF, "))
  }
}
