import Testing

@testable import ClerkCore

@Suite struct PlanningTests {
  typealias F = ModelFactory

  func numbers(_ plan: MeetingPlan) -> [String] {
    plan.items.map { "\($0.number) \($0.slug ?? "exclusion") \($0.part.rawValue)" }
  }

  @Test func noPartTwoMeansNoExclusionItem() {
    let plan = F.plan([F.item(10, "apologies"), F.item(20, "minutes"), F.item(30, "budget")])
    #expect(numbers(plan) == ["1 apologies 1", "2 minutes 1", "3 budget 1"])
    #expect(!plan.items.contains { $0.isGenerated })
  }

  @Test func onlyPartTwoStartsWithTheExclusionItem() {
    let plan = F.plan([
      F.item(1, "contract", access: .exempt, paragraphs: [3], body: "Terms."),
      F.item(2, "staffing", access: .exempt, paragraphs: [1, 2], body: "Names."),
    ])
    #expect(numbers(plan) == ["1 exclusion 1", "2 contract 2", "3 staffing 2"])
    guard case .exclusion(let exclusion) = plan.items[0].kind else {
      Issue.record("item 1 should be the exclusion of the public")
      return
    }
    #expect(plan.items[0].title == "Exclusion of the Public")
    #expect(plan.items[0].purpose == .decision)
    #expect(exclusion.rows == [.init(items: [2], paragraphs: [3]), .init(items: [3], paragraphs: [1, 2])])
    #expect(exclusion.motion.contains("Schedule 12A"))
  }

  @Test func partsKeepFileOrderAndRowsGroupNeighboursWithTheSameParagraphs() {
    let plan = F.plan([
      F.item(1, "a"), F.item(2, "x", access: .exempt, paragraphs: [3], body: "x"), F.item(3, "b"),
      F.item(4, "y", access: .exempt, paragraphs: [1, 2], body: "y"),
      F.item(5, "z", access: .exempt, paragraphs: [2, 1], body: "z"), F.item(6, "c"),
    ])
    #expect(numbers(plan) == ["1 a 1", "2 b 1", "3 c 1", "4 exclusion 1", "5 x 2", "6 y 2", "7 z 2"])
    guard case .exclusion(let exclusion) = plan.items[3].kind else {
      Issue.record("item 4 should be the exclusion")
      return
    }
    #expect(exclusion.rows == [.init(items: [5], paragraphs: [3]), .init(items: [6, 7], paragraphs: [1, 2])])
  }

  @Test func exemptAppendixOfAnExemptItemPointsBothWays() {
    let plan = F.plan([
      F.item(1, "apologies"),
      F.item(2, "contract", access: .exempt, paragraphs: [3], body: "Report."),
      F.item(3, "contract-prices", access: .exempt, paragraphs: [3], appendixTo: "contract", body: "Prices."),
    ])
    #expect(numbers(plan) == ["1 apologies 1", "2 exclusion 1", "3 contract 2", "4 contract-prices 2"])
    #expect(plan.items[2].crossReferences.map(\.sentence) == ["To be read in conjunction with the non-public appendix at Agenda Item 4."])
    #expect(plan.items[3].crossReferences.map(\.sentence) == ["Appendix to be read in conjunction with the report at Agenda Item 3."])
  }

  @Test func threeDigitOrdersSortNumerically() {
    let plan = F.plan([F.item(100, "late"), F.item(9, "early"), F.item(10, "middle"), F.item(999, "last")])
    #expect(numbers(plan) == ["1 early 1", "2 middle 1", "3 late 1", "4 last 1"])
  }

  @Test func seeAlsoAndItemLinksUseComputedNumbers() {
    let plan = F.plan([
      F.item(1, "report", seeAlso: ["policy"], body: "See [](item:policy)."),
      F.item(2, "policy"),
      F.item(3, "secret", access: .exempt, paragraphs: [1], appendixTo: "report", body: "Names."),
    ])
    #expect(plan.numbersBySlug["policy"] == 2)
    #expect(
      plan.items[0].crossReferences.map(\.sentence) == [
        "To be read in conjunction with the non-public appendix at Agenda Item 4.",
        "To be read in conjunction with “Policy” at Agenda Item 2.",
      ])
  }

  @Test func addingAnItemRenumbersEverythingAndEveryReference() {
    let before = F.plan([F.item(1, "a"), F.item(3, "b", seeAlso: ["c"]), F.item(4, "c")])
    let after = F.plan([F.item(1, "a"), F.item(2, "new"), F.item(3, "b", seeAlso: ["c"]), F.item(4, "c")])
    #expect(before.item(slug: "b")?.crossReferences.first?.targetNumber == 3)
    #expect(after.item(slug: "b")?.crossReferences.first?.targetNumber == 4)
  }

  @Test func minutesAreEmbeddedByAccess() {
    let published = F.document("Minutes text.")
    let plan = F.plan(
      [
        F.item(1, "minutes", minutesOf: "2019-11-25"),
        F.item(2, "np-minutes", access: .exempt, paragraphs: [1], minutesOf: "2019-11-25"),
      ],
      loadMinutes: { id, access in
        Minutes(meeting: id, path: "\(id.path)/minutes.md", access: access, body: published, bodyLine: 1)
      })
    // The planner asks for the file matching each item's access.
    #expect(plan.items[0].content?.embeddedMinutes == nil)  // 2019-11-25 is not in the index
    let withIndex = MeetingPlanner(
      index: F.index(meetings: [
        MeetingEntry(
          id: MeetingID(committee: "c", folder: "2019-11-25"), date: CalendarDate(iso: "2019-11-25") ?? CalendarDate(dayNumber: 0),
          time: "11:00", venue: "V", status: .published, published: nil, notes: [], hasMinutes: true, hasNonPublicMinutes: true)
      ]),
      loadMinutes: { id, access in
        Minutes(meeting: id, path: "\(id.path)/minutes", access: access, body: published, bodyLine: 1)
      }
    ).plan(F.meeting([
      F.item(1, "minutes", minutesOf: "2019-11-25"),
      F.item(2, "np-minutes", access: .exempt, paragraphs: [1], minutesOf: "c/2019-11-25"),
    ]))
    #expect(withIndex.items[0].content?.embeddedMinutes?.minutes.access == .public)
    #expect(withIndex.items[2].content?.embeddedMinutes?.minutes.access == .exempt)
  }

  @Test func twoMeetingsOnOneDayPlanIndependently() {
    let planner = MeetingPlanner(index: F.index(), loadMinutes: { _, _ in nil })
    let morning = planner.plan(F.meeting([F.item(1, "a"), F.item(2, "b")], folder: "2020-02-10"))
    let extra = planner.plan(F.meeting([F.item(1, "urgent")], folder: "2020-02-10-extraordinary"))
    #expect(morning.id != extra.id)
    #expect(morning.date == extra.date)
    #expect(extra.items.map(\.number) == [1])
    #expect(extra.id.path == "c/2020-02-10-extraordinary")
  }
}
