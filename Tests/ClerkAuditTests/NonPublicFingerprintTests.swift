import Testing

@testable import ClerkAudit

/// The fingerprint's grouping of a meeting's runs by file, against the
/// straightforward grouping (every path hashed).
@Suite struct NonPublicFingerprintTests {
  @Test func runsAreGroupedByFileAsADictionaryWould() {
    var seed: UInt64 = 0xF1A9
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: seed >> 33) % bound
    }
    for _ in 0..<200 {
      // Mostly one file after another, and now and then a file again later.
      var runs: [(UInt64, LeakIndex.Source)] = []
      var path = "a.md"
      for _ in 0..<next(300) {
        if next(10) == 0 { path = ["a.md", "b.md", "c/d.md", "e.md"][next(4)] }
        runs.append((UInt64(next(1 << 30)), LeakIndex.Source(path: path, line: next(50) + 1)))
      }
      var expected: [String: [(line: Int, hash: UInt64)]] = [:]
      for (hash, source) in runs { expected[source.path, default: []].append((source.line, hash)) }
      let grouped = NonPublicFingerprint.runsByFile(runs)
      #expect(grouped.keys.sorted() == expected.keys.sorted())
      for (path, list) in expected {
        #expect(grouped[path]?.map(\.line) == list.map(\.line))
        #expect(grouped[path]?.map(\.hash) == list.map(\.hash))
      }
    }
  }
}
