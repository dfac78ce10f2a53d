import ClerkCore
import Foundation
import Markdown
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
    #expect(InputTree.minutesOf(in: text) == ["2026-03-10", "other/2025-01-01"])
    #expect(InputTree.meeting(minutesOf: "2026-03-10", committee: "c") == "c/2026-03-10")
  }

  /// However a link is spelled, the meeting cmark-gfm reads it as is among
  /// those the file is read to name.
  @Test(arguments: [
    ("plain", "[a](meeting:c/2026-01-01)"),
    ("angle brackets", "[a](<meeting:c/2026-01-01>)"),
    ("reference", "[a]\n\n[a]: meeting:c/2026-01-01"),
    ("escaped colon", "[a](meeting\\:c/2026-01-01)"),
    ("escaped slash", "[a](meeting:c\\/2026\\-01-01)"),
    ("decimal references", "[a](meeting&#58;c&#47;2026-01-01)"),
    ("hex references", "[a](meeting&#x3A;c&#X2f;2026&#x2D;01-01)"),
    ("named references", "[a](meeting&colon;c&sol;2026-01-01)"),
    ("a letter by reference", "[a](meeting:&#99;/2026-01-01)"),
  ])
  func aLinkIsNamedHoweverItIsSpelled(name: String, markdown: String) throws {
    let document = try MarkdownDocument.parse(markdown)
    let targets = document.links.map(\.url).filter { $0.hasPrefix("meeting:") }.map { String($0.dropFirst(8)) }
    #expect(targets == ["c/2026-01-01"], "cmark-gfm reads \(name) as \(targets)")
    #expect(InputTree.meetingLinks(in: Data(markdown.utf8)).isSuperset(of: targets))
  }

  @Test func unescapingUndoesOnlyEscapes() {
    #expect(InputTree.unescaped(Data("a\\:b &#58;&#x2f;&colon;&sol; \\a &amp; &#0; &#200; &bogus; &".utf8))
      == Data("a:b :/:/ \\a &amp; &#0; &#200; &bogus; &".utf8))
    #expect(InputTree.unescaped(Data("Q&A, \\a and &amp;".utf8)) == nil, "nothing undone")
    #expect(InputTree.unescaped(Data("no escapes".utf8)) == nil)
  }

  /// A folder's digest from the last build's facts (the fast path) is the
  /// digest from the files' bytes; a file changed since is read again.
  @Test func contentFactsGiveTheDigestTheBytesGive() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("facts-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("10-report"), withIntermediateDirectories: true)
    let item = folder.appendingPathComponent("10-report.md")
    try "---\nminutes-of: 2026-01-01\n---\nSee meeting:c/2026-02-02.\n".write(to: item, atomically: true, encoding: .utf8)
    try "# Appendix\n".write(to: folder.appendingPathComponent("10-report/a.md"), atomically: true, encoding: .utf8)
    func digest(_ facts: ContentFacts) -> String {
      var digest = InputDigest()
      InputTree.add(folder.path, into: &digest, facts: facts)
      return digest.hex
    }
    let first = ContentFacts()
    let plain = digest(first)
    // Recorded, written and read back as the next build reads them.
    let times = OutputTimes(record: "r", times: [:], started: ContentFacts.now + 10_000_000_000, content: first.recorded)
    times.write(for: folder.path + "-out")
    defer { try? FileManager.default.removeItem(atPath: OutputTimes.path(for: folder.path + "-out")) }
    let read = try #require(OutputTimes(for: folder.path + "-out"))
    #expect(read.content[item.path]?.1.minutesOf == ["2026-01-01"])
    #expect(read.content[item.path]?.1.links.contains("c/2026-02-02") == true)
    #expect(digest(read.facts) == plain)
    // The same size, other bytes: the stamp differs, so the file is read.
    try "---\nminutes-of: 2026-01-02\n---\nSee meeting:c/2026-02-02.\n".write(to: item, atomically: true, encoding: .utf8)
    #expect(digest(read.facts) == digest(ContentFacts()))
    #expect(digest(read.facts) != plain)
  }

  /// The times file, written as bytes, reads back as it was written; a
  /// content file whose facts hold a separator is left out (read again).
  @Test func theTimesFileReadsBackAsWritten() throws {
    let stamp = ContentFacts.Stamp(modified: 1_764_000_000_123_456_789, changed: -5, size: 0, inode: 42)
    let facts = FileFacts(sha256: Array(0..<32), links: ["c/2026-01-01", "d/2026-02-02"], minutesOf: ["2026-03-10"])
    let content: [String: (ContentFacts.Stamp, FileFacts)] = [
      "/a/Café ✓.md": (stamp, facts), "/a/plain.md": (stamp, FileFacts(sha256: Array(repeating: 255, count: 32), links: [], minutesOf: [])),
      "/a/tab\there.md": (stamp, facts),
    ]
    let times = OutputTimes(
      record: "digest", times: ["public/c/m/index.html": 7, "public/é/x.html": -3], started: 99, content: content, tree: "stamp")
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("times-\(UUID().uuidString)").path
    times.write(for: folder)
    defer { try? FileManager.default.removeItem(atPath: OutputTimes.path(for: folder)) }
    let read = try #require(OutputTimes(for: folder))
    #expect(read.record == "digest" && read.started == 99 && read.tree == "stamp")
    #expect(read.times == times.times)
    #expect(Set(read.content.keys) == ["/a/Café ✓.md", "/a/plain.md"])
    for path in ["/a/Café ✓.md", "/a/plain.md"] {
      #expect(read.content[path]?.0 == stamp)
      #expect(read.content[path]?.1 == content[path]?.1)
    }
  }

  @Test func todayMattersOnlyAcrossADate() {
    let date = CalendarDate(iso: "2027-03-31")!
    let before = CalendarDate(iso: "2027-03-01")!
    #expect(ReusePlan.sameToday([date], before, CalendarDate(iso: "2027-03-30")!))
    #expect(!ReusePlan.sameToday([date], before, date))
    #expect(!ReusePlan.sameToday([date], before, CalendarDate(iso: "2027-04-01")!))
    #expect(ReusePlan.sameToday([], before, CalendarDate(iso: "2099-01-01")!))
  }

  /// The audit's memory comes back from the record as it went in, its
  /// exempt runs from the runs file.
  @Test func auditMemoryRoundTrips() throws {
    var batch = LeakIndexBuilder.Batch()
    batch.publicFieldRuns = [3, 1, UInt64.max]
    batch.values = [("secret@example.org", LeakIndex.Source(path: "c/2026-01-01/10-x.md", line: 4))]
    batch.publicValues = ["clerk@example.org"]
    let store = try #require(RunStore())
    let runs: [String: [UInt64]] = ["c/2026-01-01": [42, 0x0102_0304_0506_0708], "c/2026-02-01": [5]]
    var meetings: [String: IncrementalRecord.Meeting] = [:]
    for (path, exempt) in runs {
      let span = try #require(store.append(exempt))
      let memory = BuildAudit.Memory(batch, exempt: StoredRuns(store: store, span: span), fingerprint: [7, 8])
      meetings[path] = IncrementalRecord.Meeting(
        key: "k", references: [], todayDates: [], diagnostics: [], heldBack: false, numbers: nil, packSources: nil,
        audit: memory,
        files: [
          IncrementalRecord.File(path: "public/\(path)/index.html", size: 12, sha256: "ab"),
          IncrementalRecord.File(path: "public/\(path)/Budget \"report\" – v2\\.pdf", size: 3, sha256: "cd"),
        ],
        // Kept as bytes after the rest of the line (spaces and braces included), or absent.
        summaries: path.hasSuffix("01-01") ? RecordedSummaries(json: Data(#"{"public":{"venue":"Room 1 } {"}}"#.utf8)) : nil)
    }
    let record = IncrementalRecord(site: "s", today: CalendarDate(iso: "2026-12-02")!, nonPublicFingerprint: "np1:x", meetings: meetings)
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("record-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let digest = try #require(record.write(into: folder.path))
    let read = try #require(IncrementalRecord.read(folder.path))
    #expect(read.digest == digest)
    for (path, exempt) in runs {
      #expect(read.meetings[path]?.audit == meetings[path]?.audit)
      #expect(read.meetings[path]?.audit?.exemptRuns?.runs == exempt)
      #expect(read.meetings[path]?.files == meetings[path]?.files)
      #expect(read.meetings[path]?.summaries == meetings[path]?.summaries)
    }
    let text = try String(contentsOf: folder.appendingPathComponent(IncrementalRecord.fileName), encoding: .utf8)
    #expect(!text.contains("exempt"), "the runs are in their own file")
    // The same bytes written again are another record to the times file.
    try text.write(to: folder.appendingPathComponent(IncrementalRecord.fileName), atomically: true, encoding: .utf8)
    #expect(IncrementalRecord.read(folder.path)?.digest != digest)
  }

  /// `RecordedFiles` (one listing a folder, `fstatat` within it) against
  /// the straightforward check, an `lstat` of each file by its path; and
  /// folders are offered whole only while they hold nothing else.
  @Test func recordedFilesAgreeWithAStatOfEachFile() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("recorded-\(UUID().uuidString)").path
    defer { try? FileManager.default.removeItem(atPath: root) }
    let paths = ["public/c/m/index.html", "public/c/m/item 1.html", "public/c/m/att/a.pdf", "non-public/c/m/index.html"]
    var files: [IncrementalRecord.File] = []
    var times = OutputTimes(record: "r", times: [:])
    for (offset, path) in paths.enumerated() {
      try FileManager.default.createDirectory(
        atPath: root + "/" + (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
      try String(repeating: "x", count: offset + 1).write(toFile: root + "/" + path, atomically: false, encoding: .utf8)
      files.append(IncrementalRecord.File(path: path, size: offset + 1, sha256: "s"))
      times.times[path] = try #require(ContentFacts.Stamp.of(root + "/" + path)).modified
    }
    func straightforward() -> Bool {
      files.allSatisfy { file in
        ContentFacts.Stamp.of(root + "/" + file.path).map {
          $0.size == Int64(file.size) && $0.modified == times.times[file.path]
        } ?? false
      }
    }
    let check = RecordedFiles.check(files, in: root, times: times)
    #expect(check != nil && straightforward())
    #expect(check?.folders == ["non-public/c/m", "public/c/m"])

    // Something else in a folder: still unchanged, but linked file by file.
    try "extra".write(toFile: root + "/public/c/m/extra.html", atomically: false, encoding: .utf8)
    #expect(RecordedFiles.check(files, in: root, times: times)?.folders == nil)
    #expect(RecordedFiles.check(files, in: root, times: times) != nil)

    // A file rewritten (another time), one of another size, one missing: changed, as each file's lstat says.
    times.times["public/c/m/att/a.pdf"]! -= 1
    #expect(RecordedFiles.check(files, in: root, times: times) == nil && !straightforward())
    times.times["public/c/m/att/a.pdf"]! += 1
    files[1].size += 1
    #expect(RecordedFiles.check(files, in: root, times: times) == nil && !straightforward())
    files[1].size -= 1
    try FileManager.default.removeItem(atPath: root + "/non-public/c/m/index.html")
    #expect(RecordedFiles.check(files, in: root, times: times) == nil && !straightforward())
  }

  /// The times file's numbers, written as bytes, against `String(_:)`.
  @Test(arguments: [Int64.min + 1, -1_796_223_497_655_577_579, -10, -1, 0, 1, 9, 10, 99, 100, 1_796_223_497_655_577_579, Int64.max])
  func decimalDigitsAreTheOnesStringGives(value: Int64) {
    var text: [UInt8] = Array("x".utf8)
    OutputTimes.decimal(value, into: &text)
    #expect(String(decoding: text, as: UTF8.self) == "x" + String(value))
  }

  /// The binary's digest is taken again unless its stamp is the recorded
  /// one and older than the last build; the times file keeps it.
  @Test func theBinarysDigestIsReusedOnlyWhileItsStampHolds() throws {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("exe-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let binary = folder.appendingPathComponent("clerk").path
    try "version one".write(toFile: binary, atomically: false, encoding: .utf8)
    let first = try #require(ExecutableDigest.of(binary, known: nil, trustedBefore: 0))
    var straightforward = InputDigest()
    straightforward.add(file: binary)
    #expect(first.sha256 == straightforward.hex)
    // Trusted: the recorded digest, even a made-up one, is taken as it is.
    let recorded = ExecutableDigest(stamp: first.stamp, sha256: "recorded")
    #expect(ExecutableDigest.of(binary, known: recorded, trustedBefore: ContentFacts.now + 1_000_000_000) == recorded)
    // Not older than the last build's start: read again.
    #expect(ExecutableDigest.of(binary, known: recorded, trustedBefore: first.stamp.changed)?.sha256 == first.sha256)
    // Another binary in its place: another stamp, read again.
    try "version two".write(toFile: binary, atomically: true, encoding: .utf8)
    let second = try #require(ExecutableDigest.of(binary, known: recorded, trustedBefore: ContentFacts.now + 1_000_000_000))
    #expect(second.sha256 != first.sha256 && second.sha256 != "recorded")

    var times = OutputTimes(record: "r", times: ["public/index.html": 5])
    times.executable = second
    times.write(for: folder.appendingPathComponent("out").path)
    #expect(OutputTimes(for: folder.appendingPathComponent("out").path)?.executable == second)
  }
}
