import Markdown

@testable import ClerkCore

/// Builds model values for planner tests without touching the disk.
enum ModelFactory {
  static func document(_ text: String) -> MarkdownDocument {
    do {
      return try MarkdownDocument.parse(text)
    } catch {
      fatalError("test markdown failed to parse: \(error)")
    }
  }

  static func item(
    _ order: Int, _ slug: String, access: Access = .public, paragraphs: [Int] = [], appendixTo: String? = nil,
    seeAlso: [String] = [], body: String = "", minutesOf: String? = nil
  ) -> AgendaItem {
    AgendaItem(
      order: order, slug: slug, path: "c/2020-02-10/\(order)-\(slug).md", title: slug.capitalized,
      purpose: .information, access: access, exemptParagraphs: paragraphs, seeAlso: seeAlso, appendixTo: appendixTo,
      minutesOf: minutesOf.flatMap(MeetingLoader.parseMinutesReference), body: document(body))
  }

  static func site() -> Site { Site(organisation: "Test Council", baseURL: "https://example.org/") }

  static func index(meetings: [MeetingEntry] = []) -> ArchiveIndex {
    ArchiveIndex(
      root: "/nonexistent", site: site(), committees: [Committee(slug: "c", name: "Test Committee")],
      meetings: meetings)
  }

  static func meeting(_ items: [AgendaItem], folder: String = "2020-02-10", status: MeetingStatus = .published) -> Meeting {
    Meeting(
      id: MeetingID(committee: "c", folder: folder), date: CalendarDate(iso: folder.prefix(10)) ?? CalendarDate(dayNumber: 0),
      time: "11:00", venue: "Guildhall", status: status, items: items)
  }

  static func entry(_ meeting: Meeting) -> MeetingEntry {
    MeetingEntry(
      id: meeting.id, date: meeting.date, time: meeting.time, venue: meeting.venue, status: meeting.status,
      published: nil, notes: [], hasMinutes: false, hasNonPublicMinutes: false)
  }

  static func plan(_ items: [AgendaItem], loadMinutes: @escaping @Sendable (MeetingID, Access) -> Minutes? = { _, _ in nil })
    -> MeetingPlan
  {
    MeetingPlanner(index: index(), loadMinutes: loadMinutes).plan(meeting(items))
  }
}
