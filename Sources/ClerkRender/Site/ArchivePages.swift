import ClerkCore
import Dispatch

/// What the index and committee pages need to know about a meeting, kept
/// while meetings stream past so those pages can be written at the end.
public struct MeetingSummary: Sendable, Codable {
  public var id: MeetingID
  public var date: CalendarDate
  public var time: String
  public var venue: String
  public var status: MeetingStatus
  public var published: CalendarDate?
  public var revisions: [Revision]
  public var itemCount: Int
  /// Every agenda entry's number and title, in agenda order: an item's
  /// title is public even when the item is exempt (feeds, calendars).
  public var agenda: [AgendaLine]
  public var hasMinutes: Bool
  /// Meetings whose public minutes this meeting's agenda binds in
  /// (`minutes-of`): the feeds date those minutes by this agenda.
  public var bindsMinutesOf: [MeetingID]
  public var hasPackPDF: Bool
  /// The packs this meeting prints: `pack` and any supplements.
  public var packs: [PackFile]
  /// The meeting's HTML pages in its tree (relative paths), for the sitemap.
  public var pages: [String] = []

  public init(plan: MeetingPlan, hasPackPDF: Bool = false) {
    id = plan.id
    date = plan.date
    time = plan.time
    venue = plan.venue
    status = plan.status
    published = plan.published
    revisions = plan.revisions
    itemCount = plan.items.count
    agenda = plan.items.map { AgendaLine(number: $0.number.description, title: $0.title) }
    hasMinutes = plan.minutes != nil
    bindsMinutesOf = plan.items.compactMap(\.content?.embeddedMinutes).filter { $0.minutes.access == .public }.map(\.meeting)
    self.hasPackPDF = hasPackPDF
    let supplements: [Int?] = [nil] + plan.supplements.map { $0 }
    packs = supplements.map { number in
      PackFile(
        html: number.map { SiteLayout.supplement(plan.id, number: $0) } ?? SiteLayout.pack(plan.id),
        pdf: number.map { SiteLayout.supplementPDF(plan.id, number: $0) } ?? SiteLayout.packPDF(plan.id),
        items: plan.items.filter { PackPages.takesPages($0) && $0.supplement == number }.map(\.number),
        appendices: plan.items.filter { PackPages.takesPages($0) && $0.supplement == number }.flatMap { item in
          (item.content?.appendices.indices ?? 0..<0).map { "appendix-\(item.number)-\($0 + 1)" }
        })
    }
  }
}

/// One entry of a meeting's agenda as a feed or calendar lists it.
public struct AgendaLine: Sendable, Hashable, Codable {
  public var number: String
  public var title: String
}

/// One printed pack of a meeting and the anchors its PDF must report.
public struct PackFile: Sendable, Codable {
  public var html: String
  public var pdf: String
  public var items: [AgendaNumber]
  public var appendices: [String]
}

/// The site index and one page per committee.
struct ArchivePages {
  let index: ArchiveIndex
  let templates: TemplateSet
  let audience: Audience
  /// The day that separates forthcoming from past meetings.
  let today: CalendarDate
  /// How many recent meetings the site index lists.
  static let recentCount = 10

  /// Every archive output of the tree, in list order; the outputs are
  /// independent, so they are rendered on every core (the feeds and
  /// calendars list every meeting), and the first problem in list order is thrown.
  func render(_ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> [OutputFile] {
    let outputs = ArchiveOutputs.all.filter { $0.audiences.contains(audience) }
    let results = ResultSlots<Result<[OutputFile], TemplateSet.Problem>>(count: outputs.count)
    DispatchQueue.concurrentPerform(iterations: outputs.count) { offset in
      do throws(TemplateSet.Problem) {
        results.set(offset, .success(try outputs[offset].render(self, meetings)))
      } catch {
        results.set(offset, .failure(error))
      }
    }
    var files: [OutputFile] = []
    for result in results.values { files += try result.get() }
    return files
  }

  func context(_ path: String, _ title: String, crumbs: [(String, String?)]) -> [String: Any] {
    PageContext(path: path, title: title, breadcrumbs: crumbs, audience: audience, organisation: index.site.organisation)
      .dictionary()
  }

  func entry(_ meeting: MeetingSummary, page: String) -> [String: Any] {
    var entry: [String: Any] = [
      "committee": index.committee(meeting.id.committee)?.name ?? meeting.id.committee,
      "date": meeting.date.longText,
      "dateISO": meeting.date.iso,
      "time": DisplayFormat.time(meeting.time),
      "venue": meeting.venue,
      "href": SiteLayout.relative(from: page, to: SiteLayout.meeting(meeting.id)),
      "isDraft": meeting.status == .draft,
      "isCancelled": meeting.status == .cancelled,
      "itemCount": meeting.itemCount,
    ]
    if meeting.hasMinutes { entry["minutesHref"] = SiteLayout.relative(from: page, to: SiteLayout.minutes(meeting.id)) }
    if meeting.hasPackPDF { entry["pdfHref"] = SiteLayout.relative(from: page, to: SiteLayout.packPDF(meeting.id)) }
    return entry
  }

  static func newestFirst(_ a: MeetingSummary, _ b: MeetingSummary) -> Bool {
    (a.date, a.time, a.id.path) > (b.date, b.time, b.id.path)
  }

  func renderIndex(_ meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> String {
    let page = SiteLayout.index
    let upcoming = meetings.filter { $0.date >= today }.sorted { !Self.newestFirst($0, $1) }
    let recent = meetings.filter { $0.date < today }.sorted(by: Self.newestFirst).prefix(Self.recentCount)
    var context = self.context(page, index.site.organisation + ": committee meetings", crumbs: [])
    context["committees"] = index.committees.map { committee -> [String: Any] in
      [
        "name": committee.name,
        "href": SiteLayout.relative(from: page, to: SiteLayout.committee(committee.slug)),
        "meetingCount": meetings.count { $0.id.committee == committee.slug },
      ]
    }
    context["upcoming"] = upcoming.map { entry($0, page: page) }
    context["hasUpcoming"] = !upcoming.isEmpty
    context["recent"] = recent.map { entry($0, page: page) }
    context["hasRecent"] = !recent.isEmpty
    return try templates.render(context, template: "site/index")
  }

  func renderCommittee(_ committee: Committee, meetings: [MeetingSummary]) throws(TemplateSet.Problem) -> String {
    let page = SiteLayout.committee(committee.slug)
    var context = self.context(page, committee.name, crumbs: [("Home", SiteLayout.index), (committee.name, nil)])
    let years = Dictionary(grouping: meetings, by: \.date.year).sorted { $0.key > $1.key }
    context["committee"] = [
      "name": committee.name,
      "members": committee.membersList(),
      "hasMembers": !committee.members.isEmpty,
      "clerk": committee.clerk?.dictionary() as Any,
      "hasClerk": committee.clerk != nil,
      "feedHref": SiteLayout.relative(from: page, to: SiteLayout.committeeFeed(committee.slug)),
      "calendarHref": SiteLayout.relative(from: page, to: SiteLayout.committeeCalendar(committee.slug)),
    ]
    context["years"] = years.map { year, list -> [String: Any] in
      ["year": year, "id": "year-\(year)", "meetings": list.sorted(by: Self.newestFirst).map { entry($0, page: page) }]
    }
    context["hasMeetings"] = !meetings.isEmpty
    return try templates.render(context, template: "site/committee")
  }
}
