import Foundation
import Testing

@testable import ClerkAudit

/// JSON string escapes cannot hide a run of non-public words: a JSON
/// file's text is read with its escapes decoded, in the build's audit and
/// in `clerk audit` alike.
@Suite struct JSONTextTests {
  static let sentence = "The purchaser has offered four hundred thousand pounds for the freehold"
  /// The sentence as JSON may spell it: a line break, an escaped space
  /// and letter, an escaped slash between two words.
  static let escaped =
    #"{"note": "The purchaser\nhas\u0020offered four hundred thousand \u0070ounds for\/the freehold"}"#

  @Test func escapesAreDecoded() {
    #expect(JSONText.decoded(#"a\"b\\c\/d\u00e9\ud83d\ude00e\tf"#) == "a\"b\\c/d\u{e9}\u{1F600}e f")
    // Broken escapes are read, not trusted: no trap, nothing lost.
    #expect(JSONText.decoded(#"x\u12"#) == "x\u{FFFD}12")
    #expect(JSONText.decoded("end\\") == "end\\")
    #expect(JSONText.decoded("\\é") == "é")
    #expect(JSONText.decoded("no escapes") == "no escapes")
  }

  @Test func escapesWouldHideARunUndecoded() {
    let wanted = Set(Shingles.runs(Self.sentence).map(\.hash))
    #expect(wanted.isDisjoint(with: Shingles.runs(Self.escaped).map(\.hash)))
    #expect(!wanted.isDisjoint(with: Shingles.runs(LeakScanner.readable(Self.escaped, path: "c/m/meeting.json")).map(\.hash)))
    #expect(LeakScanner.readable(Self.escaped, path: "c/m/page.txt") == Self.escaped)
  }

  @Test func theBuildAuditFindsAnEscapedRun() throws {
    try BuildAuditTests().withMeeting { audit, result in
      let leaks = audit.audit(
        result.meeting, sources: result.sources, plan: result.plan, pages: [("c/2020-02-10/meeting.json", Self.escaped)])
      #expect(leaks.map(\.description) == ["public/c/2020-02-10/meeting.json: leaks c/2020-02-10/02-land.md:11"])
    }
  }
}
