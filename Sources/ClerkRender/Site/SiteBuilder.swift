import ClerkCore
import Foundation

/// Renders the two trees — `public/` from the public plan only, and
/// `non-public/` from the full plan — meeting by meeting.
public struct SiteBuilder: Sendable {
  public static let publicTree = "public"
  public static let nonPublicTree = "non-public"

  public let index: ArchiveIndex
  public let templates: TemplateSet
  /// Separates forthcoming from past meetings on the index pages.
  public let today: CalendarDate

  public init(index: ArchiveIndex, templates: TemplateSet, today: CalendarDate) {
    self.index = index
    self.templates = templates
    self.today = today
  }

  /// One meeting rendered for both audiences.
  public struct RenderedMeeting: Sendable {
    public var publicFiles: [OutputFile] = []
    public var nonPublicFiles: [OutputFile] = []
    public var publicSummary: MeetingSummary?
    public var nonPublicSummary: MeetingSummary?
    public var problem: TemplateSet.Problem?
    public var writeProblem: OutputTree.Problem?
    public init() {}

    /// Every public file the build writes as text (pages, and any other
    /// format), as the meeting's audit reads them.
    public var publicPages: [(path: String, text: String)] {
      publicFiles.compactMap { file in
        guard case .text(let text) = file.contents else { return nil }
        return (file.path, text)
      }
    }

    /// The content files published as they are: where each goes, and where it comes from.
    public var publicCopies: [(path: String, source: String)] {
      publicFiles.compactMap { file in
        guard case .copy(let source) = file.contents else { return nil }
        return (file.path, source)
      }
    }
  }

  public func render(_ plan: MeetingPlan) -> RenderedMeeting {
    var rendered = RenderedMeeting()
    let fragments = FragmentCache()
    do {
      if let narrowed = plan.narrowed(to: .public) {
        rendered.publicFiles = try pages(narrowed, fragments)
        rendered.publicSummary = MeetingSummary(plan: narrowed)
        rendered.publicSummary?.pages = rendered.publicFiles.map(\.path).filter { $0.hasSuffix(".html") }.sorted()
      }
      if let full = plan.narrowed(to: .nonPublic) {
        rendered.nonPublicFiles = try pages(full, fragments)
        rendered.nonPublicSummary = MeetingSummary(plan: full)
      }
    } catch {
      rendered.problem = error
    }
    return rendered
  }

  func pages(_ plan: MeetingPlan, _ fragments: FragmentCache) throws(TemplateSet.Problem) -> [OutputFile] {
    try MeetingPages(plan: plan, index: index, templates: templates, contentRoot: index.root, fragments: fragments).render()
  }

  /// A meeting's page and `meeting.json` rendered again with what the PDF
  /// engine printed (`plan` narrowed to their tree): the agenda shows each
  /// item's pages, and the page and the JSON link the PDFs.
  public func printedMeetingFiles(_ plan: MeetingPlan, printed: PrintedPages) throws(TemplateSet.Problem) -> [OutputFile] {
    var pages = MeetingPages(plan: plan, index: index, templates: templates, contentRoot: index.root, fragments: FragmentCache())
    pages.printed = printed
    return [
      OutputFile(path: SiteLayout.meeting(plan.id), text: try pages.renderMeetingPage()),
      MeetingOutputs.MeetingJSON.file(pages),
    ]
  }

  /// The index and committee pages of one tree.
  public func archivePages(_ summaries: [MeetingSummary], audience: Audience) throws(TemplateSet.Problem) -> [OutputFile] {
    try ArchivePages(index: index, templates: templates, audience: audience, today: today).render(summaries)
  }

  /// Stylesheets and other files of the templates folder, under `assets/`.
  public var assets: [OutputFile] {
    templates.assets.map { asset in
      let target = SiteFolders.assets + "/" + (asset.hasPrefix("css/") ? String(asset.dropFirst(4)) : asset)
      return OutputFile(path: target, copying: templates.directory + "/" + asset)
    }
  }
}
