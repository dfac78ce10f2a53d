import Foundation
import TestSupport
import Testing

/// Content that tries to get out of the tree, blow up the parser or lose
/// the previous build: each is refused with a clear error, and nothing is lost.
@Suite struct HostileInputTests {
  static let base = InlineTree.oneMeeting

  func check(_ tree: InlineTree) throws -> ClerkProcess.Output {
    try ClerkProcess.run(["check", tree.path, "--today", "2020-02-01"])
  }

  @Test func symbolicLinksOutOfTheTreeAreRefused() throws {
    var tree = try InlineTree(Self.base)
    defer { tree.remove() }
    try tree.write("c/2020-02-10/01-item.md", "---\ntitle: Item\nappendices:\n  - { title: Secrets, file: secret.md }\n---\n")
    try FileManager.default.createDirectory(at: tree.root.appendingPathComponent("c/2020-02-10/01-item"), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(
      atPath: tree.root.appendingPathComponent("c/2020-02-10/01-item/secret.md").path, withDestinationPath: "/etc/passwd")
    try FileManager.default.createSymbolicLink(
      atPath: tree.root.appendingPathComponent("c/2020-02-10/02-linked.md").path, withDestinationPath: "/etc/hostname")
    let output = try check(tree)
    #expect(output.status == 1)
    #expect(output.stderr.contains("c/2020-02-10/01-item.md:4:29: error: appendix 'secret.md' is a symbolic link; Clerk does not follow links"), "\(output.stderr)")
    #expect(output.stderr.contains("c/2020-02-10/02-linked.md:1:1: error: is a symbolic link"), "\(output.stderr)")
  }

  @Test func yamlAliasBombsAreRefused() throws {
    var lines = ["---", "title: Bomb", "a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in 1...8 {
      lines.append("a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
    }
    lines.append("---")
    var tree = try InlineTree(Self.base)
    defer { tree.remove() }
    try tree.write("c/2020-02-10/01-bomb.md", lines.joined(separator: "\n") + "\n")
    let output = try check(tree)
    #expect(output.status == 1)
    #expect(output.stderr.contains("c/2020-02-10/01-bomb.md:2:1: error: YAML is too large or uses aliases that expand too far"), "\(output.stderr)")
  }

  @Test func oversizedFilesAreRefused() throws {
    var tree = try InlineTree(Self.base)
    defer { tree.remove() }
    try tree.write("c/2020-02-10/01-huge.md", "---\ntitle: Huge\n---\n" + String(repeating: "Lorem ipsum dolor sit amet. ", count: 200_000))
    let output = try check(tree)
    #expect(output.status == 1)
    #expect(output.stderr.contains("c/2020-02-10/01-huge.md:1:1: error: file is too large (5600020 bytes; the limit is 4000000 bytes)"), "\(output.stderr)")
  }

  /// A file under the 4 MB file limit whose markdown is over the 2 MB one.
  @Test func markdownOverTwoMegabytesIsRefused() throws {
    var tree = try InlineTree(Self.base)
    defer { tree.remove() }
    try tree.write("c/2020-02-10/01-long.md", "---\ntitle: Long\n---\n" + String(repeating: "Lorem ipsum dolor sit amet.\n", count: 100_000))
    let output = try check(tree)
    #expect(output.status == 1)
    #expect(output.stderr.contains("c/2020-02-10/01-long.md:4:1: error: markdown is too large (2800000 bytes; the limit is 2000000)"), "\(output.stderr)")
  }

  @Test func markdownOverTheParserLimitIsRefusedWithItsFile() throws {
    var tree = try InlineTree(Self.base)
    defer { tree.remove() }
    try tree.write("c/2020-02-10/01-deep.md", "---\ntitle: Deep\n---\n" + String(repeating: ">", count: 5_000) + " quote\n")
    try tree.write("c/2020-02-10/02-quadratic.md", "---\ntitle: Slow\n---\n" + String(repeating: "![[]()", count: 40_000) + "\n")
    let output = try check(tree)
    #expect(output.status == 1)
    #expect(output.stderr.contains("c/2020-02-10/01-deep.md:4:1: error: markdown is nested too deeply or is too complex"), "\(output.stderr)")
    #expect(output.stderr.contains("c/2020-02-10/02-quadratic.md:4:1: error: markdown is nested too deeply or is too complex"), "\(output.stderr)")
  }

  @Test func outputUnderARegularFileIsAClearError() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
    let output = try ClerkProcess.run([
      "build", "Tests/Fixtures/site-small/Content", "--out", folder.appendingPathComponent("file/build").path, "--quiet", "--no-pdf",
    ])
    #expect(output.status != 0)
    #expect(output.stderr.contains("error: cannot create"), "\(output.stderr)")
  }

  /// A build killed with SIGKILL half-way leaves the previous output as it
  /// was; the next build cleans up the temporary folder and succeeds.
  @Test func killedBuildLosesNothing() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let arguments = ["build", "Content", "--out", out.path, "--quiet", "--today", "2026-11-25"]
    #expect(try ClerkProcess.run(arguments + ["--no-pdf"]).status == 0)
    let before = TreeSnapshot(out)
    let process = Process()
    process.executableURL = ClerkProcess.binary
    process.arguments = arguments + ["--no-pdf"]
    process.currentDirectoryURL = repositoryRoot
    process.standardError = FileHandle.nullDevice
    try process.run()
    // Kill it as soon as its temporary folder exists.
    let deadline = Date().addingTimeInterval(20)
    while Date() < deadline {
      let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
      if names.contains(where: { $0.contains(".clerk-tmp-") }) { break }
      usleep(1_000)
    }
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
    #expect(TreeSnapshot(out) == before)
    #expect(try ClerkProcess.run(arguments + ["--no-pdf"]).status == 0)
    // Beside the output, only the times the next incremental build reads.
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(names == [".build.clerk-times", "build"], "left behind: \(names)")
  }
}

@Suite struct CaseCollisionTests {
  @Test func namesDifferingOnlyByCaseAreErrors() throws {
    var tree = try InlineTree(HostileInputTests.base)
    defer { tree.remove() }
    try tree.write("c/2020-02-10/01-item.md", "---\ntitle: Item\nappendices:\n  - { title: A, file: Chart.csv }\n  - { title: B, file: chart.csv }\n---\n")
    try tree.write("c/2020-02-10/01-item/Chart.csv", "a,b\n1,2\n")
    try tree.write("c/2020-02-10/01-item/chart.csv", "a,b\n3,4\n")
    let output = try ClerkProcess.run(["check", tree.path, "--today", "2020-02-01"])
    #expect(output.status == 1)
    #expect(output.stderr.contains("c/2020-02-10/01-item/chart.csv:1:1: error: 'chart.csv' differs from 'Chart.csv' only by case"), "\(output.stderr)")
  }
}

@Suite struct MisspeltKeyCanaryTests {
  /// Text under a misspelt key is never published: the build stops first.
  @Test func misspeltKeysStopTheBuildBeforeAnythingIsPublished() throws {
    var tree = try InlineTree(HostileInputTests.base)
    defer { tree.remove() }
    try tree.write(
      "c/2020-02-10/20-case.md",
      "---\ntitle: Case\naccess: exempt\nexempt-paragraphs: [1]\nexempt-reson: CANARY-MISSPELT the family asked for privacy\n---\nBody.\n")
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let output = try ClerkProcess.run(["build", tree.path, "--out", out.appendingPathComponent("b").path, "--no-pdf", "--quiet"])
    #expect(output.status == 1)
    #expect(output.stderr.contains("unknown key 'exempt-reson' in item front matter; did you mean 'exempt-reason'?"))
    #expect(!FileManager.default.fileExists(atPath: out.appendingPathComponent("b").path))
  }
}
