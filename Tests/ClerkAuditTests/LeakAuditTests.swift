import Foundation
import TestSupport
import Testing

import ClerkCore

@testable import ClerkAudit

/// The tokenizer behind every audit, and the build's own audit of one
/// meeting's public pages held in memory.
@Suite struct ShinglesTests {
  func hashes(_ text: String, markup: Bool = false) -> [UInt64] { Shingles.runs(text, markup: markup).map(\.hash) }

  @Test func caseEntitiesMarkupAndSmartQuotesDoNotHideARun() {
    let plain = hashes("The child known as Child A moved placement three times, didn't she")
    let html = hashes("<p>THE <em>child</em> known&#32;as Child&nbsp;A moved <a href=\"#x\">placement</a> three times, didn’t she</p>", markup: true)
    #expect(!plain.isEmpty)
    #expect(plain == html)
  }

  @Test func theRollingHashIsTheHashOfTheLastEightWords() {
    // Nine words give two runs; the second run alone gives the same hash.
    let nine = hashes("one two three four five six seven eight nine")
    let lastEight = hashes("two three four five six seven eight nine")
    #expect(nine.count == 2)
    #expect(nine.last == lastEight.first)
    #expect(nine.first != nine.last)
    let power = (0..<Shingles.width).reduce(UInt64(1)) { power, _ in power &* Shingles.Tokenizer.base }
    #expect(Shingles.Tokenizer.basePower == power)
  }

  /// In source text a list item is a block of its own, as its `<li>` is.
  @Test func listItemsEndARunInSource() {
    #expect(hashes("- one two three four\n- five six seven eight").isEmpty)
    #expect(hashes("1. one two three four\n2) five six seven eight").isEmpty)
    #expect(hashes("  * one two three four\n  + five six seven eight").isEmpty)
    // A hyphenated word or a number at the start of a line is no marker.
    #expect(hashes("one two three four\n-five six seven eight").count == 1)
    #expect(hashes("one two three four\n2020 five six seven").count == 1)
  }

  /// Masked, numbers and month names are one word: a formula sentence
  /// with other dates gives the same runs, and other words still differ.
  @Test func maskedRunsIgnoreNumbersAndMonths() {
    func masked(_ text: String) -> [UInt64] {
      var found: [UInt64] = []
      Shingles.forEachRun(text, masked: true) { hash, _ in found.append(hash) }
      return found
    }
    let november = "minutes of the meeting held on 11 November 2025 be approved as a correct record"
    let july = "minutes of the meeting held on 8 July 2024 be approved as a correct record"
    #expect(hashes(november) != hashes(july))
    #expect(masked(november) == masked(july))
    #expect(masked(november) != masked(july.replacingOccurrences(of: "correct", with: "true")))
    #expect(masked("one two three four five six seven eight") == hashes("one two three four five six seven eight"))
  }

  @Test func blocksAndBlankLinesEndARun() {
    #expect(hashes("<p>one two three four</p><p>five six seven eight</p>", markup: true).isEmpty)
    #expect(hashes("one two three four\n\nfive six seven eight").isEmpty)
    #expect(hashes("one two three four | five six seven eight").isEmpty)
    // Inline tags and single line breaks do not.
    #expect(hashes("<p>one two three <b>four</b> five six seven eight</p>", markup: true).count == 1)
    #expect(hashes("one two three four\nfive six seven eight").count == 1)
  }

  @Test func linesAreCountedFromTheFirstWordOfARun() {
    let runs = Shingles.runs("intro\n\none two three four five six seven\neight nine")
    #expect(runs.map(\.line) == [3, 3])
  }

  @Test func attributeValuesAreTextOfTheirOwn() {
    let runs = hashes("<img alt=\"one two three four five six seven eight\">", markup: true)
    #expect(runs == hashes("one two three four five six seven eight"))
  }
}

/// Hostile pages and sources: the tokenizer and the value scan read raw
/// bytes through unchecked pointers in release builds, so debug builds
/// (where every access is checked) feed them truncated tags, entities,
/// quotes and broken UTF-8.
@Suite struct ScannerRobustnessTests {
  static let alphabet: [String] = [
    "<", ">", "</", "\"", "'", "&", "&#", "&#x", ";", "&amp", "a", "Z", "9", " ", "\n", "\r", "|", "@", ".", "-", ":",
    "é", "’", "“", "\u{2013}", "0", "1", "<p", "<a href=\"", "=", "/", "\u{E000}", "x@y.org", "01632 960 000",
  ]

  @Test func randomTextNeverTrapsAndRunsAreStable() {
    var seed: UInt64 = 0x5EED
    func next() -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int(truncatingIfNeeded: seed >> 33)
    }
    var index = LeakIndex(
      nonPublic: [:], isPublicRun: { _ in false },
      values: ["x@y.org": .init(path: "v", line: 1), "01632960000": .init(path: "p", line: 1)],
      names: ["zz-secret": .init(path: "n", line: 1)], publicValues: [])
    index.anonymousRuns = [1, 2, 3]
    let scanner = LeakScanner(index: index)
    for _ in 0..<20_000 {
      let length = next() % 120
      let text = (0..<length).map { _ in Self.alphabet[next() % Self.alphabet.count] }.joined()
      let markup = Shingles.runs(text, markup: true)
      let source = Shingles.runs(text, markup: false)
      #expect(markup.map(\.hash) == Shingles.runs(text, markup: true).map(\.hash))
      #expect(source.allSatisfy { $0.line >= 1 })
      _ = scanner.scanText(text, markup: true)
      _ = LeakIndex.digitRuns(text)
    }
  }
}

@Suite struct ValueScanTests {
  /// Byte by byte: how many leading bytes are ASCII letters or spaces, and
  /// the last space among them.
  func reference(_ bytes: [UInt8]) -> (Int, Int?) {
    let plain = bytes.firstIndex { !(($0 | 0x20) >= 0x61 && ($0 | 0x20) <= 0x7A) && $0 != 0x20 } ?? 8
    return (plain, bytes[..<plain].lastIndex(of: 0x20))
  }

  @Test func eightBytesAtOnceAgreeWithOneAtATime() {
    var seed: UInt64 = 0xB10C
    let interesting: [UInt8] = [0x20, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xC1, 0xE1, 0xFA, 0xA0, 0, 0x2E, 0x39]
    for _ in 0..<50_000 {
      var bytes: [UInt8] = []
      for _ in 0..<8 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        let pick = Int(seed >> 40)
        bytes.append(pick % 3 == 0 ? UInt8(truncatingIfNeeded: pick >> 3) : interesting[(pick >> 3) % interesting.count])
      }
      let word = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
      let fast = LeakScanner.plainWords(word)
      let slow = reference(bytes)
      #expect(fast.plain == slow.0 && fast.lastSpace == slow.1, "\(bytes)")
    }
  }

  @Test func aValueIsFoundWhereverItFallsAfterPlainWords() {
    let scanner = LeakScanner(
      index: LeakIndex(
        nonPublic: [:], isPublicRun: { _ in false },
        values: ["j.doe@example.org": .init(path: "v", line: 1), "01632960123": .init(path: "p", line: 2)],
        names: ["secret-plan.pdf": .init(path: "n", line: 3)], publicValues: []))
    for padding in 0..<24 {
      let words = String(repeating: "ab cdefg ", count: 3).prefix(padding) + " "
      for value in ["j.doe@example.org", "01632 960 123", "secret-plan.pdf", "J.Doe@Example.org"] {
        for text in ["\(words)\(value) and more words", "\(words)<a href=\"mailto:\(value)\">x</a>", "\(words)\(value)"] {
          #expect(scanner.matchValues(in: text).count == 1, "\(text)")
        }
      }
      // Letters glued to a value make another token: not a match.
      #expect(scanner.matchValues(in: "\(words)xj.doe@example.org words").isEmpty)
    }
  }
}

@Suite struct BuildAuditTests {
  static let tree = InlineTree.oneMeeting + "\n" + """
    published: 2020-01-31
    -- c/2020-02-10/01-budget.md --
    ---
    title: Budget
    authors:
      - name: Pat Public
        email: pat.public@example.org
    ---
    The council will set a balanced budget for the coming year as the law requires.
    -- c/2020-02-10/02-land.md --
    ---
    title: Land at Mill Lane
    access: exempt
    exempt-paragraphs: [3]
    authors:
      - name: Sam Secret
        email: sam.secret@example.org
    ---
    The council will set a balanced budget for the coming year as the law requires.

    The purchaser has offered four hundred thousand pounds for the freehold interest.
    """

  func withMeeting(_ body: (BuildAudit, MeetingResult) throws -> Void) throws {
    let content = try InlineTree(Self.tree)
    defer { content.remove() }
    let (loaded, _) = ArchiveLoader(root: content.path).loadIndex()
    let index = try #require(loaded)
    var results: [MeetingResult] = []
    ArchiveProcessor(index: index, today: CalendarDate(iso: "2020-01-01")!).process { results.append($0) }
    let result = try #require(results.first)
    try body(BuildAudit(archive: index, templates: nil), result)
  }

  @Test func findsExemptTextInAPublicPageInMemory() throws {
    try withMeeting { audit, result in
      let leaks = audit.audit(
        result.meeting, sources: result.sources, plan: result.plan,
        pages: [("c/2020-02-10/item-1.html", "<p>The PURCHASER has offered four hundred thousand pounds for the freehold</p>")])
      #expect(leaks.map(\.description) == ["public/c/2020-02-10/item-1.html: leaks c/2020-02-10/02-land.md:11"])
    }
  }

  /// Every text output a meeting writes is read, whatever its format:
  /// JSON and a folded iCalendar line as plain text, XML as markup.
  @Test func readsEveryTextOutputWhateverItsFormat() throws {
    try withMeeting { audit, result in
      let leaks = audit.audit(
        result.meeting, sources: result.sources, plan: result.plan,
        pages: [
          ("c/2020-02-10/meeting.json", "{\"note\": \"The purchaser has offered four hundred thousand pounds for the freehold\"}"),
          ("c/2020-02-10/calendar.ics", "DESCRIPTION:The purchaser has offered four hundred thousand pounds\r\n  for the freehold\r\n"),
          ("c/2020-02-10/feed.xml", "<entry><summary>The purchaser has <b>offered</b> four hundred thousand pounds for the freehold</summary></entry>"),
        ])
      #expect(
        leaks.map(\.description) == [
          "public/c/2020-02-10/calendar.ics: leaks c/2020-02-10/02-land.md:11",
          "public/c/2020-02-10/feed.xml: leaks c/2020-02-10/02-land.md:11",
          "public/c/2020-02-10/meeting.json: leaks c/2020-02-10/02-land.md:11",
        ])
    }
  }

  @Test func textThatIsAlsoPublicIsNotALeak() throws {
    try withMeeting { audit, result in
      let leaks = audit.audit(
        result.meeting, sources: result.sources, plan: result.plan,
        pages: [
          ("c/2020-02-10/item-1.html", "<p>The council will set a balanced budget for the coming year as the law requires.</p>"),
          ("c/2020-02-10/index.html", "<h2>Land at Mill Lane</h2><p>Contact pat.public@example.org</p>"),
        ])
      #expect(leaks.isEmpty)
    }
  }

  @Test func readsTheFilesAMeetingPublishes() throws {
    try withMeeting { audit, result in
      let file = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-copy-\(UUID().uuidString).csv")
      try Data("Offer,The purchaser has offered four hundred thousand pounds for the freehold\n".utf8).write(to: file)
      defer { try? FileManager.default.removeItem(at: file) }
      let leaks = audit.audit(
        result.meeting, sources: result.sources, plan: result.plan, pages: [],
        copies: [("c/2020-02-10/01-budget/figures.csv", file.path)])
      #expect(leaks.map(\.description) == ["public/c/2020-02-10/01-budget/figures.csv: leaks c/2020-02-10/02-land.md:11"])
    }
  }

  @Test func findsAnExemptAuthorsAddressAndTheItemsFileName() throws {
    try withMeeting { audit, result in
      let leaks = audit.audit(
        result.meeting, sources: result.sources, plan: result.plan,
        pages: [("c/2020-02-10/index.html", "<p>Write to <a href=\"mailto:Sam.Secret@example.org\">us</a> about 02-land.</p>")])
      #expect(leaks.count == 2)
      #expect(leaks.allSatisfy { $0.source.path == "c/2020-02-10/02-land.md" })
    }
  }
}
