import Testing

@testable import ClerkRender

/// The meeting's audit is handed every text file the meeting writes, not
/// only its HTML pages, and every file it copies.
@Suite struct RenderedMeetingTests {
  @Test func theAuditIsGivenEveryTextOutput() {
    var rendered = SiteBuilder.RenderedMeeting()
    rendered.publicFiles = [
      OutputFile(path: "c/2020-02-10/index.html", text: "<p>page</p>"),
      OutputFile(path: "c/2020-02-10/meeting.json", text: "{}"),
      OutputFile(path: "c/2020-02-10/calendar.ics", text: "BEGIN:VCALENDAR"),
      OutputFile(path: "c/2020-02-10/01-report/plan.pdf", copying: "/content/c/2020-02-10/01-report/plan.pdf"),
    ]
    #expect(rendered.publicPages.map(\.path) == ["c/2020-02-10/index.html", "c/2020-02-10/meeting.json", "c/2020-02-10/calendar.ics"])
    #expect(rendered.publicCopies.map(\.path) == ["c/2020-02-10/01-report/plan.pdf"])
  }
}
