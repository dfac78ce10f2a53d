import Foundation
import Testing

@testable import ClerkCore

/// Numbers never move once an agenda is published: supplementary items
/// take letters, released items keep their Part 2 place, and a build that
/// would move a recorded number says which item moved.
@Suite struct PublishedNumberingTests {
  typealias F = ModelFactory

  func supplement(_ item: AgendaItem, _ number: Int = 1) -> AgendaItem {
    var item = item
    item.supplement = number
    return item
  }

  func released(_ item: AgendaItem, on iso: String = "2021-03-01") -> AgendaItem {
    var item = item
    item.released = CalendarDate(iso: iso[...])
    item.access = .public  // as the loader leaves a released item
    return item
  }

  func numbers(_ plan: MeetingPlan) -> [String] {
    plan.items.map { "\($0.number) \($0.slug ?? "exclusion")" }
  }

  @Test func aSupplementaryItemTakesALetterAndMovesNothing() {
    let plan = F.plan([
      F.item(10, "apologies"), F.item(20, "budget"), supplement(F.item(25, "late-report")),
      supplement(F.item(26, "later-report"), 2), F.item(30, "questions"),
      F.item(40, "contract", access: .exempt, paragraphs: [3], body: "Terms."),
    ])
    #expect(
      numbers(plan) == [
        "1 apologies", "2 budget", "2A late-report", "2B later-report", "3 questions", "4 exclusion", "5 contract",
      ])
    #expect(plan.numbersBySlug["later-report"]?.description == "2B")
  }

  @Test func aSupplementaryItemMayShareTheNNOfTheItemItFollows() {
    let plan = F.plan([
      F.item(6, "case-review"), supplement(F.item(6, "late-briefing")), supplement(F.item(6, "another"), 2), F.item(7, "plan"),
    ])
    #expect(numbers(plan) == ["1 case-review", "1A late-briefing", "1B another", "2 plan"])
    let checker = MeetingChecker(index: F.index(), today: CalendarDate(iso: "2020-02-01")!)
    let tied = F.meeting([F.item(6, "case-review"), supplement(F.item(6, "late-briefing"))])
    #expect(!checker.check(tied, entry: F.entry(tied)).hasErrors)
    let clash = F.meeting([F.item(6, "case-review"), F.item(6, "late-briefing")])
    #expect(checker.check(clash, entry: F.entry(clash)).all.map(\.message).contains { $0.hasPrefix("order 6 is also used by") })
  }

  @Test func aSupplementaryPartTwoItemFollowsItsNeighbourThere() {
    let plan = F.plan([
      F.item(10, "budget"), F.item(40, "contract", access: .exempt, paragraphs: [3], body: "Terms."),
      supplement(F.item(45, "late-contract", access: .exempt, paragraphs: [3], body: "More terms.")),
    ])
    #expect(numbers(plan) == ["1 budget", "2 exclusion", "3 contract", "3A late-contract"])
    guard case .exclusion(let exclusion) = plan.items[1].kind else {
      Issue.record("item 2 should be the exclusion of the public")
      return
    }
    #expect(exclusion.rows.map { $0.items.map(\.description) } == [["3", "3A"]])
  }

  @Test func aReleasedItemKeepsItsPartTwoPlaceNumberAndParagraphs() {
    let plan = F.plan([
      F.item(10, "budget"), released(F.item(40, "contract", paragraphs: [3], body: "Terms.")),
      F.item(50, "staffing", access: .exempt, paragraphs: [1], body: "Names."),
    ])
    #expect(numbers(plan) == ["1 budget", "2 exclusion", "3 contract", "4 staffing"])
    #expect(plan.items[2].part == .two && plan.items[2].access == .public)
    #expect(plan.items[2].released?.iso == "2021-03-01")
    // The public plan keeps a released item's content: it is public now.
    let published = plan.narrowed(to: .public)
    #expect(published?.items[2].content?.body.isBlank == false)
    #expect(published?.items[3].content == nil)
    guard case .exclusion(let exclusion) = plan.items[1].kind else {
      Issue.record("item 2 should be the exclusion of the public")
      return
    }
    #expect(exclusion.rows == [.init(items: [3], paragraphs: [3]), .init(items: [4], paragraphs: [1])])
  }

  @Test func anItemWithNoParagraphsGetsNoExclusionRow() {
    let plan = F.plan([
      F.item(10, "budget"), F.item(40, "contract", access: .exempt, paragraphs: [3], body: "Terms."),
      F.item(50, "questions", access: .exempt),
    ])
    guard case .exclusion(let exclusion) = plan.items[1].kind else {
      Issue.record("item 2 should be the exclusion of the public")
      return
    }
    #expect(exclusion.rows == [.init(items: [3], paragraphs: [3])])
  }

  @Test func agendaNumbersReadBackAndOrder() {
    #expect(AgendaNumber("12A") == AgendaNumber(12, letter: 1))
    #expect(AgendaNumber("12")?.description == "12")
    #expect(AgendaNumber(3, letter: 27).description == "3AA")
    #expect(AgendaNumber("12a") == nil && AgendaNumber("A") == nil)
    #expect([AgendaNumber(13), AgendaNumber(12, letter: 1), 12].sorted().map(\.description) == ["12", "12A", "13"])
  }

  @Test func aMovedPublishedNumberIsAnErrorNamingTheItem() {
    var record = PublishedNumbers()
    record.record(F.plan([F.item(10, "apologies"), F.item(20, "budget"), F.item(30, "questions")]))
    // Inserted without `supplement`: budget and questions would move.
    let moved = F.plan([F.item(10, "apologies"), F.item(15, "late"), F.item(20, "budget"), F.item(30, "questions")])
    let errors = record.moves(in: moved, folder: "build")
    #expect(errors.map(\.location?.path) == ["c/2020-02-10/20-budget.md", "c/2020-02-10/30-questions.md"])
    #expect(errors.first?.message.hasPrefix("this item was published as Agenda Item 2 (the previous build in 'build') and would now be Agenda Item 3;") == true)
    // With `supplement`, nothing moves.
    let added = F.plan([F.item(10, "apologies"), supplement(F.item(15, "late")), F.item(20, "budget"), F.item(30, "questions")])
    #expect(record.moves(in: added, folder: "build").isEmpty)
  }

  @Test func theRecordRoundTripsAndSkipsDrafts() throws {
    var record = PublishedNumbers()
    record.record(F.plan([F.item(10, "apologies"), supplement(F.item(15, "late"))]))
    let draft = MeetingPlanner(index: F.index(), loadMinutes: { _, _ in nil }).plan(
      F.meeting([F.item(10, "apologies")], folder: "2020-03-10", status: .draft))
    record.record(draft)
    #expect(record.meetings == ["c/2020-02-10": ["apologies": "1", "late": "1A"]])
    let path = NSTemporaryDirectory() + "/clerk-numbers-\(UUID().uuidString).json"
    defer { try? FileManager.default.removeItem(atPath: path) }
    try record.json.write(toFile: path, atomically: true, encoding: .utf8)
    #expect(PublishedNumbers(contentsOf: path) == record)
  }
}
