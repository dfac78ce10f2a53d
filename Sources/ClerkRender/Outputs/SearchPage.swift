import ClerkCore

/// `search.html` in each tree: Pagefind's search box and results, from the
/// tree's own index in `search/`, filtered by committee and year; the
/// header's search form sends `?q=` here. Without JavaScript, or opened
/// from a file, it says how to serve the site so that search works.
extension ArchiveOutputs {
  struct SearchPage: ArchiveOutput {
    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      let page = SiteLayout.search
      var context = pages.context(page, "Search", crumbs: [("Home", SiteLayout.index), ("Search", nil)])
      context["bundle"] = SiteLayout.relative(from: page, to: Pagefind.folder + "/")
      context["serveFolder"] = pages.audience == .public ? "build/public" : "build/non-public"
      context["serveCommand"] = pages.audience == .public ? "clerk serve" : "clerk serve --non-public"
      return [OutputFile(path: page, text: try pages.templates.render(context, template: "site/search"))]
    }
  }
}
