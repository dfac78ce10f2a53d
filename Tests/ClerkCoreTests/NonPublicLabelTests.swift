import Testing

@testable import ClerkCore

/// The words that label a paper non-public are found in ASCII text by its
/// bytes: as the straightforward scan by characters finds them.
@Suite struct NonPublicLabelTests {
  /// The straightforward scan: split by characters.
  static func reference(_ text: String, skippingNonPublic: Bool) -> String? {
    let words = text.lowercased().split { !($0.isLetter || $0.isNumber) }
    for (index, word) in words.enumerated() {
      let next = index + 1 < words.count ? words[index + 1] : ""
      switch word {
      case "exempt", "confidential": return String(word)
      case "nonpublic" where !skippingNonPublic: return "non-public"
      case "non" where next == "public" && !skippingNonPublic: return "non-public"
      case "part" where next == "2" || next == "ii" || next == "two": return "part \(next)"
      case "part2": return "part 2"
      default: continue
      }
    }
    return nil
  }

  @Test func asciiTextIsScannedAsByCharacters() {
    let pieces = [
      "Non", "-", "Public", " ", "PART", "II", "2", "two", "part2", "Exempt", "CONFIDENTIAL", "nonpublic", "report", ",",
      "_", "'", "3", "\t", "\n", "(", "non-public", "Part 2", "ex", "empt",
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
      for skipping in [false, true] {
        let expected = Self.reference(text, skippingNonPublic: skipping)
        if expected != nil { labelled += 1 }
        if MeetingChecker.nonPublicLabel(in: text, skippingNonPublic: skipping) != expected { differing.append(number) }
      }
    }
    #expect(differing.isEmpty, "cases \(differing.prefix(5))")
    #expect(labelled > 1_000)
    // Text beyond ASCII is still split by characters.
    #expect(MeetingChecker.nonPublicLabel(in: "Café — exempt") == "exempt")
    #expect(MeetingChecker.nonPublicLabel(in: "exempt\u{301}") == nil)
  }
}
