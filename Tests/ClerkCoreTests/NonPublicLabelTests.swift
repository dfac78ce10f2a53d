import Testing

@testable import ClerkCore

/// The words the non-public label scan reads: ASCII text split by its
/// bytes gives the words its characters give.
@Suite struct NonPublicLabelTests {
  @Test func asciiTextSplitsAsByCharacters() {
    let pieces = [
      "Non", "-", "Public", " ", "PART", "II", "2", "two", "part2", "Exempt", "CONFIDENTIAL", "nonpublic", "report", ",",
      "_", "'", "3", "\t", "\n", "(", "non-public", "Part 2", "ex", "empt", "~", "\u{7F}", "\u{1}",
    ]
    var seed: UInt64 = 0x1ABE1
    var differing: [Int] = []
    var labelled = 0
    for number in 0..<3_000 {
      var text = ""
      for _ in 0..<12 {
        seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
        text += pieces[Int(seed >> 33) % pieces.count]
        if (seed >> 20) % 3 == 0 { text += " " }
      }
      if MeetingChecker.lowercasedWords(text) != MeetingChecker.lowercasedWordsByCharacters(text) {
        differing.append(number)
      }
      if MeetingChecker.nonPublicLabel(in: text) != nil { labelled += 1 }
    }
    #expect(differing.isEmpty, "cases \(differing.prefix(5))")
    #expect(labelled > 1_000)
  }

  @Test func findsTheLabelsClerksWrite() {
    #expect(MeetingChecker.nonPublicLabel(in: "Budget (NON-PUBLIC)") == "non-public")
    #expect(MeetingChecker.nonPublicLabel(in: "Part II report") == "part ii")
    #expect(MeetingChecker.nonPublicLabel(in: "the non-public minutes", skippingNonPublic: true) == nil)
    // Text beyond ASCII is split by characters.
    #expect(MeetingChecker.nonPublicLabel(in: "Café — exempt") == "exempt")
    #expect(MeetingChecker.nonPublicLabel(in: "exempt\u{301}") == nil)
  }
}
