import ClerkCore

/// An output made once per tree from every meeting's summary (each tree
/// gets summaries of its own audience's plans).
protocol ArchiveOutput: Sendable {
  /// The trees it is written to.
  var audiences: Set<Audience> { get }
  /// What it writes (and so how its template escapes values).
  var format: TemplateFormat { get }
  func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile]
}

extension ArchiveOutput {
  var audiences: Set<Audience> { [.public, .nonPublic] }
  var format: TemplateFormat { .html }
}

/// Every archive-wide output, in one list: the index and committee pages
/// now; feeds, calendars, open data, the sitemap and the manifest join it
/// as one type each.
enum ArchiveOutputs {
  static let all: [any ArchiveOutput] = [
    SiteIndex(), CommitteePages(), SearchPage(), Feeds(), Calendars(), Sitemap(), Robots(), IndexJSON(),
    AccessibilityStatement(),
  ]

  /// `index.html`: committees, upcoming and recent meetings.
  struct SiteIndex: ArchiveOutput {
    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      [OutputFile(path: SiteLayout.index, text: try pages.renderIndex(meetings))]
    }
  }

  /// `<committee>/index.html` for every committee, meetings by year.
  struct CommitteePages: ArchiveOutput {
    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      let byCommittee = Dictionary(grouping: meetings, by: \.id.committee)
      return try pages.index.committees.map { committee throws(TemplateSet.Problem) in
        OutputFile(
          path: SiteLayout.committee(committee.slug),
          text: try pages.renderCommittee(committee, meetings: byCommittee[committee.slug] ?? []))
      }
    }
  }
}
