import Testing

@testable import ClerkCore

@Suite struct AudienceTests {
  typealias F = ModelFactory

  let plan = F.plan([
    F.item(1, "report", body: "Public body."),
    F.item(2, "named-person-case", access: .exempt, paragraphs: [1, 2], appendixTo: "report", body: "CANARY secret body."),
  ])

  @Test func publicPlanHasNoExemptContentAtAll() throws {
    let narrowed = try #require(plan.narrowed(to: .public))
    let exempt = try #require(narrowed.items.last)
    #expect(exempt.access == .exempt)
    #expect(exempt.content == nil)
    #expect(exempt.slug == nil)
    #expect(exempt.path == nil)
    #expect(exempt.title == "Named-Person-Case")
    #expect(exempt.exemptParagraphs == [1, 2])
    #expect(narrowed.nonPublicMinutes == nil)
    #expect(narrowed.items[0].crossReferences.first?.targetSlug == nil)
    #expect(narrowed.items[0].crossReferences.first?.targetNumber == 3)
    #expect(narrowed.numbersBySlug["named-person-case"] == nil)
    #expect(narrowed.audience == .public)
  }

  @Test func nonPublicPlanKeepsEverything() throws {
    let full = try #require(plan.narrowed(to: .nonPublic))
    #expect(full.items.last?.content?.body.plainText.contains("CANARY") == true)
    #expect(full.items.last?.slug == "named-person-case")
  }

  @Test func draftMeetingsHaveNoPublicPlan() {
    var draft = plan
    draft.status = .draft
    #expect(draft.narrowed(to: .public) == nil)
    #expect(draft.narrowed(to: .nonPublic) != nil)
  }
}
