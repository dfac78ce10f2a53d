import ClerkCore

extension ArchiveOutputs {
  /// `accessibility.html` at each tree's root: the accessibility statement
  /// the Public Sector Bodies Accessibility Regulations 2018 require, from
  /// `site.yml` (organisation, `accessibility:` contact and dates) and the
  /// prose of `site/accessibility.mustache`. Its dates come from site.yml
  /// only, never the build's clock.
  struct AccessibilityStatement: ArchiveOutput {
    func render(_ pages: ArchivePages, _ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
      let path = SiteLayout.accessibility
      let site = pages.index.site
      let title = "Accessibility statement"
      var context = pages.context(path, title, crumbs: [("Home", SiteLayout.index), (title, nil)])
      context["statement"] = Self.statement(site)
      return [OutputFile(path: path, text: try pages.templates.render(context, template: "site/accessibility"))]
    }

    /// What the template needs beyond the page: the site's address, the
    /// contact (when set; without it the fallback wording sends readers
    /// to the committee clerks), and the dates, each only when set.
    static func statement(_ site: Site) -> [String: Any] {
      let contact = site.accessibility
      var statement: [String: Any] = [
        "organisation": site.organisation,
        "siteURL": SiteAddress(site.baseURL).base,
      ]
      if contact.email != nil || contact.phone != nil {
        statement["contact"] = Contact(name: site.organisation, phone: contact.phone, email: contact.email).dictionary()
      }
      if let prepared = contact.prepared { statement["prepared"] = ["text": DisplayFormat.date(prepared), "iso": prepared.iso] }
      if let reviewed = contact.reviewed { statement["reviewed"] = ["text": DisplayFormat.date(reviewed), "iso": reviewed.iso] }
      return statement
    }
  }
}
