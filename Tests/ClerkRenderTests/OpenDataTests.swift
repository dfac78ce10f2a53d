import ClerkCore
import Foundation
import TestSupport
import Testing

@testable import ClerkRender

/// `meeting.json` and `index.json` as the renderer writes them: OCD Event
/// fields, absolute URLs, a status from the content alone, and an exempt
/// item withheld in public to exactly four keys.
@Suite struct OpenDataTests {
  static let tree = InlineTree.oneMeeting + "\n" + """
    published: 2020-01-31
    revisions:
      - { date: 2020-02-12, note: "Item 1 corrected." }
    -- c/committee.yml --
    name: Test Committee
    members:
      - { name: Ann Chair, role: Chairman }
      - Bob Member
    -- c/2020-02-10/01-budget.md --
    ---
    title: Budget
    purpose: decision
    summary: The **budget** for 2020 & beyond.
    report-of: Director of Finance
    authors:
      - { name: Pat Public, role: Accountant }
    ---
    The budget.
    -- c/2020-02-10/02-land.md --
    ---
    title: Land at Mill Lane
    purpose: decision
    access: exempt
    exempt-paragraphs: [3]
    summary: CANARYSUMMARY the offer for the land.
    exempt-reason: CANARYREASON commercial terms.
    authors:
      - { name: Sam Secret }
    ---
    Terms.
    """

  /// The archive, its one meeting's plan and a builder, from `tree`.
  func built() throws -> (index: ArchiveIndex, plan: MeetingPlan, builder: SiteBuilder) {
    let content = try InlineTree(Self.tree)
    defer { content.remove() }
    let (loaded, diagnostics) = ArchiveLoader(root: content.path).loadIndex()
    let index = try #require(loaded, "\(diagnostics.all)")
    var results: [MeetingResult] = []
    ArchiveProcessor(index: index, today: CalendarDate(iso: "2020-01-01")!).process { results.append($0) }
    let plan = try #require(results.first?.plan)
    let templates = try TemplateSet(directory: repositoryRoot.appendingPathComponent("Templates").path)
    return (index, plan, SiteBuilder(index: index, templates: templates, today: CalendarDate(iso: "2020-01-01")!))
  }

  static func texts(_ files: [OutputFile]) -> [String: String] {
    Dictionary(uniqueKeysWithValues: files.compactMap { file in
      guard case .text(let text) = file.contents else { return nil }
      return (file.path, text)
    })
  }

  /// Each tree's files of the one meeting, by path.
  func rendered() throws -> (public: [String: String], nonPublic: [String: String]) {
    let (_, plan, builder) = try built()
    let meeting = builder.render(plan)
    return (Self.texts(meeting.publicFiles), Self.texts(meeting.nonPublicFiles))
  }

  func object(_ text: String?) throws -> [String: Any] {
    let text = try #require(text)
    return try #require(JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
  }

  @Test func theMeetingIsAnOCDEvent() throws {
    let event = try object(try rendered().public["c/2020-02-10/meeting.json"])
    #expect(event["name"] as? String == "Test Committee, Monday 10 February 2020")
    #expect(event["start_date"] as? String == "2020-02-10T11:00:00+00:00")
    #expect(event["status"] as? String == "confirmed")
    #expect((event["location"] as? [String: String]) == ["name": "Guildhall"])
    let participants = try #require(event["participants"] as? [[String: String]])
    #expect(participants.map { $0["name"] ?? "" } == ["Test Committee", "Ann Chair", "Bob Member"])
    #expect(participants.map { $0["note"] ?? "" } == ["host", "Chairman", "member"])
    let documents = try #require(event["documents"] as? [[String: Any]])
    let pack = try #require(documents.first?["links"] as? [[String: String]])
    #expect(pack == [["media_type": "text/html", "url": "https://example.org/c/2020-02-10/pack.html"]])
    #expect(documents.first?["date"] as? String == "2020-01-31")
    let clerk = try #require((event["extras"] as? [String: Any])?["clerk"] as? [String: Any])
    #expect(clerk["committee"] as? String == "c")
    #expect(clerk["meeting"] as? String == "2020-02-10")
    #expect(clerk["audience"] as? String == "public")
    #expect((clerk["revisions"] as? [[String: String]]) == [["date": "2020-02-12", "note": "Item 1 corrected."]])
  }

  @Test func aPublicItemCarriesItsAgendaEntry() throws {
    let event = try object(try rendered().public["c/2020-02-10/meeting.json"])
    let agenda = try #require(event["agenda"] as? [[String: Any]])
    #expect(agenda.map { $0["order"] as? String } == ["1", "2", "3"])
    let budget = agenda[0]
    #expect(budget["description"] as? String == "Budget")
    #expect(budget["public"] as? Bool == true)
    let clerk = try #require((budget["extras"] as? [String: Any])?["clerk"] as? [String: Any])
    #expect(clerk["purpose"] as? String == "decision")
    #expect(clerk["summary"] as? String == "The budget for 2020 & beyond.")
    #expect(clerk["url"] as? String == "https://example.org/c/2020-02-10/item-1.html")
    let entities = try #require(budget["related_entities"] as? [[String: String]])
    #expect(entities.map { $0["name"] ?? "" } == ["Director of Finance", "Pat Public"])
    // The generated Exclusion of the Public carries its motion.
    let exclusion = agenda[1]
    let motion = try #require((exclusion["notes"] as? [String])?.first)
    #expect(motion.hasPrefix("That under Section 100(A)"))
  }

  @Test func anExemptItemIsWithheldToFourKeysInPublic() throws {
    let (publicFiles, nonPublicFiles) = try rendered()
    let text = try #require(publicFiles["c/2020-02-10/meeting.json"])
    let agenda = try #require(try object(text)["agenda"] as? [[String: Any]])
    let land = agenda[2]
    #expect(Set(land.keys) == ["order", "description", "public", "paragraphs"])
    #expect(land["order"] as? String == "3")
    #expect(land["description"] as? String == "Land at Mill Lane")
    #expect(land["public"] as? Bool == false)
    #expect(land["paragraphs"] as? [Int] == [3])
    // The summary and reasons are on the public page, never in the JSON.
    #expect(publicFiles["c/2020-02-10/index.html"]?.contains("CANARYSUMMARY") == true)
    for canary in ["CANARYSUMMARY", "CANARYREASON", "Sam Secret", "\"land\""] { #expect(!text.contains(canary), "\(canary)") }
    // The non-public tree has the whole entry.
    let full = try #require(try object(nonPublicFiles["c/2020-02-10/meeting.json"])["agenda"] as? [[String: Any]])[2]
    #expect(full["public"] as? Bool == false)
    let clerk = try #require((full["extras"] as? [String: Any])?["clerk"] as? [String: Any])
    #expect(clerk["slug"] as? String == "land")
    #expect((full["related_entities"] as? [[String: String]])?.first?["name"] == "Sam Secret")
  }

  @Test func statusComesFromTheContentAlone() {
    #expect(OpenData.status(.published, hasMinutes: false) == "confirmed")
    #expect(OpenData.status(.published, hasMinutes: true) == "passed")
    #expect(OpenData.status(.cancelled, hasMinutes: true) == "cancelled")
    #expect(OpenData.status(.draft, hasMinutes: false) == "tentative")
  }

  @Test func startDatesTakeTheLondonOffsetOfTheirDay() {
    func at(_ day: String, _ time: String = "11:00") -> String { EuropeLondon.iso(CalendarDate(iso: day)!, time: time) }
    #expect(at("2025-03-29") == "2025-03-29T11:00:00+00:00")
    #expect(at("2025-03-30", "00:30") == "2025-03-30T00:30:00+00:00")
    #expect(at("2025-03-30") == "2025-03-30T11:00:00+01:00")
    #expect(at("2025-10-25") == "2025-10-25T11:00:00+01:00")
    #expect(at("2025-10-26") == "2025-10-26T11:00:00+00:00")
    #expect(at("2026-01-15", "18:30") == "2026-01-15T18:30:00+00:00")
  }

  @Test func theIndexListsEveryMeetingWithItsURLs() throws {
    let (_, plan, builder) = try built()
    let summary = MeetingSummary(plan: try #require(plan.narrowed(to: .public)))
    let files = Self.texts(try builder.archivePages([summary], audience: .public))
    let index = try object(files["index.json"])
    #expect(index["audience"] as? String == "public")
    let meetings = try #require(index["meetings"] as? [[String: Any]])
    #expect(meetings.count == 1)
    #expect((meetings[0]["committee"] as? [String: String]) == ["slug": "c", "name": "Test Committee"])
    #expect(meetings[0]["url"] as? String == "https://example.org/c/2020-02-10/index.html")
    #expect(meetings[0]["data"] as? String == "https://example.org/c/2020-02-10/meeting.json")
    #expect(meetings[0]["status"] as? String == "confirmed")
  }

  @Test func htmlBecomesTheTextAReaderSees() {
    #expect(HTMLText.plain("<p>The <strong>budget</strong>, &amp; more&#33;</p>\n<p>Next&nbsp;line</p>") == "The budget, & more! Next line")
    #expect(HTMLText.plain("a &bogus; b & c") == "a &bogus; b & c")
  }
}
