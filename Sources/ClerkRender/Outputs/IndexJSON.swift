import ClerkCore

extension ArchiveOutputs {
  /// `index.json` at each tree's root: every meeting of the tree (in the
  /// public one, the published and cancelled meetings), oldest first, with
  /// the absolute URLs of its page and its `meeting.json`.
  struct IndexJSON: ArchiveOutput {
    var format: TemplateFormat { .text }

    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      let site = pages.index.site
      let ordered = meetings.sorted { ArchivePages.newestFirst($1, $0) }
      let index = OpenDataIndex(
        organisation: site.organisation, audience: pages.audience.rawValue,
        meetings: ordered.map { meeting in
          let committee = pages.index.committee(meeting.id.committee)?.name ?? meeting.id.committee
          return OpenDataIndex.Meeting(
            committee: .init(slug: meeting.id.committee, name: committee), meeting: meeting.id.folder,
            date: meeting.date.iso, startDate: EuropeLondon.iso(meeting.date, time: meeting.time),
            name: OpenData.name(committee: committee, date: meeting.date),
            status: OpenData.status(meeting.status, hasMinutes: meeting.hasMinutes),
            url: SiteAddress(site.baseURL).url(SiteLayout.meeting(meeting.id)), data: SiteAddress(site.baseURL).url(SiteLayout.meetingJSON(meeting.id)))
        })
      return [OutputFile(path: SiteLayout.openDataIndex, text: OpenData.encode(index))]
    }
  }
}
