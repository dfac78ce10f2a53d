import Foundation
import TestSupport
import Testing

/// `clerk new meeting` through the built binary: it writes a draft from the
/// committee's defaults and standing items that `clerk build` accepts,
/// binds in the previous meeting's minutes, and refuses to overwrite or to
/// guess.
@Suite struct NewMeetingTests {
  static let archive = InlineTree.previousMeetingMinutes + """

    The Committee met.
    -- site.yml --
    organisation: Test Council
    base-url: https://example.org/
    -- c/committee.yml --
    name: Test Committee
    time: "18:30"
    venue: Council Chamber, Town Hall
    standing-items:
      - { slug: apologies, title: Apologies }
      - { slug: minutes, title: Minutes, purpose: decision, minutes-of: previous }
      - { slug: contract-review, title: "Contract Review: Part 2", access: exempt, exempt-paragraphs: [3] }
    -- c/2020-02-10/meeting.yml --
    date: 2020-02-10
    time: "11:00"
    venue: Guildhall
    status: cancelled
    """

  @Test func aScaffoldedMeetingBuilds() throws {
    let tree = try InlineTree(Self.archive)
    defer { tree.remove() }
    let made = try ClerkProcess.run(["new", "meeting", "c", "2020-03-09", "--content", tree.path, "--today", "2020-02-20"])
    #expect(made.status == 0, "\(made.stderr)")
    #expect(made.stdout.contains("wrote \(tree.path)/c/2020-03-09/20-minutes.md\n"))
    #expect(made.stdout.contains("Publish the agenda by Friday 28 February 2020 (five clear working days; 8 days from today)"))
    let meeting = try String(contentsOf: tree.root.appendingPathComponent("c/2020-03-09/meeting.yml"), encoding: .utf8)
    #expect(meeting == "date: 2020-03-09\ntime: \"18:30\"\nvenue: Council Chamber, Town Hall\nstatus: draft\n")
    // The cancelled meeting of 10 February has no minutes: 25 November's are next.
    let minutes = try String(contentsOf: tree.root.appendingPathComponent("c/2020-03-09/20-minutes.md"), encoding: .utf8)
    #expect(minutes == "---\ntitle: Minutes\npurpose: decision\nminutes-of: 2019-11-25\n---\n")
    let exempt = try String(contentsOf: tree.root.appendingPathComponent("c/2020-03-09/30-contract-review.md"), encoding: .utf8)
    #expect(exempt.contains("title: \"Contract Review: Part 2\"\naccess: exempt\n"))

    let check = try ClerkProcess.run(["check", tree.path])
    #expect(check.status == 0, "\(check.stderr)")
    #expect(check.stdout.contains("c/2020-03-09  Test Committee  [draft: not published]"))
    #expect(check.stdout.contains("Includes the minutes of c/2019-11-25."))
  }

  @Test func itRefusesToOverwriteOrGuess() throws {
    var tree = try InlineTree(Self.archive)
    defer { tree.remove() }
    try tree.write("c/2020-03-09/10-apologies.md", "---\ntitle: Kept\n---\n")
    let again = try ClerkProcess.run(["new", "meeting", "c", "2020-03-09", "--content", tree.path])
    #expect(again.status == 1)
    #expect(again.stderr.contains("c/2020-03-09 already exists; Clerk never overwrites a meeting"))
    #expect(try String(contentsOf: tree.root.appendingPathComponent("c/2020-03-09/10-apologies.md"), encoding: .utf8) == "---\ntitle: Kept\n---\n")
    #expect(!FileManager.default.fileExists(atPath: tree.root.appendingPathComponent("c/2020-03-09/meeting.yml").path))

    let second = try ClerkProcess.run(["new", "meeting", "c", "2020-03-09", "--slug", "extraordinary", "--content", tree.path])
    #expect(second.status == 0, "\(second.stderr)")
    let unknown = try ClerkProcess.run(["new", "meeting", "cc", "2020-03-09", "--content", tree.path])
    #expect(unknown.status == 1)
    #expect(unknown.stderr.contains("no committee 'cc' in \(tree.path); did you mean 'c'?"))
    let badDate = try ClerkProcess.run(["new", "meeting", "c", "2020-02-30", "--content", tree.path])
    #expect(badDate.status == 2)
    #expect(badDate.stderr.contains("the date must be written YYYY-MM-DD"))
  }

  @Test func aMisspeltStandingItemKeyIsReportedInCommitteeYML() throws {
    let tree = try InlineTree(Self.archive.replacingOccurrences(of: "purpose: decision, minutes-of", with: "purpos: decision, minutes-of"))
    defer { tree.remove() }
    let check = try ClerkProcess.run(["check", tree.path])
    #expect(check.status == 1)
    #expect(check.stderr.contains("c/committee.yml:6:38: error: unknown key 'purpos' in a standing item; did you mean 'purpose'?"))
  }
}
