import Foundation
import TestSupport
import Testing

#if canImport(FoundationXML)
  import FoundationXML
#endif

@testable import ClerkCore
@testable import ClerkRender

/// The Atom feeds and iCalendar files, rendered from meeting summaries
/// through the default templates: ids, dates, order, cancelled meetings,
/// revisions and escaping.
@Suite struct FeedsAndCalendarsTests {
  static func date(_ iso: String) -> CalendarDate { CalendarDate(iso: iso)! }

  /// The summary of committee `c`'s meeting in `folder`, with two agenda items.
  static func meeting(
    _ folder: String, status: MeetingStatus = .published, published: String? = nil, venue: String = "Guildhall",
    revisions: [(String, String)] = [], minutes: Bool = false, binds: [String] = []
  ) -> MeetingSummary {
    let plan = MeetingPlan(
      id: MeetingID(committee: "c", folder: folder), committee: Committee(slug: "c", name: "Test Committee"),
      date: date(String(folder.prefix(10))), time: "18:30", venue: venue, status: status,
      published: published.map(date), notes: [], items: [], minutes: nil, nonPublicMinutes: nil, audience: .public,
      numbersBySlug: [:])
    var summary = MeetingSummary(plan: plan)
    summary.agenda = [AgendaLine(number: "1", title: "Apologies"), AgendaLine(number: "2", title: "Budget, 2020; draft")]
    summary.revisions = revisions.map { Revision(date: date($0.0), note: $0.1) }
    summary.hasMinutes = minutes
    summary.bindsMinutesOf = binds.map { MeetingID(committee: "c", folder: $0) }
    return summary
  }

  /// February (minutes, a revision), April (binds February's minutes in),
  /// a cancelled May meeting, and a June draft.
  static let archive = [
    meeting("2020-02-10", published: "2020-01-31", revisions: [("2020-03-01", "Item 2 corrected.")], minutes: true),
    meeting("2020-04-06", published: "2020-03-27", binds: ["2020-02-10"]),
    meeting("2020-05-11", status: .cancelled, published: "2020-05-01", venue: "Smith & Jones <Hall>, Room 1"),
    meeting("2020-06-15", status: .draft),
  ]

  func pages(_ audience: Audience) throws -> ArchivePages {
    let index = ArchiveIndex(
      root: "/nonexistent", site: Site(organisation: "Test Council", baseURL: "https://example.org/democracy"),
      committees: [Committee(slug: "c", name: "Test Committee")], meetings: [])
    let templates = try TemplateSet(directory: repositoryRoot.appendingPathComponent("Templates").path)
    return ArchivePages(index: index, templates: templates, audience: audience, today: Self.date("2020-01-01"))
  }

  func file(_ files: [OutputFile], _ path: String) -> String {
    guard case .text(let text) = files.first(where: { $0.path == path })?.contents else { return "" }
    return text
  }

  /// The values of one element or property, in order.
  func values(_ text: String, between open: String, and close: String) -> [String] {
    text.components(separatedBy: open).dropFirst().map { $0.components(separatedBy: close)[0] }
  }

  @Test func feedEntriesAreNewestFirstWithContentDates() throws {
    let files = try ArchiveOutputs.Feeds().render(try pages(.public), Self.archive)
    #expect(files.map(\.path) == ["feed.atom", "c/feed.atom"])
    let feed = file(files, "feed.atom")
    #expect(XMLParser(data: Data(feed.utf8)).parse(), "feed.atom is not well-formed XML")
    let host = "tag:example.org,"
    #expect(
      values(feed, between: "<entry>\n<id>", and: "</id>") == [
        host + "2020-05-11:c/2020-05-11/agenda",
        // Minutes are dated by the agenda that binds them in; a tie goes by id.
        host + "2020-02-10:c/2020-02-10/minutes",
        host + "2020-04-06:c/2020-04-06/agenda",
        host + "2020-02-10:c/2020-02-10/revision-1",
        host + "2020-02-10:c/2020-02-10/agenda",
      ])
    #expect(
      values(feed, between: "<updated>", and: "</updated>") == [
        "2020-05-01T00:00:00Z", "2020-05-01T00:00:00Z", "2020-03-27T00:00:00Z", "2020-03-27T00:00:00Z",
        "2020-03-01T00:00:00Z", "2020-01-31T00:00:00Z",
      ])
    #expect(feed.contains("<title>Agenda: Test Committee, Monday 11 May 2020 (cancelled)</title>"))
    #expect(feed.contains("<summary>Item 2 corrected.</summary>"))
    #expect(feed.contains(#"<link rel="alternate" type="text/html" href="https://example.org/democracy/c/2020-02-10/minutes.html"/>"#))
    #expect(feed.contains(#"<link rel="self" type="application/atom+xml" href="https://example.org/democracy/feed.atom"/>"#))
    #expect(feed.contains("<li>2. Budget, 2020; draft</li>"))
    #expect(feed.contains("Smith &amp; Jones &lt;Hall&gt;, Room 1"))
    #expect(!feed.contains("2020-06-15"), "a draft published nothing")
    #expect(file(files, "c/feed.atom").contains("<id>https://example.org/democracy/c/feed.atom</id>"))
  }

  @Test func minutesNotBoundInAreDatedByTheirMeeting() throws {
    let feed = file(try ArchiveOutputs.Feeds().render(try pages(.public), [Self.meeting("2020-02-10", minutes: true)]), "feed.atom")
    #expect(values(feed, between: "<entry>\n<id>", and: "</id>").last == "tag:example.org,2020-02-10:c/2020-02-10/minutes")
    #expect(values(feed, between: "<updated>", and: "</updated>") == Array(repeating: "2020-02-10T00:00:00Z", count: 3))
  }

  @Test func anEmptyFeedStillHasAnUnchangingDate() throws {
    let feed = file(try ArchiveOutputs.Feeds().render(try pages(.public), []), "c/feed.atom")
    #expect(values(feed, between: "<updated>", and: "</updated>") == ["1970-01-01T00:00:00Z"])
    #expect(!feed.contains("<entry>"))
  }

  @Test func calendarEventsCarryStableIdsAndContentDates() throws {
    let files = try ArchiveOutputs.Calendars().render(try pages(.public), Self.archive.filter(\.status.isPublished))
    #expect(files.map(\.path) == ["calendar.ics", "c/calendar.ics"])
    let calendar = file(files, "calendar.ics")
    let lines = calendar.components(separatedBy: "\r\n")
    #expect(lines.allSatisfy { $0.utf8.count <= 75 })
    let unfolded = calendar.replacingOccurrences(of: "\r\n ", with: "")
    #expect(values(unfolded, between: "UID:", and: "\r\n") == ["c/2020-02-10@example.org", "c/2020-04-06@example.org", "c/2020-05-11@example.org"])
    #expect(values(unfolded, between: "DTSTART;TZID=Europe/London:", and: "\r\n") == ["20200210T183000", "20200406T183000", "20200511T183000"])
    #expect(values(unfolded, between: "DTSTAMP:", and: "\r\n") == ["20200301T000000Z", "20200327T000000Z", "20200501T000000Z"])
    #expect(values(unfolded, between: "SEQUENCE:", and: "\r\n") == ["1", "0", "0"])
    #expect(values(unfolded, between: "STATUS:", and: "\r\n") == ["CONFIRMED", "CONFIRMED", "CANCELLED"])
    #expect(unfolded.contains("SUMMARY:Test Committee (cancelled)\r\n"))
    #expect(unfolded.contains("LOCATION:Smith & Jones <Hall>\\, Room 1\r\n"))
    #expect(unfolded.contains("URL:https://example.org/democracy/c/2020-02-10/index.html\r\n"))
    #expect(unfolded.contains("DESCRIPTION:Agenda:\\n1. Apologies\\n2. Budget\\, 2020\\; draft\\n\\nhttps://example.org/democracy/c/2020-02-10/index.html\r\n"))
    #expect(calendar.hasPrefix("BEGIN:VCALENDAR\r\n") && calendar.hasSuffix("END:VCALENDAR\r\n"))
  }

  @Test func draftsAreTentativeInTheNonPublicCalendarOnly() throws {
    let nonPublic = file(try ArchiveOutputs.Calendars().render(try pages(.nonPublic), Self.archive), "c/calendar.ics")
    #expect(nonPublic.contains("UID:c/2020-06-15@example.org\r\n"))
    #expect(nonPublic.contains("STATUS:TENTATIVE\r\nSUMMARY:Test Committee (draft)\r\n"))
    // The public tree has no draft summaries at all; its feed has none either way.
    let feed = file(try ArchiveOutputs.Feeds().render(try pages(.nonPublic), Self.archive), "feed.atom")
    #expect(!feed.contains("2020-06-15"))
    #expect(feed.contains("<subtitle>Non-public: for members and officers only. Do not forward or publish.</subtitle>"))
  }

  @Test func theTimeZoneIsEuropeLondonWithBritishSummerTime() throws {
    #expect(EuropeLondon.lastSunday(of: 3, in: 2026) == Self.date("2026-03-29"))
    #expect(EuropeLondon.lastSunday(of: 10, in: 2026) == Self.date("2026-10-25"))
    #expect(EuropeLondon.lastSunday(of: 3, in: 1996) == Self.date("1996-03-31"))
    #expect(EuropeLondon.lastSunday(of: 10, in: 1996) == Self.date("1996-10-27"))
    #expect(EuropeLondon.lastSunday(of: 12, in: 2027) == Self.date("2027-12-26"))
    let calendar = file(try ArchiveOutputs.Calendars().render(try pages(.public), []), "calendar.ics")
    #expect(
      calendar.contains(
        """
        BEGIN:VTIMEZONE\r\nTZID:Europe/London\r\n\
        BEGIN:DAYLIGHT\r\nTZNAME:BST\r\nTZOFFSETFROM:+0000\r\nTZOFFSETTO:+0100\r\nDTSTART:19960331T010000\r\n\
        RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\nEND:DAYLIGHT\r\n\
        BEGIN:STANDARD\r\nTZNAME:GMT\r\nTZOFFSETFROM:+0100\r\nTZOFFSETTO:+0000\r\nDTSTART:19961027T020000\r\n\
        RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n
        """))
    #expect(!calendar.contains("BEGIN:VEVENT"))
  }

  @Test func atomTemplatesEscapeAsXML() {
    #expect(TemplateFormat(templateName: "site/feed.atom") == .xml)
    #expect(TemplateFormat(templateName: "site/calendar.ics") == .icalendar)
  }
}
