import ClerkCore

/// The printed agenda pack of one meeting for one audience: `pack.html`
/// (front sheet, agenda, then every item with pages), and one
/// `supplement-N.html` per supplementary agenda. Built from the narrowed
/// plan, like the site, so the public pack carries only placeholders for
/// exempt items.
struct PackPages {
  let pages: MeetingPages

  var plan: MeetingPlan { pages.plan }
  var id: MeetingID { plan.id }

  /// The fragment with one entry of the pack's agenda (`{{{html}}}` of `parts.items` in `pack/pack`).
  static let agendaEntryTemplate = "pack/partials/agenda-entry"

  /// The fragment with one item of the pack (`{{{html}}}` of `items` in `pack/pack`).
  static let itemTemplate = "pack/partials/item"

  /// Items that take pages in the printed pack: anything with content, and
  /// every exempt item in public (its placeholder page).
  static func takesPages(_ item: PlannedItem) -> Bool {
    if item.isGenerated { return false }
    // In public an exempt item is one placeholder page, when it cites paragraphs.
    if item.access == .exempt && item.content == nil { return !item.exemptParagraphs.isEmpty }
    return !(item.content?.isEmpty ?? true)
  }

  func render() throws(TemplateSet.Problem) -> [OutputFile] {
    var files = [OutputFile(path: SiteLayout.pack(id), text: try renderPack(supplement: nil))]
    for number in plan.supplements {
      files.append(OutputFile(path: SiteLayout.supplement(id, number: number), text: try renderPack(supplement: number)))
    }
    return files
  }

  func renderPack(supplement: Int?) throws(TemplateSet.Problem) -> String {
    let path = supplement.map { SiteLayout.supplement(id, number: $0) } ?? SiteLayout.pack(id)
    let resolver = LinkResolver(plan: plan, index: pages.index, page: path)
    let listed = plan.items.filter { supplement == nil || $0.supplement == supplement }
    let packed = listed.filter { Self.takesPages($0) && $0.supplement == supplement }
    var parts: [[String: Any]] = []
    for part in [AgendaPart.one, .two] {
      let items = listed.filter { $0.part == part }
      guard !items.isEmpty else { continue }
      parts.append([
        "title": part.title,
        "items": try items.map { item throws(TemplateSet.Problem) -> [String: Any] in
          var entry = pages.agendaEntry(item, page: path, resolver: resolver)
          entry["titleUpper"] = item.title.uppercased()
          entry["href"] = "#item-\(item.number)"
          entry["pageRange"] = nil
          if Self.takesPages(item) {
            if item.supplement == supplement {
              entry["inPack"] = true
            } else if let other = item.supplement {
              entry["elsewhere"] = "Supplementary Agenda \(other)"
            }
          }
          let html = try pages.fragments.render(
            Self.agendaEntryTemplate, key: "\(path)#agenda-\(item.number)", context: entry, with: pages.templates)
          return ["number": item.number.description, "html": html]
        },
      ])
    }
    let items = try packed.map { item throws(TemplateSet.Problem) -> [String: Any] in
      var entry = pages.agendaEntry(item, page: path, resolver: resolver)
      // The pack prints each note at the foot of its page.
      entry.merge(pages.itemDetails(item, page: path, resolver: resolver, ids: .packItem(item.number), footnotes: .inline)) {
        _, new in new
      }
      entry["landscape"] = item.orientation == .landscape
      entry["endAnchor"] = "item-\(item.number)-end"
      if let appendices = entry["appendices"] as? [[String: Any]] {
        entry["appendices"] = appendices.enumerated().map { offset, appendix in
          var appendix = appendix
          appendix["anchor"] = "appendix-\(item.number)-\(offset + 1)"
          return appendix
        }
      }
      // Rendered once for both trees: the item alone, never the audience.
      return ["number": item.number.description, "html": try pages.fragments.render(Self.itemTemplate, key: "\(path)#\(item.number)", context: entry, with: pages.templates)]
    }
    var context = pages.page(path, pages.title, crumbs: []).dictionary()
    let kind = supplement.map { "Supplementary Agenda \($0)" } ?? "Agenda"
    context["packTitle"] = "\(plan.committee.name), \(plan.date.longText): \(kind)"
    context["kind"] = kind
    context["isSupplement"] = supplement != nil
    context["meeting"] = pages.meetingDictionary(page: path)
    context["frontSheetDate"] = DisplayFormat.frontSheetDate(plan.date)
    context["parts"] = parts
    context["items"] = items
    context["packStylesheet"] = SiteLayout.relative(from: path, to: SiteLayout.packStylesheet)
    return try pages.templates.render(context, template: "pack/pack")
  }
}
