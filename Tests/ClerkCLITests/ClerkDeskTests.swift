import Foundation
import TestSupport
import Testing

/// The clerk's desk commands through the built binary: `clerk deadlines`
/// (drafts included, the moved VE Day holiday of 2020, Scotland's own
/// holidays, `--ics`) and `clerk exemptions` (lapsed reviews first, CSV).
@Suite struct ClerkDeskTests {
  static let site = """
    -- site.yml --
    organisation: Test Council
    base-url: https://example.org/
    -- c/committee.yml --
    name: Test Committee
    -- c/2020-05-11/meeting.yml --
    date: 2020-05-11
    time: "11:00"
    venue: Guildhall
    -- c/2020-02-10/meeting.yml --
    date: 2020-02-10
    time: "11:00"
    venue: Guildhall
    status: published
    published: 2020-02-04
    -- c/2020-08-03/meeting.yml --
    date: 2020-08-03
    time: "18:00"
    venue: Guildhall
    status: published
    published: 2020-07-24
    """

  @Test func deadlinesCountTheMovedVEDayHoliday() throws {
    let tree = try InlineTree(Self.site)
    defer { tree.remove() }
    let result = try ClerkProcess.run(["deadlines", tree.path, "--from", "2020-02-01", "--today", "2020-04-27"])
    #expect(result.status == 0, "\(result.stderr)")
    #expect(
      result.stdout.split(separator: "\n") == [
        "2020-02-10 11:00  c/2020-02-10  publish by 2020-01-31  87 days ago  published 2020-02-04: LATE (3 clear working days)",
        "2020-05-11 11:00  c/2020-05-11  publish by 2020-04-30  3 days left  draft, not published",
        "2020-08-03 18:00  c/2020-08-03  publish by 2020-07-24  88 days left  published 2020-07-24: on time",
      ])
    #expect(result.stderr.contains("3 meetings from 2020-02-01"))
    let later = try ClerkProcess.run(["deadlines", tree.path, "--today", "2020-05-01"])
    #expect(later.stdout.split(separator: "\n").map { $0.prefix(10) } == ["2020-05-11", "2020-08-03"])
  }

  @Test(arguments: [
    // Monday 3 August 2020 is Scotland's summer holiday, not England's.
    ("scotland", "exemption-scheme: scotland", "2020-08-04", "2020-07-24", "2020-07-27"),
    // Monday 13 July 2020 is the Boyne holiday (12 July was a Sunday).
    ("northern-ireland", "bank-holidays: northern-ireland", "2020-07-17", "2020-07-08", "2020-07-09"),
  ])
  func eachNationHasItsOwnBankHolidays(nation: String, setting: String, meeting: String, deadline: String, inEngland: String) throws {
    let extra = "\n-- c/\(meeting)/meeting.yml --\ndate: \(meeting)\ntime: \"11:00\"\nvenue: Guildhall\n"
    let tree = try InlineTree(Self.site.replacingOccurrences(of: "base-url: https://example.org/", with: "base-url: https://example.org/\n" + setting) + extra)
    defer { tree.remove() }
    let there = try ClerkProcess.run(["deadlines", tree.path, "--from", meeting, "--today", "2020-07-01"])
    #expect(there.stdout.contains("c/\(meeting)  publish by \(deadline)"), "\(there.stdout)")
    #expect(there.stderr.contains("(\(nation) bank holidays)"))
    let english = try InlineTree(Self.site + extra)
    defer { english.remove() }
    let here = try ClerkProcess.run(["deadlines", english.path, "--from", meeting, "--today", "2020-07-01"])
    #expect(here.stdout.contains("c/\(meeting)  publish by \(inEngland)"), "\(here.stdout)")
  }

  @Test func deadlinesExportAsACalendar() throws {
    let tree = try InlineTree(Self.site)
    defer { tree.remove() }
    let result = try ClerkProcess.run(["deadlines", tree.path, "--from", "2020-05-01", "--ics"])
    #expect(result.status == 0)
    #expect(result.stdout.hasPrefix("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"))
    #expect(result.stdout.contains("UID:deadline-c-2020-05-11@example.org\r\n"))
    #expect(result.stdout.contains("DTSTART;VALUE=DATE:20200430\r\n"))
    #expect(result.stdout.components(separatedBy: "BEGIN:VEVENT").count == 3)
    #expect(!result.stdout.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
  }

  static let exempt = InlineTree.oneMeeting + """

    -- c/2020-02-10/10-budget.md --
    ---
    title: Budget
    ---
    The budget.
    -- c/2020-02-10/20-contract.md --
    ---
    title: Leisure Contract, "Phase 2"
    access: exempt
    exempt-paragraphs: [3]
    exempt-until: 2021-02-10
    ---
    Terms.
    -- c/2020-02-10/30-staffing.md --
    ---
    title: Staffing
    access: exempt
    exempt-paragraphs: [1, 2]
    exempt-until: 2030-01-01
    ---
    Names.
    -- c/2020-02-10/40-fraud.md --
    ---
    title: Fraud Case
    access: exempt
    exempt-paragraphs: [7]
    released: 2020-06-01
    ---
    Outcome.
    """

  @Test func theRegisterPutsLapsedReviewsFirst() throws {
    let tree = try InlineTree(Self.exempt)
    defer { tree.remove() }
    let table = try ClerkProcess.run(["exemptions", tree.path, "--today", "2022-01-01"])
    #expect(table.status == 0, "\(table.stderr)")
    let lines = table.stdout.split(separator: "\n")
    #expect(lines.count == 3)
    #expect(lines.first == "LAPSED          c/2020-02-10  item 3  Leisure Contract, \"Phase 2\"  (paragraph(s) 3; exempt until 2021-02-10)")
    #expect(lines.last?.hasPrefix("released        c/2020-02-10  item 5  Fraud Case") == true)
    #expect(table.stderr.contains("3 exempt items in \(tree.path); 1 exemption past its review date"))

    let csv = try ClerkProcess.run(["exemptions", tree.path, "--today", "2022-01-01", "--csv"])
    #expect(
      csv.stdout.split(separator: "\r\n").prefix(3) == [
        "meeting,date,number,title,paragraphs,exempt-until,released,review",
        "c/2020-02-10,2020-02-10,3,\"Leisure Contract, \"\"Phase 2\"\"\",3,2021-02-10,,LAPSED",
        "c/2020-02-10,2020-02-10,4,Staffing,\"1, 2\",2030-01-01,,exempt",
      ])
  }
}
