import ClerkCore
import Foundation
import Testing

@testable import ClerkAudit
@testable import ClerkBuild

/// The pieces of a meeting's key, each against the plain way of doing the same.
@Suite struct IncrementalKeyTests {
  /// `InputTree.find` (memchr, then memcmp) finds what a plain search finds.
  @Test(arguments: ["", "m", "meeting:", "xx meeting:a/b meeting:", "meetingmeeting:meeting:c/d", "meeting", "é meeting:é/ü"])
  func findMatchesAPlainSearch(_ text: String) {
    let bytes = Array(text.utf8)
    let pattern = Array("meeting:".utf8)
    var plain: [Int] = []
    if bytes.count >= pattern.count {
      for start in 0...(bytes.count - pattern.count) where Array(bytes[start..<start + pattern.count]) == pattern {
        plain.append(start)
      }
    }
    var found: [Int] = []
    bytes.withUnsafeBytes { raw in
      var offset = 0
      while let hit = InputTree.find(pattern, in: raw, from: offset) {
        found.append(hit)
        offset = hit + 1
      }
    }
    #expect(found == plain)
  }

  @Test func meetingLinksAndMinutesOfAreRead() {
    let text = Data(
      """
      ---
      minutes-of: 2026-03-10
      see-also: { minutes-of: "other/2025-01-01" }
      ---
      See [the last meeting](meeting:c/2026-01-01) and meeting:d/2026-02-02.
      """.utf8)
    #expect(InputTree.meetingLinks(in: text) == ["c/2026-01-01", "d/2026-02-02.", "d/2026-02-02"])
    #expect(InputTree.minutesOf(in: text, committee: "c") == ["c/2026-03-10", "other/2025-01-01"])
  }

  @Test func todayMattersOnlyAcrossADate() {
    let date = CalendarDate(iso: "2027-03-31")!
    let before = CalendarDate(iso: "2027-03-01")!
    #expect(ReusePlan.sameToday([date], before, CalendarDate(iso: "2027-03-30")!))
    #expect(!ReusePlan.sameToday([date], before, date))
    #expect(!ReusePlan.sameToday([date], before, CalendarDate(iso: "2027-04-01")!))
    #expect(ReusePlan.sameToday([], before, CalendarDate(iso: "2099-01-01")!))
  }

  /// The audit's memory comes back from the record as it went in (runs as bytes).
  @Test func auditMemoryRoundTrips() throws {
    var batch = LeakIndexBuilder.Batch()
    batch.publicFieldRuns = [3, 1, UInt64.max]
    batch.values = [("secret@example.org", LeakIndex.Source(path: "c/2026-01-01/10-x.md", line: 4))]
    batch.publicValues = ["clerk@example.org"]
    let memory = BuildAudit.Memory(batch, exempt: [42, 0x0102_0304_0506_0708], fingerprint: [7, 8])
    let decoded = try JSONDecoder().decode(BuildAudit.Memory.self, from: JSONEncoder().encode(memory))
    #expect(decoded == memory)
    #expect(decoded.exemptRuns == [42, 0x0102_0304_0506_0708])
    #expect(decoded.publicFieldRuns == [1, 3, UInt64.max])
  }
}
