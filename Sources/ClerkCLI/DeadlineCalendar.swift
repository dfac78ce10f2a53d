import ClerkCore
import ClerkRender

/// `clerk deadlines --ics`: one all-day event on each publication deadline,
/// for the clerk's own calendar. UIDs come from the meeting, so a
/// re-import updates the events instead of adding new ones.
enum DeadlineCalendar {
  static func render(_ rows: [(MeetingEntry, PublicationDeadline)], index: ArchiveIndex) -> String {
    let format = TemplateFormat.icalendar
    let host = SiteAddress(index.site.baseURL).host
    var lines = [
      "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Clerk//Publication deadlines//EN", "CALSCALE:GREGORIAN",
      "X-WR-CALNAME:" + format.escape(index.site.organisation + ": agenda publication deadlines"),
    ]
    for (entry, deadline) in rows {
      let committee = index.committee(entry.id.committee)?.name ?? entry.id.committee
      let day = ContentTimestamp.compact(deadline.publishBy)
      lines += [
        "BEGIN:VEVENT",
        "UID:deadline-\(entry.id.committee)-\(entry.id.folder)@\(host)",
        // Derived from the content, so the same archive exports the same file.
        "DTSTAMP:" + ContentTimestamp.icalendarUTC(deadline.publishBy),
        "DTSTART;VALUE=DATE:\(day)",
        "DTEND;VALUE=DATE:" + ContentTimestamp.compact(deadline.publishBy.adding(days: 1)),
        "SUMMARY:" + format.escape("Publish agenda: \(committee), \(entry.date.longText)"),
        "DESCRIPTION:" + format.escape(
          "Last day to publish the agenda for \(entry.id.path) (meeting \(entry.date.iso) \(entry.time), \(entry.venue)): five clear working days."),
        "TRANSP:TRANSPARENT",
        "END:VEVENT",
      ]
    }
    lines.append("END:VCALENDAR")
    return format.finish(lines.joined(separator: "\n") + "\n")
  }
}
