import Foundation
import TestSupport
import Testing

/// An incremental build (a build over the previous one in the same
/// `--out`) renders only what changed, and must leave exactly what a
/// fresh full build of the same content leaves: for every kind of edit,
/// the example archive is built, edited, built again over the first
/// build, and compared byte for byte with a `--full` build into a new
/// folder. The security cases come first: an item made exempt again and a
/// meeting turned back to draft are gone from `public/`.
@Suite struct IncrementalBuildTests {
  /// One edit of the example archive (a copy in `content`), between the two builds.
  struct Edit: CustomTestStringConvertible, Sendable {
    var name: String
    /// Whether unchanged meetings can be carried over (false when the edit
    /// changes what every meeting reads, or the archive's non-public set).
    var carriesOver: Bool
    var apply: @Sendable (_ content: URL, _ templates: URL) throws -> Void
    var testDescription: String { name }
  }

  static let today = "2026-12-02"

  /// The text an edit adds, found in `public/` only when it should be.
  static let canary = "Canary kestrel twelve"

  static func edit(_ path: String, in content: URL, _ change: (String) -> String) throws {
    let url = content.appendingPathComponent(path)
    let before = try String(contentsOf: url, encoding: .utf8)
    let after = change(before)
    #expect(after != before, "the edit of \(path) changed nothing")
    try after.write(to: url, atomically: true, encoding: .utf8)
  }

  static let edits: [Edit] = [
    Edit(name: "item body", carriesOver: true) { content, _ in
      try edit("children-and-families/2026-09-22/70-complaints-annual-report.md", in: content) { $0 + "\n\(canary) in a public report.\n" }
    },
    Edit(name: "item released", carriesOver: false) { content, _ in
      try edit("children-and-families/2025-11-11/80-residential-care-block-contract.md", in: content) {
        $0.replacingOccurrences(of: "exempt-until: 2027-03-31\n", with: "released: 2026-11-30\n")
      }
    },
    Edit(name: "committee member added", carriesOver: false) { content, _ in
      try edit("children-and-families/committee.yml", in: content) {
        $0.replacingOccurrences(of: "  - { name: Rosalind Eddery }\n", with: "  - { name: Rosalind Eddery }\n  - { name: \(canary) }\n")
      }
    },
    Edit(name: "template changed", carriesOver: false) { _, templates in
      let url = templates.appendingPathComponent("layout.mustache")
      let text = try String(contentsOf: url, encoding: .utf8)
      try text.replacingOccurrences(of: "</footer>", with: "<p>\(canary)</p></footer>").write(to: url, atomically: true, encoding: .utf8)
    },
    // The deleted meeting's non-public text leaves the set the others were audited against.
    Edit(name: "meeting deleted", carriesOver: false) { content, _ in
      try FileManager.default.removeItem(at: content.appendingPathComponent("audit-and-governance/2026-11-25"))
    },
    Edit(name: "bound minutes changed", carriesOver: true) { content, _ in
      try edit("children-and-families/2026-09-22/minutes.md", in: content) { $0 + "\n\(canary) in the minutes.\n" }
    },
    Edit(name: "appendix added", carriesOver: true) { content, _ in
      let folder = content.appendingPathComponent("children-and-families/2026-09-22/70-complaints-annual-report")
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
      try "# Complaint themes\n\n\(canary) in an appendix.\n".write(
        to: folder.appendingPathComponent("themes.md"), atomically: true, encoding: .utf8)
    },
  ]

  /// The example archive and the default templates, copied.
  struct Workspace {
    let root = temporaryFolder("incremental")
    var content: URL { root.appendingPathComponent("Content") }
    var templates: URL { root.appendingPathComponent("Templates") }
    var out: URL { root.appendingPathComponent("out") }
    var fresh: URL { root.appendingPathComponent("fresh") }

    init() throws {
      try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Content"), to: content)
      try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: templates)
    }

    /// With `pdf`, the packs are printed too.
    var pdf = false

    func build(into out: URL, _ extra: [String] = [], today: String = IncrementalBuildTests.today) throws -> ClerkProcess.Output {
      try ClerkProcess.run(
        ["build", content.path, "--out", out.path, "--templates", templates.path, "--no-search", "--today", today]
          + (pdf ? [] : ["--no-pdf"]) + extra)
    }

    /// Every file of a build, the record the next build reads included.
    func snapshot(_ out: URL) -> TreeSnapshot { TreeSnapshot(out) }

    func remove() { try? FileManager.default.removeItem(at: root) }
  }

  /// Builds, edits, builds again over the first build and freshly, and
  /// compares; returns the second build's output and the public snapshots
  /// before and after.
  func rebuild(_ apply: (Workspace) throws -> Void, today: String = today, pdf: Bool = false) throws
    -> (output: ClerkProcess.Output, before: TreeSnapshot, after: TreeSnapshot, workspace: Workspace)
  {
    var workspace = try Workspace()
    workspace.pdf = pdf
    let first = try workspace.build(into: workspace.out)
    #expect(first.status == 0, "\(first.stderr)")
    let before = TreeSnapshot(workspace.out.appendingPathComponent("public"))
    try apply(workspace)
    let second = try workspace.build(into: workspace.out, today: today)
    #expect(second.status == 0, "\(second.stderr)")
    let full = try workspace.build(into: workspace.fresh, ["--full"], today: today)
    #expect(full.status == 0, "\(full.stderr)")
    let incremental = workspace.snapshot(workspace.out)
    let fresh = workspace.snapshot(workspace.fresh)
    #expect(incremental.paths == fresh.paths, "the incremental build has other files than a fresh one")
    let differing = fresh.paths.filter { incremental.files[$0] != fresh.files[$0] }
    #expect(differing.isEmpty, "differ from a fresh build: \(differing.prefix(5))")
    return (second, before, TreeSnapshot(workspace.out.appendingPathComponent("public")), workspace)
  }

  /// The number of meetings the build says it carried over (0 when it says nothing).
  func carried(_ output: ClerkProcess.Output) -> Int {
    guard let range = output.stderr.range(of: "carried ") ?? output.stdout.range(of: "carried ") else { return 0 }
    let text = output.stderr.range(of: "carried ") != nil ? output.stderr : output.stdout
    return Int(text[range.upperBound...].prefix { $0.isNumber }) ?? 0
  }

  @Test func anItemMadeExemptAgainIsGoneFromPublic() throws {
    let body = "drainage clearance that did not match"
    let (_, before, after, workspace) = try rebuild { workspace in
      try Self.edit("audit-and-governance/2025-06-18/80-procurement-fraud-investigation.md", in: workspace.content) {
        $0.replacingOccurrences(of: "released: 2026-01-20\n", with: "")
      }
    }
    defer { workspace.remove() }
    #expect(!before.mentions(body).isEmpty, "the released item's body was not public before the edit")
    #expect(after.mentions(body).isEmpty, "the exempt item's body is still in public/: \(after.mentions(body).prefix(3))")
  }

  @Test func aMeetingTurnedDraftIsGoneFromPublic() throws {
    let meeting = "children-and-families/2026-09-22"
    let (_, before, after, workspace) = try rebuild { workspace in
      try Self.edit("\(meeting)/meeting.yml", in: workspace.content) {
        $0.replacingOccurrences(of: "status: published\n", with: "status: draft\n")
      }
    }
    defer { workspace.remove() }
    #expect(before.paths.contains("\(meeting)/index.html"))
    #expect(!after.paths.contains { $0.hasPrefix(meeting + "/") }, "the draft's files are still in public/")
    #expect(after.mentions("Ofsted Focused Visit Action Plan – RAG Ratings").isEmpty, "the draft's agenda is still listed in public/")
  }

  @Test(arguments: edits) func anEditRebuildsAsAFreshBuildWould(_ edit: Edit) throws {
    let (output, _, _, workspace) = try rebuild { try edit.apply($0.content, $0.templates) }
    defer { workspace.remove() }
    if edit.carriesOver {
      #expect(carried(output) > 0, "nothing was carried over: \(output.stderr.suffix(300))")
    }
  }

  /// The packs of the edited meeting are printed again, the others' PDFs
  /// carried over, and the meeting pages show the same page numbers.
  @Test func withPDFsAnItemEditRebuildsAsAFreshBuildWould() throws {
    guard PackPDFTests().engineReady() else { return }
    let (output, _, after, workspace) = try rebuild(
      { try Self.edits[0].apply($0.content, $0.templates) }, pdf: true)
    defer { workspace.remove() }
    #expect(carried(output) == 11, "\(output.stderr.suffix(300))")
    #expect(after.paths.contains("children-and-families/2026-09-22/pack.pdf"))
  }

  /// Nothing changed: the build says so and writes nothing (the output
  /// folder keeps its very files), and what is there is what a fresh build writes.
  @Test func aNoOpRebuildIsUpToDate() throws {
    var inodes: [String: UInt64] = [:]
    let (output, before, after, workspace) = try rebuild { workspace in
      inodes = Self.inodes(workspace.out)
    }
    defer { workspace.remove() }
    #expect((output.stdout + output.stderr).contains("Up to date: nothing has changed since the last build"), "\(output.stderr)")
    #expect(before == after)
    #expect(Self.inodes(workspace.out) == inodes, "the output's files were written again")
    // Once a day has passed, the archive pages (which list meetings as upcoming or past) are made again.
    let later = try workspace.build(into: workspace.out, today: "2026-12-03")
    #expect(later.status == 0 && !(later.stdout + later.stderr).contains("Up to date"), "\(later.stderr)")
  }

  /// A build that would warn that the PDF engine is missing is never
  /// "up to date": it runs, and warns, every time.
  @Test func withoutThePDFEngineEveryBuildRunsAndWarns() throws {
    let workspace = try Workspace()
    defer { workspace.remove() }
    for _ in 0..<2 {
      let output = try ClerkProcess.run(
        [
          "build", workspace.content.path, "--out", workspace.out.path, "--templates", workspace.templates.path, "--no-search",
          "--today", Self.today,
        ], in: workspace.root, environment: ["CLERK_WEASYPRINT": workspace.root.path + "/no-such-engine"])
      #expect(output.status == 0, "\(output.stderr)")
      #expect(output.stderr.contains("the PDF engine (WeasyPrint) is not installed"), "\(output.stderr)")
      #expect(!(output.stdout + output.stderr).contains("Up to date"))
    }
  }

  /// Anything added to the output by hand means it is not as the last
  /// build left it: the build runs, and leaves what a fresh build leaves.
  /// Inside a meeting's folder, it also keeps that folder from being
  /// carried over whole: its files are carried one by one, and the
  /// addition is left out.
  @Test(arguments: ["file", "folder", "link", "file beside the meetings"])
  func somethingAddedToTheOutputByHandIsNotUpToDate(_ kind: String) throws {
    let (output, _, _, workspace) = try rebuild { workspace in
      let place = workspace.out.appendingPathComponent(
        kind == "file beside the meetings" ? "public/children-and-families/extra" : "public/children-and-families/2025-11-11/extra")
      switch kind {
      case "file", "file beside the meetings": try "added by hand".write(to: place, atomically: false, encoding: .utf8)
      case "folder": try FileManager.default.createDirectory(at: place, withIntermediateDirectories: false)
      default: try FileManager.default.createSymbolicLink(atPath: place.path, withDestinationPath: "/etc/passwd")
      }
    }
    defer { workspace.remove() }
    #expect(!(output.stdout + output.stderr).contains("Up to date"), "\(output.stderr)")
    #expect(carried(output) == 12, "\(output.stderr.suffix(300))")
  }

  /// The inode of every file under `folder`, by path.
  static func inodes(_ folder: URL) -> [String: UInt64] {
    var found: [String: UInt64] = [:]
    let manager = FileManager.default
    for case let path as String in manager.enumerator(atPath: folder.path) ?? .init() {
      if let attributes = try? manager.attributesOfItem(atPath: folder.path + "/" + path),
        attributes[.type] as? FileAttributeType == .typeRegular
      {
        found[path] = (attributes[.systemFileNumber] as? NSNumber)?.uint64Value
      }
    }
    return found
  }

  @Test func aLaterTodayChecksTheMeetingsItConcernsAgain() throws {
    // The residential care contract's exemption is due for review on
    // 2027-03-31: after that day its meeting warns, and only it is checked again.
    let (output, _, _, workspace) = try rebuild({ _ in }, today: "2027-04-01")
    defer { workspace.remove() }
    #expect(output.stderr.contains("the exemption was due for review on 2027-03-31"))
    #expect(carried(output) == 11, "\(output.stderr.suffix(300))")
  }

  @Test(arguments: ["meeting page", "committee page"]) func aChangedOutputFileIsRenderedAgain(_ kind: String) throws {
    let page =
      kind == "meeting page" ? "public/children-and-families/2026-09-22/index.html" : "public/children-and-families/index.html"
    let (output, _, _, workspace) = try rebuild { workspace in
      let url = workspace.out.appendingPathComponent(page)
      try (try String(contentsOf: url, encoding: .utf8) + "<!-- changed by hand -->").write(to: url, atomically: false, encoding: .utf8)
    }
    defer { workspace.remove() }
    #expect(carried(output) == (kind == "meeting page" ? 11 : 12), "\(output.stderr.suffix(300))")
    #expect(archiveCarried(output) == (kind == "meeting page"))
  }

  /// The archive pages list meetings by their summaries: an edit to a
  /// report's body leaves them as they were (carried over); an edit to its
  /// title renders them again.
  @Test(arguments: ["body", "title"]) func theArchivePagesAreRenderedAgainOnlyWhenASummaryChanged(_ part: String) throws {
    let (output, _, after, workspace) = try rebuild { workspace in
      try Self.edit("children-and-families/2026-09-22/70-complaints-annual-report.md", in: workspace.content) { text in
        part == "body"
          ? text + "\n\(Self.canary) in a public report.\n"
          : text.replacingOccurrences(of: "title: Children's Social Care Complaints", with: "title: \(Self.canary)")
      }
    }
    defer { workspace.remove() }
    #expect(carried(output) == 11, "\(output.stderr.suffix(300))")
    #expect(archiveCarried(output) == (part == "body"), "\(output.stderr.suffix(300))")
    // The feeds list every agenda's titles.
    #expect(after.mentions(Self.canary).contains("feed.atom") == (part == "title"))
  }

  /// Whether the build says it carried the archive pages over.
  func archiveCarried(_ output: ClerkProcess.Output) -> Bool {
    (output.stderr + output.stdout).contains("and the index and committee pages, feeds and calendars")
  }
}
