import Foundation
import TestSupport
import Testing

/// Through the built binary: every build writes `public/manifest.json`,
/// and `clerk verify NEW OLD` flags a silent change to a published meeting,
/// accepts one declared by a new `revisions:` entry, and refuses to call
/// anything unchanged when it cannot read a manifest.
@Suite struct VerifyCommandTests {
  static let agenda = InlineTree.oneMeeting + """

    published: 2020-01-31
    -- c/2020-02-10/10-budget.md --
    ---
    title: Budget Monitoring
    ---
    The forecast is on budget.
    """

  func build(_ tree: InlineTree, _ out: URL) throws {
    let built = try ClerkProcess.run(["build", tree.path, "--out", out.path, "--no-pdf", "--quiet"])
    #expect(built.status == 0, "\(built.stderr)")
  }

  @Test func theManifestListsEveryOtherPublicFile() throws {
    let tree = try InlineTree(Self.agenda)
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    try build(tree, out)
    let first = try Data(contentsOf: out.appendingPathComponent("public/manifest.json"))
    let manifest = try #require(try JSONSerialization.jsonObject(with: first) as? [String: Any])
    let files = try #require(manifest["files"] as? [String: [String: Any]])
    let publicTree = out.appendingPathComponent("public")
    let onDisk = try FileManager.default.subpathsOfDirectory(atPath: publicTree.path).filter { path in
      var isDirectory: ObjCBool = false
      return FileManager.default.fileExists(atPath: publicTree.appendingPathComponent(path).path, isDirectory: &isDirectory)
        && !isDirectory.boolValue
    }
    #expect(Set(files.keys) == Set(onDisk).subtracting(["manifest.json"]))
    let page = try Data(contentsOf: publicTree.appendingPathComponent("c/2020-02-10/item-1.html"))
    #expect(files["c/2020-02-10/item-1.html"]?["size"] as? Int == page.count)
    #expect((files["c/2020-02-10/item-1.html"]?["sha256"] as? String)?.count == 64)
    let meetings = try #require(manifest["meetings"] as? [String: [String: Any]])
    #expect(meetings["c/2020-02-10"]?["published"] as? String == "2020-01-31")

    try build(tree, out)
    #expect(try Data(contentsOf: out.appendingPathComponent("public/manifest.json")) == first)
  }

  @Test func aSilentChangeIsFlaggedAndARevisedOneAccepted() throws {
    var tree = try InlineTree(Self.agenda)
    defer { tree.remove() }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (old, new) = (folder.appendingPathComponent("old"), folder.appendingPathComponent("new"))
    try build(tree, old)
    try build(tree, new)
    let same = try ClerkProcess.run(["verify", new.path, old.path])
    #expect(same.status == 0, "\(same.stderr)")
    #expect(same.stdout.isEmpty)

    try tree.write("c/2020-02-10/10-budget.md", "---\ntitle: Budget Monitoring\n---\nThe forecast is now overspent.\n")
    try build(tree, new)
    let changed = try ClerkProcess.run(["verify", new.path, old.path])
    #expect(changed.status == 1)
    #expect(changed.stdout.contains("public/c/2020-02-10/item-1.html: changed since 2020-01-31\n"))
    #expect(changed.stderr.contains("changed without a revision"))

    let meeting = try String(contentsOf: tree.root.appendingPathComponent("c/2020-02-10/meeting.yml"), encoding: .utf8)
    try tree.write(
      "c/2020-02-10/meeting.yml", meeting + "revisions:\n  - { date: 2020-02-20, note: \"Item 1 forecast corrected.\" }\n")
    try build(tree, new)
    let revised = try ClerkProcess.run(["verify", new.path, old.path])
    #expect(revised.status == 0, "\(revised.stdout)")
    #expect(revised.stderr.contains("declared by the revision of 2020-02-20"))
    let page = try String(contentsOf: new.appendingPathComponent("public/c/2020-02-10/index.html"), encoding: .utf8)
    #expect(page.contains("Revised <time datetime=\"2020-02-20\">20 February 2020</time>: Item 1 forecast corrected."))
  }

  @Test func aMissingManifestCannotBeVerified() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let result = try ClerkProcess.run(["verify", folder.appendingPathComponent("new").path, folder.appendingPathComponent("old").path])
    #expect(result.status == 2)
    #expect(result.stderr.contains("verify not done"))
  }
}
