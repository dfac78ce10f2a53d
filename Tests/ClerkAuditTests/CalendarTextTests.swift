import Testing

@testable import ClerkAudit

/// A calendar is read as its reader gets it: unfolded, then unescaped, so
/// a fold inside a word or an escaped comma cannot split a run of words.
@Suite struct CalendarTextTests {
  @Test func foldsAndEscapesAreUndone() {
    let ics = "DESCRIPTION:one\\, two\\; th\r\n ree\\nfour \\\\ fi\n\tve six\\\r\n nseven\r\nEND:VEVENT\r\n"
    #expect(CalendarText.read(ics) == "DESCRIPTION:one, two; three\nfour \\ five six\nseven\r\nEND:VEVENT\r\n")
  }

  @Test func aRunSplitByAFoldIsFoundWhole() {
    let sentence = "the child known as Child A moved placement three times this year"
    let folded = "DESCRIPTION:" + sentence.replacingOccurrences(of: "placement", with: "pla\r\n cement")
    let whole = Set(Shingles.runs(sentence).map(\.hash))
    #expect(whole.isDisjoint(with: Shingles.runs(folded).map(\.hash)), "as written, the fold hides every run")
    #expect(whole.isSubset(of: Shingles.runs(CalendarText.read(folded)).map(\.hash)))
  }
}
