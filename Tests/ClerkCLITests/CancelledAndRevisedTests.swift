import Foundation
import TestSupport
import Testing

/// `status: cancelled` keeps a published meeting public, marked cancelled;
/// `revisions:` entries are read with their places, so a mistake in one
/// is reported where it is.
@Suite struct CancelledAndRevisedTests {
  @Test func aCancelledMeetingStaysPublicAndSaysSo() throws {
    let tree = try InlineTree(
      InlineTree.oneMeeting.replacingOccurrences(of: "status: published", with: "status: cancelled") + """

        revisions:
          - { date: 2020-02-07, note: "Meeting cancelled: no business." }
        -- c/2020-02-10/10-budget.md --
        ---
        title: Budget
        ---
        The budget.
        """)
    defer { tree.remove() }
    let out = temporaryFolder().appendingPathComponent("build")
    defer { try? FileManager.default.removeItem(at: out.deletingLastPathComponent()) }
    let built = try ClerkProcess.run(["build", tree.path, "--out", out.path, "--no-pdf", "--quiet"])
    #expect(built.status == 0, "\(built.stderr)")
    let page = try String(contentsOf: out.appendingPathComponent("public/c/2020-02-10/index.html"), encoding: .utf8)
    #expect(page.contains("<strong>Cancelled.</strong>"))
    #expect(page.contains("Revised <time datetime=\"2020-02-07\">7 February 2020</time>: Meeting cancelled: no business."))
    let committee = try String(contentsOf: out.appendingPathComponent("public/c/index.html"), encoding: .utf8)
    #expect(committee.contains("<span class=\"tag\">Cancelled</span>"))
    let check = try ClerkProcess.run(["check", tree.path])
    #expect(check.stdout.contains("c/2020-02-10  Test Committee  [cancelled]"))
  }

  @Test func aBrokenRevisionIsReportedWhereItIs() throws {
    let tree = try InlineTree(
      InlineTree.oneMeeting + """

        revisions:
          - { date: 2020-02-07 }
          - { date: 7 Feb, note: Corrected. }
          - { date: 2020-02-08, note: Fine., by: Clerk }
        """)
    defer { tree.remove() }
    let check = try ClerkProcess.run(["check", tree.path])
    #expect(check.status == 1)
    #expect(check.stderr.contains("c/2020-02-10/meeting.yml:6:5: error: missing required key 'note' in a revision"))
    #expect(check.stderr.contains("c/2020-02-10/meeting.yml:7:13: error: 'date' must be a date written YYYY-MM-DD"))
    #expect(check.stderr.contains("c/2020-02-10/meeting.yml:8:38: error: unknown key 'by' in a revision"))
  }
}
