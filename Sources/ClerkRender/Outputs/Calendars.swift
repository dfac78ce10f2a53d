import ClerkCore

/// `calendar.ics` (every committee) and `<committee>/calendar.ics` (RFC
/// 5545): one event per meeting of the tree. The public tree has published
/// and cancelled meetings (`STATUS:CANCELLED`); the non-public tree adds
/// drafts as `STATUS:TENTATIVE`, so members see meetings being prepared.
/// Nothing comes from the clock: a rebuild writes the same bytes.
extension ArchiveOutputs {
  struct Calendars: ArchiveOutput {
    var format: TemplateFormat { .icalendar }

    /// Meetings say when they start, not when they end: every event lasts
    /// a nominal two hours.
    static let duration = "PT2H"

    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      let address = SiteAddress(pages.index.site.baseURL)
      let events = meetings.sorted { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }
      let byCommittee = Dictionary(grouping: events, by: \.id.committee)
      var files = [
        try calendar(
          pages, address, events, name: pages.index.site.organisation + ": committee meetings", path: SiteLayout.calendar)
      ]
      for committee in pages.index.committees {
        files.append(
          try calendar(
            pages, address, byCommittee[committee.slug] ?? [], name: committee.name,
            path: SiteLayout.committeeCalendar(committee.slug)))
      }
      return files
    }

    func calendar(
      _ pages: ArchivePages, _ address: SiteAddress, _ meetings: [MeetingSummary], name: String, path: String
    ) throws(TemplateSet.Problem) -> OutputFile {
      let context: [String: Any] = [
        "name": name,
        "timezone": EuropeLondon.dictionary(),
        "events": meetings.map { event($0, pages, address) },
      ]
      return OutputFile(path: path, text: try pages.templates.render(context, template: "site/calendar.ics"))
    }

    func event(_ meeting: MeetingSummary, _ pages: ArchivePages, _ address: SiteAddress) -> [String: Any] {
      let committee = pages.index.committee(meeting.id.committee)?.name ?? meeting.id.committee
      let status: (value: String, label: String) =
        switch meeting.status {
        case .published: ("CONFIRMED", "")
        case .cancelled: ("CANCELLED", " (cancelled)")
        case .draft: ("TENTATIVE", " (draft)")
        }
      let url = address.url(SiteLayout.meeting(meeting.id))
      let agenda = meeting.agenda.map { "\($0.number). \($0.title)" }
      return [
        "uid": Self.uid(meeting.id, address),
        "stamp": ContentTimestamp.icalendarUTC(meeting.lastChanged),
        "sequence": meeting.revisions.count,
        "tzid": EuropeLondon.tzid,
        "start": ContentTimestamp.icalendarLocal(meeting.date, time: meeting.time),
        "duration": Self.duration,
        "status": status.value,
        "summary": committee + status.label,
        "location": meeting.venue,
        "url": url,
        "description": (agenda.isEmpty ? "" : (["Agenda:"] + agenda).joined(separator: "\n") + "\n\n") + url,
      ]
    }

    /// `<committee>/<folder>@<host>`: the same meeting is the same event
    /// in every build and both trees, so subscribers see updates, not copies.
    static func uid(_ id: MeetingID, _ address: SiteAddress) -> String {
      "\(id.path)@\(address.host)"
    }
  }
}
