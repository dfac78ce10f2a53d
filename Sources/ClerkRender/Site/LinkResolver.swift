import ClerkCore
import Markdown

/// Resolves `item:` and `meeting:` links for one page of one audience.
struct LinkResolver {
  let plan: MeetingPlan
  let index: ArchiveIndex
  /// The page the links are written into.
  let page: String

  func resolve(_ url: String) -> ResolvedLink? {
    if url.hasPrefix("item:") {
      guard let number = plan.numbersBySlug[String(url.dropFirst(5))] else { return nil }
      return ResolvedLink(
        href: SiteLayout.relative(from: page, to: SiteLayout.item(plan.id, number: number)), text: "Agenda Item \(number)")
    }
    if url.hasPrefix("meeting:") {
      let parts = url.dropFirst(8).split(separator: "/")
      guard parts.count == 2 else { return nil }
      let id = MeetingID(committee: String(parts[0]), folder: String(parts[1]))
      guard let entry = index.entry(id) else { return nil }
      if plan.audience == .public && !entry.status.isPublished { return nil }
      let committee = index.committee(id.committee)?.name ?? id.committee
      return ResolvedLink(
        href: SiteLayout.relative(from: page, to: SiteLayout.meeting(id)),
        text: "\(committee), \(DisplayFormat.date(entry.date))")
    }
    return nil
  }

  /// A document's HTML for this page; `prefix` keeps ids unique when a page
  /// shows several documents.
  func html(_ document: MarkdownDocument?, prefix: String = "", footnotes: FootnotePlacement = .endOfDocument) -> String {
    guard let document else { return "" }
    return document.html.render(idPrefix: prefix, footnotes: footnotes, resolve: resolve)
  }

  /// Minutes of another meeting: its `item:` links cannot be resolved here.
  func minutesHTML(_ minutes: Minutes, prefix: String) -> String {
    minutes.body.html.render(idPrefix: prefix) { url in url.hasPrefix("item:") ? nil : resolve(url) }
  }
}
