import ClerkAudit
import Foundation
import TestSupport
import Testing

/// The search index (Pagefind) of each tree, read back as the audit reads
/// it: the public index has the public text and none of the exempt; the
/// non-public index has both; `clerk audit` and the build's own audit read
/// the compressed index and stop a leak planted in it. Needs Pagefind
/// (`make search-setup`); skipped with a visible message only when it is
/// absent, and never where `CLERK_REQUIRE_SEARCH=1`.
@Suite struct SearchIndexTests {
  static let content = "Tests/Fixtures/site-small/Content"
  static let pagefind = repositoryRoot.appendingPathComponent(".venv-search/bin/clerk-pagefind")
  /// A public report's body (04-budget.md).
  static let publicText = "The forecast is balanced."
  /// The exempt item's body (05-named-case.md, line 20).
  static let exemptSentence = "the child known as Child A moved placement three times this year"
  static let exemptSource = "scrutiny/2026-03-10/05-named-case.md:20"

  func pagefindReady(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard FileManager.default.isExecutableFile(atPath: Self.pagefind.path) else {
      #expect(
        ProcessInfo.processInfo.environment["CLERK_REQUIRE_SEARCH"] != "1", "Pagefind is required here: run make search-setup",
        sourceLocation: sourceLocation)
      print("SKIPPED SearchIndexTests: Pagefind is not installed (make search-setup)")
      return false
    }
    return true
  }

  func build(_ out: URL, _ extra: [String] = [], environment: [String: String] = [:]) throws -> ClerkProcess.Output {
    try ClerkProcess.run(
      ["build", Self.content, "--out", out.path, "--today", "2026-03-01", "--quiet", "--no-pdf"] + extra,
      environment: environment)
  }

  /// Every file of a tree's index as the audit reads it, by path.
  func indexText(_ tree: URL) throws -> [String: String] {
    let base = tree.appendingPathComponent("search")
    var texts: [String: String] = [:]
    for case let relative as String in FileManager.default.enumerator(atPath: base.path) ?? FileManager.DirectoryEnumerator() {
      let url = base.appendingPathComponent(relative)
      guard !url.hasDirectoryPath, let data = FileManager.default.contents(atPath: url.path) else { continue }
      texts[relative] = SearchIndexText.isCompressed(relative) ? try SearchIndexText.text(of: data) : String(decoding: data, as: UTF8.self)
    }
    return texts
  }

  @Test func thePublicIndexHasPublicTextAndNoExemptText() throws {
    guard pagefindReady() else { return }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let output = try build(out)
    #expect(output.status == 0, "\(output.stderr)")
    let publicIndex = try indexText(out.appendingPathComponent("public"))
    let nonPublicIndex = try indexText(out.appendingPathComponent("non-public"))
    #expect(publicIndex.keys.contains { $0.hasSuffix(".pf_fragment") })
    let publicText = publicIndex.values.joined(separator: "\n")
    let nonPublicText = nonPublicIndex.values.joined(separator: "\n")
    #expect(publicText.contains(Self.publicText))
    #expect(!publicText.contains("CANARY"), "an exempt canary reached the public search index")
    #expect(!publicText.contains("moved placement three times"))
    #expect(nonPublicText.contains("CANARY-BODY"))
    #expect(nonPublicText.contains(Self.exemptSentence))
    // Results carry the meeting's date and the agenda number, and filter by committee and year.
    #expect(publicText.contains("Agenda Item 3: Budget Monitoring"))
    #expect(publicText.contains("10 March 2026"))
    #expect(publicText.contains("\"committee\"") && publicText.contains("\"year\""))
    // The pack repeats the item pages, the listings only link them: none is indexed.
    #expect(!publicText.contains("pack.html") && !publicText.contains("\"url\":\"/index.html\""))
  }

  @Test func theSameContentBuildsTheSameIndex() throws {
    guard pagefindReady() else { return }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    for name in ["one", "two"] { #expect(try build(folder.appendingPathComponent(name)).status == 0) }
    for tree in ["public/search", "non-public/search"] {
      let one = TreeSnapshot(folder.appendingPathComponent("one/" + tree))
      let two = TreeSnapshot(folder.appendingPathComponent("two/" + tree))
      #expect(!one.paths.isEmpty)
      #expect(one.paths == two.paths, "\(tree): different files")
      for path in one.paths { #expect(one.files[path] == two.files[path], "\(tree)/\(path) differs") }
    }
  }

  /// Exempt text planted in a public fragment, compressed again as
  /// Pagefind writes it, is a leak traced to its line; a fragment the
  /// audit cannot inflate makes the audit fail, never pass.
  @Test func clerkAuditReadsTheCompressedIndex() throws {
    guard pagefindReady() else { return }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    #expect(try build(out).status == 0)
    let clean = try ClerkProcess.run(["audit", out.path])
    #expect(clean.status == 0, "\(clean.stdout)\(clean.stderr)")
    let fragments = out.appendingPathComponent("public/search/fragment")
    let name = try #require(try FileManager.default.contentsOfDirectory(atPath: fragments.path).sorted().first)
    let fragment = fragments.appendingPathComponent(name)
    let original = try Data(contentsOf: fragment)
    let text = try SearchIndexText.text(of: original)
    let planted = text.replacingOccurrences(of: "\"content\":\"", with: "\"content\":\"\(Self.exemptSentence). ")
    #expect(planted != text)
    try SearchIndexText.encode(planted).write(to: fragment)
    let leak = try ClerkProcess.run(["audit", out.path])
    #expect(leak.status == 1)
    #expect(leak.stdout.contains("public/search/fragment/\(name): leaks \(Self.exemptSource)"), "\(leak.stdout)")

    var corrupt = original
    corrupt.removeLast(original.count / 2)
    try corrupt.write(to: fragment)
    let gap = try ClerkProcess.run(["audit", out.path])
    #expect(gap.status == 2)
    #expect(gap.stderr.contains("cannot audit search/fragment/\(name): "), "\(gap.stderr)")
    #expect(!gap.stderr.contains("0 leaks"))
  }

  /// The build audits the index it made before publishing: a Pagefind
  /// that writes exempt text into the public index stops the build, and a
  /// Pagefind that fails stops it too, with what it said.
  @Test func theBuildAuditsTheIndexAndStopsOnPagefindFailure() throws {
    guard pagefindReady() else { return }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let planting = folder.appendingPathComponent("planting-pagefind")
    let fragment = SearchIndexText.encode("{\"content\":\"\(Self.exemptSentence).\"}").base64EncodedString()
    try Data(
      """
      #!/bin/sh
      '\(Self.pagefind.path)' "$@" || exit $?
      echo '\(fragment)' | base64 -d > search/fragment/planted.pf_fragment

      """.utf8
    ).write(to: planting)
    let failing = folder.appendingPathComponent("failing-pagefind")
    try Data("#!/bin/sh\necho 'Error: the index could not be written' >&2\nexit 3\n".utf8).write(to: failing)
    for script in [planting, failing] {
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    }

    let out = folder.appendingPathComponent("build")
    let leaked = try build(out, environment: ["CLERK_PAGEFIND": planting.path])
    #expect(leaked.status == 1)
    #expect(leaked.stderr.contains("public/search/fragment/planted.pf_fragment: leaks \(Self.exemptSource)"), "\(leaked.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path), "a build that failed its audit was published")

    let failed = try build(out, environment: ["CLERK_PAGEFIND": failing.path])
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("cannot index public/ for search: Pagefind failed (exit 3): Error: the index could not be written"), "\(failed.stderr)")
    #expect(failed.stderr.contains("is untouched"))
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  /// Without Pagefind the build warns once and says how to install it;
  /// `--no-search` skips it quietly; `CLERK_REQUIRE_SEARCH=1` makes it an error.
  @Test func aMissingPagefindWarnsOrFails() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let missing = ["CLERK_PAGEFIND": folder.appendingPathComponent("no-such-pagefind").path, "CLERK_REQUIRE_SEARCH": "0"]
    let warned = try build(folder.appendingPathComponent("a"), environment: missing)
    #expect(warned.status == 0, "\(warned.stderr)")
    #expect(warned.stderr.components(separatedBy: "make search-setup").count == 2, "\(warned.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/public/search").path))
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("a/public/search.html").path))

    let quiet = try build(folder.appendingPathComponent("b"), ["--no-search"], environment: missing)
    #expect(quiet.status == 0)
    #expect(!quiet.stderr.contains("search"), "\(quiet.stderr)")

    var required = missing
    required["CLERK_REQUIRE_SEARCH"] = "1"
    let failed = try build(folder.appendingPathComponent("c"), environment: required)
    #expect(failed.status == 1)
    #expect(failed.stderr.contains("Pagefind is not installed and CLERK_REQUIRE_SEARCH=1"), "\(failed.stderr)")
    #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("c").path))
  }
}
