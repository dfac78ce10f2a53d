import ClerkCore

/// `sitemap.xml` (every public page, absolute from `base-url`) and
/// `robots.txt`: the public tree allows every crawler and names its
/// sitemap; the non-public tree disallows all.
extension ArchiveOutputs {
  struct Sitemap: ArchiveOutput {
    var audiences: Set<Audience> { [.public] }
    var format: TemplateFormat { .xml }

    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      let address = SiteAddress(pages.index.site.baseURL)
      var paths = [SiteLayout.index, SiteLayout.search] + pages.index.committees.map { SiteLayout.committee($0.slug) }
      paths += meetings.sorted { $0.id.path < $1.id.path }.flatMap(\.pages)
      paths.append(SiteLayout.accessibility)
      let urls = paths.map { ["loc": address.url($0)] }
      return [OutputFile(path: "sitemap.xml", text: try pages.templates.render(["urls": urls], template: "site/sitemap.xml"))]
    }
  }

  struct Robots: ArchiveOutput {
    var format: TemplateFormat { .text }

    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      let context: [String: Any] = [
        "isPublic": pages.audience == .public,
        "sitemap": SiteAddress(pages.index.site.baseURL).url("sitemap.xml"),
      ]
      return [OutputFile(path: "robots.txt", text: try pages.templates.render(context, template: "site/robots.txt"))]
    }
  }
}
