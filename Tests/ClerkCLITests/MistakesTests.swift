import Foundation
import TestSupport
import Testing

/// The mistakes a new clerk made rebuilding a real pack from the docs
/// (issue 11), each answered in plain words by `clerk check`.
@Suite struct MistakesTests {
  @Test func checkExplainsEachMistakeOnce() throws {
    var tree = try InlineTree(InlineTree.oneMeeting + "\n" + """
      -- c/2020-02-10/01-report.md --
      ---
      title: Safeguarding: Annual Report
      ---
      See [the missing children report](item:children-missing).
      -- c/2020-02-10/02-declarations.md --
      ---
      title: 'Members' Declarations'
      ---
      -- c/2020-02-10/03-budget.md --
      ---
      title: Budget
      authors:
      \t- name: Jo Bloggs
      ---
      -- c/2020-02-10/05-children-missing-appendix.md --
      ---
      title: Appendix
      appendix-to: children-missing
      ---
      -- c/2020-02-10/risk-register.md --
      ---
      title: Risk Register
      ---
      -- c/2020-02-10-old/meeting.yml --
      date: 2020-02-10
      time: "11:00"
      venue: Guildhall
      """)
    defer { tree.remove() }
    // A backup copy of the meeting, made before these mistakes.
    for name in ["01-report", "02-declarations", "03-budget", "04-children-missing", "05-children-missing-appendix"] {
      try tree.write("c/2020-02-10-old/\(name).md", "---\ntitle: Item\n---\n")
    }
    try (Data("---\ntitle: Children Missing from Education (r".utf8) + [0xE9] + Data("vised)\n---\n".utf8))
      .write(to: tree.root.appendingPathComponent("c/2020-02-10/04-children-missing.md"))
    let output = try ClerkProcess.run(["check", tree.path, "--today", "2020-01-01"])
    #expect(output.status == 1)
    #expect(output.stderr == """
      c/2020-02-10-old/meeting.yml:1:1: warning: this meeting has the same date and items as c/2020-02-10; if it is a backup copy, move it out of the content folder
      c/2020-02-10/01-report.md:2:20: error: the value of 'title' contains ': ', which YAML reads as the start of a new key; put the value in quotes: title: "Safeguarding: Annual Report"
      c/2020-02-10/02-declarations.md:2:16: error: 'title' has an apostrophe inside single quotes, which ends the value early; inside single quotes write an apostrophe twice (''), or put the value in double quotes: title: "Members' Declarations"
      c/2020-02-10/03-budget.md:4:1: error: tabs are not allowed in YAML; indent with spaces
      c/2020-02-10/04-children-missing.md:2:42: error: file is not valid UTF-8 text (save it as UTF-8)
      c/2020-02-10/risk-register.md:1:1: error: 'risk-register.md' has front matter like an agenda item but no number, so it is not on the agenda; rename it NN-risk-register.md, with NN its place on the agenda
      checked 2 meetings: 5 errors, 1 warning

      """, "\(output.stderr)")
  }

  @Test func summariesCountInTheSingular() throws {
    let tree = try InlineTree(InlineTree.oneMeeting + "\n" + """
      published: 2020-02-05
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      ---
      """)
    defer { tree.remove() }
    let check = try ClerkProcess.run(["check", tree.path, "--today", "2020-01-01"])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stderr.hasSuffix("checked 1 meeting: 0 errors, 1 warning\n"), "\(check.stderr)")
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let build = try ClerkProcess.run(
      ["build", tree.path, "--out", folder.appendingPathComponent("out").path, "--today", "2020-01-01", "--no-pdf"])
    #expect(build.status == 0, "\(build.stderr)")
    #expect(build.stderr.contains("\n      1 meeting in 1 committee\n"), "\(build.stderr)")
    #expect(build.stderr.contains("\nBuilt 1 meeting, "), "\(build.stderr)")
    #expect(build.stderr.contains(" (1 warning)\n"), "\(build.stderr)")
  }
}
