import ClerkCore

/// `feed.atom` (every committee) and `<committee>/feed.atom` (RFC 4287):
/// an entry when an agenda is published, when minutes are added, and for
/// each revision of a meeting. Drafts have published nothing, so no feed
/// has them, in either tree. Ids and dates come from the content alone, so
/// a rebuild writes the same bytes.
extension ArchiveOutputs {
  struct Feeds: ArchiveOutput {
    var format: TemplateFormat { .xml }

    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      let address = SiteAddress(pages.index.site.baseURL)
      let entries = FeedEntry.entries(of: meetings)
      let byCommittee = Dictionary(grouping: entries, by: \.meeting.id.committee)
      var files = [
        try feed(
          pages, address, entries, title: pages.index.site.organisation + ": committee meetings",
          path: SiteLayout.feed, page: SiteLayout.index)
      ]
      for committee in pages.index.committees {
        files.append(
          try feed(
            pages, address, byCommittee[committee.slug] ?? [], title: committee.name,
            path: SiteLayout.committeeFeed(committee.slug), page: SiteLayout.committee(committee.slug)))
      }
      return files
    }

    func feed(
      _ pages: ArchivePages, _ address: SiteAddress, _ entries: [FeedEntry], title: String, path: String, page: String
    ) throws(TemplateSet.Problem) -> OutputFile {
      let context: [String: Any] = [
        "id": address.url(path),
        "title": title,
        "organisation": pages.index.site.organisation,
        "nonPublic": pages.audience == .nonPublic,
        // An empty feed has no content date: the epoch, so it too never changes.
        "updated": ContentTimestamp.atom(entries.first?.updated ?? CalendarDate(dayNumber: 0)),
        "self": address.url(path),
        "alternate": address.url(page),
        "entries": entries.map { $0.dictionary(pages, address) },
      ]
      return OutputFile(path: path, text: try pages.templates.render(context, template: "site/feed.atom"))
    }
  }
}

/// One entry of a feed: what happened to which meeting, and on which day.
struct FeedEntry {
  enum Kind {
    case agenda
    case minutes
    /// The meeting's `revisions:` entry at this index (oldest first, as written).
    case revision(Int)
  }

  var meeting: MeetingSummary
  var kind: Kind
  var updated: CalendarDate

  /// Every entry of the published meetings, newest first; entries of the
  /// same day in the order of their keys.
  ///
  /// - an agenda is dated `published:`, else the meeting's date;
  /// - minutes are dated as the agenda that binds them in (`minutes-of`)
  ///   — the earliest such agenda — else the meeting's own date;
  /// - a revision is dated as written.
  static func entries(of meetings: [MeetingSummary]) -> [FeedEntry] {
    let published = meetings.filter(\.status.isPublished)
    var minutesDates: [MeetingID: CalendarDate] = [:]
    for meeting in published {
      for bound in meeting.bindsMinutesOf {
        minutesDates[bound] = min(minutesDates[bound] ?? meeting.agendaDate, meeting.agendaDate)
      }
    }
    var entries: [FeedEntry] = []
    for meeting in published {
      entries.append(FeedEntry(meeting: meeting, kind: .agenda, updated: meeting.agendaDate))
      if meeting.hasMinutes {
        entries.append(FeedEntry(meeting: meeting, kind: .minutes, updated: minutesDates[meeting.id] ?? meeting.date))
      }
      for (index, revision) in meeting.revisions.enumerated() {
        entries.append(FeedEntry(meeting: meeting, kind: .revision(index), updated: revision.date))
      }
    }
    return entries.sorted { ($1.updated, $0.key) < ($0.updated, $1.key) }
  }

  /// `<committee>/<folder>/agenda`, `…/minutes`, `…/revision-N` (N from 1):
  /// what the entry is about, unique in the archive.
  var key: String {
    switch kind {
    case .agenda: return meeting.id.path + "/agenda"
    case .minutes: return meeting.id.path + "/minutes"
    case .revision(let index): return meeting.id.path + "/revision-\(index + 1)"
    }
  }

  /// A tag URI (RFC 4151) under the site's host, dated by the meeting:
  /// `tag:democracy.example.gov.uk,2026-06-18:audit/2026-06-18/agenda`.
  func id(_ address: SiteAddress) -> String {
    "tag:\(address.host),\(meeting.date.iso):\(key)"
  }

  func dictionary(_ pages: ArchivePages, _ address: SiteAddress) -> [String: Any] {
    let committee = pages.index.committee(meeting.id.committee)?.name ?? meeting.id.committee
    let when = "\(committee), \(meeting.date.longText)"
    let time = DisplayFormat.time(meeting.time)
    var entry: [String: Any] = [
      "id": id(address),
      "updated": ContentTimestamp.atom(updated),
      "committee": committee,
      "date": meeting.date.longText,
      "time": time,
      "venue": meeting.venue,
      "isCancelled": meeting.status == .cancelled,
      "summary": "\(meeting.date.longText), \(time), \(meeting.venue)",
    ]
    var note: String?
    switch kind {
    case .agenda:
      entry["title"] = "Agenda: \(when)" + (meeting.status == .cancelled ? " (cancelled)" : "")
      entry["link"] = address.url(SiteLayout.meeting(meeting.id))
      entry["agenda"] = meeting.agenda.map { ["number": $0.number, "title": $0.title] }
      entry["hasAgenda"] = !meeting.agenda.isEmpty
    case .minutes:
      entry["title"] = "Minutes: \(when)"
      entry["link"] = address.url(SiteLayout.minutes(meeting.id))
      note = "The minutes of the meeting of \(meeting.date.longText)."
    case .revision(let index):
      entry["title"] = "Revised: \(when)"
      entry["link"] = address.url(SiteLayout.meeting(meeting.id)) + "#revisions"
      note = meeting.revisions[index].note
    }
    if let note {
      entry["note"] = note
      entry["summary"] = note
    }
    return entry
  }
}
