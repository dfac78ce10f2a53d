import ClerkCore

extension MeetingOutputs {
  /// `<meeting>/meeting.json`: the meeting and its agenda as open data
  /// (`OpenDataEvent`), in both trees, URLs absolute from `base-url`. An
  /// exempt item of the public tree is written as a `WithheldEntry` (its
  /// number, title and paragraphs), whatever the plan still holds.
  struct MeetingJSON: MeetingOutput {
    var format: TemplateFormat { .text }

    func render(_ pages: MeetingPages) throws(TemplateSet.Problem) -> [OutputFile] { [Self.file(pages)] }

    static func file(_ pages: MeetingPages) -> OutputFile {
      OutputFile(path: SiteLayout.meetingJSON(pages.id), text: event(pages).text)
    }

    static func event(_ pages: MeetingPages) -> OpenDataEvent {
      let (plan, site) = (pages.plan, pages.index.site)
      let resolver = LinkResolver(plan: plan, index: pages.index, page: SiteLayout.meeting(plan.id))
      let members = pages.committee.members.map { member in
        OpenDataEvent.Entity(name: member.name, entityType: "person", note: member.role ?? "member")
      }
      return OpenDataEvent(
        name: OpenData.name(committee: pages.committee.name, date: plan.date),
        description: "Meeting of the \(pages.committee.name) at \(plan.venue), \(plan.date.longText) at \(DisplayFormat.time(plan.time)).",
        startDate: EuropeLondon.iso(plan.date, time: plan.time),
        status: OpenData.status(plan.status, hasMinutes: plan.minutes != nil),
        location: .init(name: plan.venue),
        participants: [.init(name: pages.committee.name, entityType: "organization", note: "host")] + members,
        documents: documents(pages),
        sources: [.init(note: "meeting page", url: SiteAddress(site.baseURL).url(SiteLayout.meeting(plan.id)))],
        agenda: plan.items.map { agendaEntry($0, pages, resolver) },
        extras: .init(
          clerk: .init(
            committee: plan.id.committee, meeting: plan.id.folder, audience: plan.audience.rawValue, time: plan.time,
            published: plan.published?.iso,
            revisions: plan.revisions.map { .init(date: $0.date.iso, note: $0.note) },
            notes: plan.notes.map { HTMLText.plain(resolver.html($0)) })))
    }

    /// The packs (HTML, and PDF once printed) and the minutes.
    static func documents(_ pages: MeetingPages) -> [OpenDataEvent.Document] {
      let (plan, site) = (pages.plan, pages.index.site)
      func links(_ html: String, _ pdf: String) -> [OpenDataEvent.MediaLink] {
        var links = [OpenDataEvent.MediaLink(mediaType: "text/html", url: SiteAddress(site.baseURL).url(html))]
        if pages.printed?.pageCounts[pdf] != nil {
          links.append(.init(mediaType: "application/pdf", url: SiteAddress(site.baseURL).url(pdf)))
        }
        return links
      }
      var documents = [
        OpenDataEvent.Document(
          note: "Agenda pack", date: plan.published?.iso, links: links(SiteLayout.pack(plan.id), SiteLayout.packPDF(plan.id)))
      ]
      for number in plan.supplements {
        documents.append(
          .init(
            note: "Supplementary agenda \(number)", date: nil,
            links: links(SiteLayout.supplement(plan.id, number: number), SiteLayout.supplementPDF(plan.id, number: number))))
      }
      if plan.minutes != nil {
        documents.append(
          .init(note: "Minutes", links: [.init(mediaType: "text/html", url: SiteAddress(site.baseURL).url(SiteLayout.minutes(plan.id)))]))
      }
      if plan.nonPublicMinutes != nil && plan.audience == .nonPublic {
        documents.append(
          .init(
            note: "Non-public minutes",
            links: [.init(mediaType: "text/html", url: SiteAddress(site.baseURL).url(SiteLayout.nonPublicMinutes(plan.id)))]))
      }
      return documents
    }

    static func agendaEntry(_ item: PlannedItem, _ pages: MeetingPages, _ resolver: LinkResolver) -> OpenDataEvent.AgendaEntry {
      let order = item.number.description
      // The public sees an exempt item's number, title and paragraphs: nothing else.
      if pages.plan.audience == .public && item.access == .exempt {
        return .withheld(.init(order: order, description: item.title, paragraphs: item.exemptParagraphs))
      }
      let site = pages.index.site
      var notes = item.crossReferences.map(\.sentence)
      if case .exclusion(let exclusion) = item.kind { notes.insert(exclusion.motion, at: 0) }
      var entities: [OpenDataEvent.Entity] = []
      if let reportOf = item.content?.reportOf { entities.append(.init(name: reportOf, entityType: "organization", note: "report of")) }
      for author in item.content?.authors ?? [] {
        entities.append(.init(name: author.name, entityType: "person", note: author.role.map { "author, \($0)" } ?? "author"))
      }
      let appendices = item.content?.appendices.enumerated().map { offset, appendix in
        var url: String?
        if case .markdown = appendix.content {} else { url = SiteAddress(site.baseURL).url(pages.publishedPath(appendix)) }
        return OpenDataEvent.Appendix(label: site.appendixNumbering.label(offset + 1), title: appendix.title, url: url)
      }
      let extras = OpenDataEvent.ItemExtras(
        url: SiteAddress(site.baseURL).url(SiteLayout.item(pages.id, number: item.number)),
        purpose: item.purpose == .none ? nil : item.purpose.rawValue,
        summary: item.summary.map { HTMLText.plain(resolver.html($0)) },
        slug: item.slug, supplement: item.supplement, released: item.released?.iso,
        exemptReason: item.exemptReason.map { HTMLText.plain(resolver.html($0)) },
        generated: item.isGenerated ? true : nil,
        appendices: appendices?.isEmpty == false ? appendices : nil)
      return .full(
        .init(
          order: order, description: item.title, public: item.access == .public,
          paragraphs: item.exemptParagraphs.isEmpty ? nil : item.exemptParagraphs, notes: notes,
          relatedEntities: entities, extras: .init(clerk: extras)))
    }
  }
}
