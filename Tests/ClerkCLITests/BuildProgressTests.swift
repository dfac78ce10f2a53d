import Foundation
import TestSupport
import Testing

@testable import ClerkBuild

/// The progress bar a terminal gets for the long steps; off a terminal the
/// build prints plain lines (checked through the binary elsewhere).
@Suite struct BuildProgressTests {
  @Test func theBarShowsTheCountAndTheTimeLeft() {
    #expect(
      BuildProgress.bar(200, of: 800, "meeting", elapsed: .seconds(4))
        == "      [######------------------]  200/800 meetings, about 12 s left")
    #expect(
      BuildProgress.bar(10, of: 400, "pack", elapsed: .seconds(30))
        == "      [------------------------]  10/400 packs, about 20 min left")
    #expect(BuildProgress.bar(1, of: 1, "pack", elapsed: .seconds(3)) == "      [########################]  1/1 pack")
    #expect(BuildProgress.bar(0, of: 5, "meeting", elapsed: nil) == "      [------------------------]  0/5 meetings")
  }

  @Test func offATerminalTheBuildPrintsPlainLines() throws {
    let tree = try InlineTree(InlineTree.oneMeeting)
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    let result = try ClerkProcess.run(["build", tree.path, "--out", out.path, "--no-pdf"])
    #expect(result.stderr.contains("[2/8] Check, plan, render and audit meetings\n      1/1 meeting\n"))
    #expect(!result.stderr.contains("\r"))
  }
}
