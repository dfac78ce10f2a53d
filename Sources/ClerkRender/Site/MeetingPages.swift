import ClerkCore
import Markdown

/// Renders one meeting of one audience: its page, its item pages, its own
/// minutes, and the files its items publish. Works from the narrowed plan
/// only, so what it cannot see it cannot publish.
struct MeetingPages {
  let plan: MeetingPlan
  let index: ArchiveIndex
  let templates: TemplateSet
  /// Absolute path of the content root, for copying files.
  let contentRoot: String
  /// Fragments shared with the other audience's pages of this meeting.
  let fragments: FragmentCache
  /// What the PDF engine printed, once it has: the meeting page shows
  /// each item's pages and links the PDFs.
  var printed: PrintedPages? = nil

  var id: MeetingID { plan.id }
  var committee: Committee { plan.committee }

  var title: String { "\(committee.name), \(plan.date.longText)" }

  func page(_ path: String, _ title: String, crumbs: [(String, String?)]) -> PageContext {
    PageContext(
      path: path, title: title,
      breadcrumbs: [("Home", SiteLayout.index), (committee.name, SiteLayout.committee(committee.slug))] + crumbs,
      audience: plan.audience, organisation: index.site.organisation)
  }

  func render() throws(TemplateSet.Problem) -> [OutputFile] {
    var files: [OutputFile] = []
    for output in MeetingOutputs.all where output.audiences.contains(plan.audience) { files += try output.render(self) }
    return files
  }

  // MARK: Meeting page

  /// "Agenda pack (PDF, 13 pages)" and each supplementary pack's, once printed.
  func packPDFLinks(page path: String) -> [[String: Any]] {
    guard let printed else { return [] }
    let packs = [(SiteLayout.packPDF(id), "Agenda pack")]
      + plan.supplements.map { (SiteLayout.supplementPDF(id, number: $0), "Supplementary agenda \($0)") }
    return packs.compactMap { pdf, name in
      printed.pageCounts[pdf].map { count in
        ["href": SiteLayout.relative(from: path, to: pdf), "name": name, "pages": Plural.count(count, "page")]
      }
    }
  }

  func meetingDictionary(page path: String) -> [String: Any] {
    let resolver = LinkResolver(plan: plan, index: index, page: path)
    var meeting: [String: Any] = [
      "committee": committee.name,
      "committeeHref": SiteLayout.relative(from: path, to: SiteLayout.committee(committee.slug)),
      "date": plan.date.longText,
      "dateISO": plan.date.iso,
      "year": plan.date.year,
      "frontSheetDate": DisplayFormat.frontSheetDate(plan.date),
      "time": DisplayFormat.time(plan.time),
      "time24": plan.time,
      "venue": plan.venue,
      "members": committee.membersList(),
      "hasMembers": !committee.members.isEmpty,
      "notes": plan.notes.enumerated().map { resolver.html($1, prefix: ContentIDs.note($0)) },
      "hasNotes": !plan.notes.isEmpty,
      "isDraft": plan.status == .draft,
      "isCancelled": plan.status == .cancelled,
      "hasRevisions": !plan.revisions.isEmpty,
      "revisions": plan.revisions.map { ["date": DisplayFormat.date($0.date), "dateISO": $0.date.iso, "note": $0.note] },
      "meetingHref": SiteLayout.relative(from: path, to: SiteLayout.meeting(id)),
      "packHref": SiteLayout.relative(from: path, to: SiteLayout.pack(id)),
      "packPDFs": packPDFLinks(page: path),
      "supplements": plan.supplements.map { number in
        ["number": number, "href": SiteLayout.relative(from: path, to: SiteLayout.supplement(id, number: number))]
      },
    ]
    if let clerk = committee.clerk { meeting["clerk"] = clerk.dictionary() }
    if let signatory = index.site.signatory {
      meeting["signatory"] = ["name": signatory.name, "title": signatory.title]
    }
    if let published = plan.published { meeting["published"] = DisplayFormat.date(published) }
    if plan.minutes != nil {
      meeting["minutesHref"] = SiteLayout.relative(from: path, to: SiteLayout.minutes(id))
    }
    if plan.nonPublicMinutes != nil && plan.audience == .nonPublic {
      meeting["nonPublicMinutesHref"] = SiteLayout.relative(from: path, to: SiteLayout.nonPublicMinutes(id))
    }
    return meeting
  }

  func renderMeetingPage() throws(TemplateSet.Problem) -> String {
    let path = SiteLayout.meeting(id)
    let resolver = LinkResolver(plan: plan, index: index, page: path)
    var parts: [[String: Any]] = []
    for part in [AgendaPart.one, .two] {
      let items = plan.items(in: part)
      guard !items.isEmpty else { continue }
      parts.append([
        "title": part.title, "id": "part-\(part.rawValue)",
        "items": try items.map { item throws(TemplateSet.Problem) -> [String: Any] in
          let entry = agendaEntry(item, page: path, resolver: resolver)
          let html = try fragments.render(Self.agendaEntryTemplate, key: "\(path)#\(item.number)", context: entry, with: templates)
          return ["number": item.number.description, "html": html]
        },
      ])
    }
    let supplements = plan.supplements.map { number -> [String: Any] in
      let numbers = plan.items.filter { $0.supplement == number }.map(\.number)
      return ["number": number, "items": "Agenda Item" + (numbers.count == 1 ? " " : "s ") + DisplayFormat.list(numbers)]
    }
    var context = page(path, title, crumbs: [(plan.date.longText, nil)]).dictionary()
    context["meeting"] = meetingDictionary(page: path)
    context["parts"] = parts
    context["hasItems"] = !plan.items.isEmpty
    context["supplements"] = supplements
    context["hasSupplements"] = !supplements.isEmpty
    return try templates.render(context, template: "site/meeting")
  }

  /// One agenda entry as the meeting page and the pack print it.
  func agendaEntry(_ item: PlannedItem, page path: String, resolver: LinkResolver) -> [String: Any] {
    var entry: [String: Any] = [
      "number": item.number.description,
      "title": item.title,
      "href": SiteLayout.relative(from: path, to: SiteLayout.item(id, number: item.number)),
      "anchor": "item-\(item.number)",
      "isExempt": item.access == .exempt,
      "hasPages": !(item.content?.isEmpty ?? true) || item.isGenerated || item.access == .exempt,
      "crossReferences": crossReferences(item, page: path),
      "summary": resolver.html(item.summary, prefix: ContentIDs.summary(item: item.number)),
      "hasSummary": item.summary != nil,
    ]
    if let label = item.purpose.label { entry["purpose"] = label }
    if let supplement = item.supplement { entry["supplement"] = supplement }
    // `value` takes an integer: a supplementary number (12A) has none.
    if item.number.letter == 0 { entry["listValue"] = String(item.number.base) }
    if let released = item.released { entry["released"] = DisplayFormat.date(released) }
    if PackPages.takesPages(item), let range = printed?.ranges[item.number] {
      entry["pageRange"] = [
        "href": SiteLayout.relative(from: path, to: range.pdf) + "#page=\(range.first)",
        // A supplementary item's pages are in its own pack: say which.
        "text": range.pdf == SiteLayout.packPDF(id)
          ? DisplayFormat.pageRange(first: range.first, last: range.last)
          : "Supplementary agenda \(item.supplement ?? 1), " + DisplayFormat.pageRange(first: range.first, last: range.last).lowercased(),
      ]
    }
    if !item.exemptParagraphs.isEmpty { entry["paragraphs"] = DisplayFormat.list(item.exemptParagraphs) }
    if case .exclusion(let exclusion) = item.kind {
      entry["exclusion"] = [
        "motion": exclusion.motion,
        "rows": exclusion.rows.map { row in
          ["items": DisplayFormat.list(row.items), "paragraphs": DisplayFormat.list(row.paragraphs)]
        },
      ]
    }
    return entry
  }

  func crossReferences(_ item: PlannedItem, page path: String) -> [[String: Any]] {
    item.crossReferences.map { reference in
      let sentence = reference.sentence
      let linkText = "Agenda Item \(reference.targetNumber)"
      let before = sentence.range(of: linkText).map { String(sentence[..<$0.lowerBound]) } ?? sentence
      let after = sentence.range(of: linkText).map { String(sentence[$0.upperBound...]) } ?? ""
      return [
        "before": before, "linkText": linkText, "after": after,
        "href": SiteLayout.relative(from: path, to: SiteLayout.item(id, number: reference.targetNumber)),
      ]
    }
  }

  // MARK: Item pages

  /// The fragment with one agenda entry of the meeting page (`{{{html}}}` of `items` in `site/meeting`).
  static let agendaEntryTemplate = "site/partials/agenda-entry"

  /// The fragment with an item page's content (`{{{itemContent}}}` in `site/item`).
  static let itemContentTemplate = "site/partials/item-content"

  func renderItemPage(_ item: PlannedItem, previous: PlannedItem?, next: PlannedItem?) throws(TemplateSet.Problem) -> String {
    let path = SiteLayout.item(id, number: item.number)
    let resolver = LinkResolver(plan: plan, index: index, page: path)
    var entry = agendaEntry(item, page: path, resolver: resolver)
    entry.merge(itemDetails(item, page: path, resolver: resolver, ids: .page)) { _, new in new }
    var context = page(path, "Agenda Item \(item.number): \(item.title)", crumbs: [
      (plan.date.longText, SiteLayout.meeting(id)), ("Agenda Item \(item.number)", nil),
    ]).dictionary()
    // The content sees the page and the item, not the audience.
    var content = context.filter { !PageContext.audienceKeys.contains($0.key) }
    content["item"] = entry
    if let previous {
      content["previous"] = [
        "href": SiteLayout.relative(from: path, to: SiteLayout.item(id, number: previous.number)),
        "number": previous.number.description, "title": previous.title,
      ]
    }
    if let next {
      content["next"] = [
        "href": SiteLayout.relative(from: path, to: SiteLayout.item(id, number: next.number)),
        "number": next.number.description, "title": next.title,
      ]
    }
    context["itemContent"] = try fragments.render(
      Self.itemContentTemplate, key: path, context: content, with: templates)
    return try templates.render(context, template: "site/item")
  }

  /// Everything below the agenda entry: cover sheet, body, minutes,
  /// appendices, authors — or, for an exempt item in public, the
  /// placeholder and the reasons restricted.
  func itemDetails(
    _ item: PlannedItem, page path: String, resolver: LinkResolver, ids: ContentIDs,
    footnotes: FootnotePlacement = .endOfDocument
  ) -> [String: Any] {
    let scheme = index.site.exemptionScheme
    var details: [String: Any] = [
      "accessLabel": item.access == .exempt ? "Non-Public" : "Public",
      "dated": DisplayFormat.date(plan.date),
      "year": plan.date.year,
      "meetingDate": plan.date.longText,
      "committee": committee.name,
      "exemptReason": resolver.html(item.exemptReason, prefix: ids.exemptReason),
      "hasExemptReason": item.exemptReason != nil,
      "paragraphDescriptions": item.exemptParagraphs.map { number in
        ["number": number, "description": scheme.paragraphs[number] ?? ""]
      },
    ]
    if item.access == .exempt && !item.exemptParagraphs.isEmpty {
      details["placeholder"] = scheme.placeholder(for: item.exemptParagraphs)
    }
    if case .exclusion = item.kind { details["isExclusion"] = true }
    if let released = item.released {
      details["accessLabel"] = "Public (released)"
      details["releasedNote"] =
        "Released on \(DisplayFormat.date(released)). This item was considered in private under paragraph(s) \(DisplayFormat.list(item.exemptParagraphs)); the exemption has ended and the report is now public."
    }
    guard let content = item.content else {
      details["withheld"] = item.access == .exempt
      return details
    }
    details["hasContent"] = !content.isEmpty
    details["body"] = resolver.html(content.body, prefix: ids.body, footnotes: footnotes)
    details["hasBody"] = !content.body.isBlank
    if let reportOf = content.reportOf { details["reportOf"] = reportOf }
    details["authors"] = content.authors.map { $0.dictionary() }
    details["hasAuthors"] = !content.authors.isEmpty
    details["authorNames"] = content.authors.map(\.name).joined(separator: ", ")
    if let embedded = content.embeddedMinutes {
      var minutes = minutesHeading(embedded)
      minutes["html"] = resolver.minutesHTML(embedded.minutes, prefix: ids.embeddedMinutes)
      minutes["meetingHref"] = SiteLayout.relative(from: path, to: SiteLayout.meeting(embedded.meeting))
      minutes["itemTitle"] = item.title
      details["minutes"] = minutes
      // Minutes bound in on their own are no report: no cover sheet.
      details["isBoundMinutes"] = content.body.isBlank && content.appendices.isEmpty && content.authors.isEmpty
        && content.reportOf == nil
    }
    details["appendices"] = content.appendices.enumerated().map { offset, appendix in
      appendixDictionary(appendix, number: offset + 1, item: item, page: path, resolver: resolver, ids: ids)
    }
    details["hasAppendices"] = !content.appendices.isEmpty
    return details
  }

  /// Bound-in minutes are headed as a council prints them: the
  /// committee, then "Minutes of the meeting of the … held at … on … at …",
  /// from the minuted meeting's own committee, venue, date and time.
  func minutesHeading(_ embedded: EmbeddedMinutes) -> [String: Any] {
    let kind = embedded.minutes.access == .exempt ? "Non-public minutes" : "Minutes"
    let entry = index.entry(embedded.meeting)
    let name = index.committee(embedded.meeting.committee)?.name ?? committee.name
    var sentence = "\(kind) of the meeting of the \(name)"
    if let venue = entry?.venue, !venue.isEmpty { sentence += " held at \(venue)" } else { sentence += " held" }
    sentence += " on \(embedded.meetingDate.longText)"
    if let time = entry?.time { sentence += " at \(DisplayFormat.time(time))" }
    return ["committee": name, "title": sentence]
  }

  func appendixDictionary(
    _ appendix: Appendix, number: Int, item: PlannedItem, page path: String, resolver: LinkResolver, ids: ContentIDs
  ) -> [String: Any] {
    let label = index.site.appendixNumbering.label(number)
    // `letter` is the older name of `label`, kept for councils' own templates.
    var entry: [String: Any] = [
      "label": label, "letter": label, "title": appendix.title, "anchor": ids.appendixAnchor(number),
      "landscape": appendix.orientation == .landscape,
    ]
    let published = SiteLayout.relative(from: path, to: publishedPath(appendix))
    switch appendix.content {
    case .markdown(let document):
      entry["html"] = resolver.html(document, prefix: ids.appendix(number))
      entry["isMarkdown"] = true
    case .table(let table):
      entry["html"] = AppendixTable.html(table, caption: "Appendix \(label): \(appendix.title)")
      entry["isTable"] = true
      entry["href"] = published
      entry["size"] = "CSV"
    case .pdf(let bytes):
      entry["isPDF"] = true
      entry["href"] = published
      entry["size"] = "PDF, " + DisplayFormat.size(bytes)
    case .image(let bytes, _):
      entry["isImage"] = true
      entry["href"] = published
      entry["alt"] = appendix.title
      entry["size"] = DisplayFormat.size(bytes)
    }
    return entry
  }

  /// Where an appendix file is published: beside the pages, under the
  /// item's folder name, exactly as in the content tree.
  func publishedPath(_ appendix: Appendix) -> String { appendix.path }

  /// Files an item publishes: its appendices (not markdown, which is
  /// rendered) and the local images and files its body and markdown
  /// appendices link to. The body's links start from the meeting folder, an
  /// appendix's from its own folder; both are published where they point.
  func publishedFiles(of item: PlannedItem) -> [OutputFile] {
    guard let content = item.content else { return [] }
    var paths = Set<String>()
    for link in content.body.links where Self.isLocal(link.url) {
      paths.insert("\(id.path)/\(link.url)")
    }
    for appendix in content.appendices {
      guard case .markdown(let document) = appendix.content else {
        paths.insert(appendix.path)
        continue
      }
      for link in document.links where Self.isLocal(link.url) {
        paths.insert("\(appendix.folder)/\(link.url)")
      }
    }
    return paths.sorted().map { OutputFile(path: $0, copying: contentRoot + "/" + $0) }
  }

  static func isLocal(_ url: String) -> Bool {
    !(url.isEmpty || url.hasPrefix("#") || url.hasPrefix("/") || url.contains(":") || url.contains(".."))
  }

  // MARK: Minutes

  func renderMinutesPage(_ minutes: Minutes, path: String) throws(TemplateSet.Problem) -> String {
    let resolver = LinkResolver(plan: plan, index: index, page: path)
    let kind = minutes.access == .exempt ? "Non-public minutes" : "Minutes"
    var context = page(path, "\(kind): \(title)", crumbs: [
      (plan.date.longText, SiteLayout.meeting(id)), (kind, nil),
    ]).dictionary()
    context["meeting"] = meetingDictionary(page: path)
    context["minutes"] = [
      "title": kind, "html": resolver.html(minutes.body, prefix: ContentIDs.page.body),
      "isNonPublic": minutes.access == .exempt,
    ]
    return try templates.render(context, template: "site/minutes")
  }
}
