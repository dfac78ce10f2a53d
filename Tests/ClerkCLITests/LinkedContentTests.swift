import Foundation
import TestSupport
import Testing

/// A content folder reached through a symbolic link (`Content -> /srv/…`)
/// is read like the folder itself; links inside it are still refused.
@Suite struct LinkedContentTests {
  static let fixture = repositoryRoot.appendingPathComponent("Tests/Fixtures/site-small")

  /// A temporary folder holding `link`, a symbolic link to `target`.
  func folder(linkingTo target: URL) throws -> (folder: URL, link: URL) {
    let folder = temporaryFolder()
    let link = folder.appendingPathComponent("link")
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target.path)
    return (folder, link)
  }

  @Test func checkReadsALinkedContentFolderWithPathsRelativeToIt() throws {
    let (folder, link) = try folder(linkingTo: Self.fixture.appendingPathComponent("Content"))
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try ClerkProcess.run(["check", link.path, "--today", "2020-02-01"])
    let expected = Self.fixture.appendingPathComponent("expected")
    for (name, text) in [
      ("check.stdout", output.stdout), ("check.stderr", output.stderr), ("check.status", "\(output.status)\n"),
    ] {
      if let problem = Golden.compare(text, to: expected.appendingPathComponent(name)) {
        Issue.record("\(name): \(problem)")
      }
    }
  }

  @Test func buildFromALinkIsTheBuildFromTheFolder() throws {
    let (folder, link) = try folder(linkingTo: Self.fixture.appendingPathComponent("Content"))
    defer { try? FileManager.default.removeItem(at: folder) }
    let arguments = ["--today", "2026-03-01", "--quiet", "--no-pdf"]
    let viaLink = try ClerkProcess.run(
      ["build", link.path, "--out", folder.appendingPathComponent("a").path] + arguments)
    #expect(viaLink.status == 0, "\(viaLink.stderr)")
    let direct = try ClerkProcess.run(
      ["build", "Tests/Fixtures/site-small/Content", "--out", folder.appendingPathComponent("b").path] + arguments)
    #expect(direct.status == 0, "\(direct.stderr)")
    // The same diagnostics; only the closing line names the --out folder.
    #expect(viaLink.stderr.split(separator: "\n").dropLast() == direct.stderr.split(separator: "\n").dropLast())
    let built = TreeSnapshot(folder.appendingPathComponent("a"))
    #expect(built.files["public/index.html"] != nil)
    #expect(built == TreeSnapshot(folder.appendingPathComponent("b")))
  }

  @Test func outputInsideTheLinkedFolderIsRefused() throws {
    let (folder, link) = try folder(linkingTo: Self.fixture.appendingPathComponent("Content"))
    defer { try? FileManager.default.removeItem(at: folder) }
    for (content, out) in [
      (link.path, link.appendingPathComponent("out").path),
      (link.path, "Tests/Fixtures/site-small/Content/out"),
      ("Tests/Fixtures/site-small/Content", link.appendingPathComponent("new/out").path),
      (link.path, link.path + "/scrutiny/../out"),
    ] {
      let output = try ClerkProcess.run(["build", content, "--out", out, "--quiet", "--no-pdf"])
      #expect(output.status == 2, "\(content) --out \(out): \(output.stderr)")
      #expect(output.stderr.contains("is inside the content folder"), "\(content) --out \(out): \(output.stderr)")
    }
    #expect(!FileManager.default.fileExists(atPath: Self.fixture.appendingPathComponent("Content/out").path))
    #expect(!FileManager.default.fileExists(atPath: Self.fixture.appendingPathComponent("Content/new").path))
  }

  @Test func outputContainingTheLinkedFolderIsRefused() throws {
    let (folder, link) = try folder(linkingTo: Self.fixture)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try ClerkProcess.run(
      ["build", "Tests/Fixtures/site-small/Content", "--out", link.path, "--quiet", "--no-pdf"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("contains the content folder"), "\(output.stderr)")
  }

  @Test func linksInsideALinkedFolderAreStillRefused() throws {
    var tree = try InlineTree(InlineTree.oneMeeting)
    defer { tree.remove() }
    try tree.write("c/2020-02-10/01-item.md", "---\ntitle: Item\n---\nBody.\n")
    try FileManager.default.createSymbolicLink(
      atPath: tree.root.appendingPathComponent("c/2020-02-10/02-linked.md").path, withDestinationPath: "/etc/hostname")
    try FileManager.default.createSymbolicLink(
      atPath: tree.root.appendingPathComponent("d").path,
      withDestinationPath: repositoryRoot.appendingPathComponent("Content/audit-and-governance").path)
    let (folder, link) = try folder(linkingTo: tree.root)
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try ClerkProcess.run(["check", link.path, "--today", "2020-02-01"])
    #expect(output.status == 1)
    #expect(output.stderr.contains("c/2020-02-10/02-linked.md:1:1: error: is a symbolic link"), "\(output.stderr)")
    #expect(output.stderr.contains("\nd:1:1: error: is a symbolic link"), "\(output.stderr)")
    #expect(!output.stderr.contains(folder.path), "\(output.stderr)")
  }

  @Test func aMissingContentFolderIsNamedAsGiven() throws {
    let (folder, link) = try folder(linkingTo: URL(fileURLWithPath: "/nonexistent-clerk-content"))
    defer { try? FileManager.default.removeItem(at: folder) }
    let output = try ClerkProcess.run(["check", link.path])
    #expect(output.status == 1)
    #expect(output.stderr.hasPrefix("\(link.path):1:1: error: content folder not found"), "\(output.stderr)")
  }
}
