import ClerkCore

/// `sitemap.xml` (every public page, absolute from `base-url`) and
/// `robots.txt`: the public tree allows every crawler and names its
/// sitemap; the non-public tree disallows all.
extension ArchiveOutputs {
  struct Sitemap: ArchiveOutput {
    var audiences: Set<Audience> { [.public] }
    var format: TemplateFormat { .xml }

    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      var paths = [SiteLayout.index] + pages.index.committees.map { SiteLayout.committee($0.slug) }
      paths += meetings.sorted { $0.id.path < $1.id.path }.flatMap(\.pages)
      paths.append(SiteLayout.accessibility)
      let urls = paths.map { ["loc": Self.url(pages.index.site, $0)] }
      return [OutputFile(path: "sitemap.xml", text: try pages.templates.render(["urls": urls], template: "site/sitemap.xml"))]
    }

    /// A file of the tree (`c/2020-02-10/pack.html`) as an absolute URL
    /// from `base-url`; the index is the base itself.
    static func url(_ site: Site, _ path: String) -> String {
      base(site.baseURL) + (path == SiteLayout.index ? "" : path)
    }

    /// `base-url` with one trailing slash.
    static func base(_ url: String) -> String {
      url.hasSuffix("/") ? url : url + "/"
    }
  }

  struct Robots: ArchiveOutput {
    var format: TemplateFormat { .text }

    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      let context: [String: Any] = [
        "isPublic": pages.audience == .public,
        "sitemap": Sitemap.base(pages.index.site.baseURL) + "sitemap.xml",
      ]
      return [OutputFile(path: "robots.txt", text: try pages.templates.render(context, template: "site/robots.txt"))]
    }
  }
}
