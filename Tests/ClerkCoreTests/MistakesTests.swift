import Foundation
import TestSupport
import Testing

@testable import ClerkCore

/// The mistakes a new clerk makes get a plain answer that says what to change.
extension DiagnosticsTests {
  @Test func colonInAValueSaysToQuoteIt() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Safeguarding1️⃣: Annual Report
      ---
      """, file: "c/2020-02-10/01-report.md", "error",
      "the value of 'title' contains ': ', which YAML reads as the start of a new key; put the value in quotes: title: \"Safeguarding: Annual Report\"")
  }

  @Test func colonInAListValueKeepsTheDashAndComment() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      authors:
        - name: Jo Bloggs
          role: Director1️⃣: Children's Services  # from 2019
      ---
      """, file: "c/2020-02-10/01-report.md", "error",
      "the value of 'role' contains ': ', which YAML reads as the start of a new key; put the value in quotes: role: \"Director: Children's Services\"  # from 2019")
  }

  @Test func colonOnAContinuationLine() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      summary: The plan
        covers1️⃣: more
      ---
      """, file: "c/2020-02-10/01-report.md", "error",
      "YAML reads this line as part of the value above, and its ': ' as the start of a new key; if it is a new key, line it up with the other keys; if it is part of the value, put the whole value in quotes")
  }

  @Test func colonInAMeetingYmlValue() throws {
    try expectDiagnostic("""
      -- c/2020-03-02/meeting.yml --
      date: 2020-03-02
      time: "18:00"
      venue: Committee Room 11️⃣: Guildhall
      """, file: "c/2020-03-02/meeting.yml", "error",
      "the value of 'venue' contains ': ', which YAML reads as the start of a new key; put the value in quotes: venue: \"Committee Room 1: Guildhall\"")
  }

  @Test func tabIndentationIsNamed() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      1️⃣\tpurpose: decision
      ---
      """, file: "c/2020-02-10/01-report.md", "error", "tabs are not allowed in YAML; indent with spaces")
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      authors:
      1️⃣\t- name: Jo Bloggs
      ---
      """, file: "c/2020-02-10/01-report.md", "error", "tabs are not allowed in YAML; indent with spaces")
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      authors:
        - name: Jo Bloggs
       1️⃣\t role: Director
      ---
      """, file: "c/2020-02-10/01-report.md", "error", "tabs are not allowed in YAML; indent with spaces")
  }

  @Test func apostropheInSingleQuotes() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: 'Members1️⃣' Declarations'
      ---
      """, file: "c/2020-02-10/01-report.md", "error",
      "'title' has an apostrophe inside single quotes, which ends the value early; inside single quotes write an apostrophe twice (''), or put the value in double quotes: title: \"Members' Declarations\"")
  }

  @Test func doubleQuoteInDoubleQuotes() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: "The 1️⃣"Big" Review"
      ---
      """, file: "c/2020-02-10/01-report.md", "error",
      "'title' has a '\"' inside double quotes, which ends the value early; inside double quotes write it \\\", or put the value in single quotes: title: 'The \"Big\" Review'")
  }

  @Test func unclosedQuote() throws {
    try expectDiagnostic("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      summary: 1️⃣"A staffing matter
      ---
      """, file: "c/2020-02-10/01-report.md", "error",
      "the value of 'summary' opens a double quote (\") that is never closed; add \" at the end of the value")
  }

  /// An item that cannot be read reports that one error: the links and
  /// references to its slug are not errors as well.
  @Test func aFailedItemHasNoFollowOnErrors() throws {
    let tree = try InlineTree(Self.base + "\n" + """
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      see-also: children-missing
      ---
      See [](item:children-missing).
      -- c/2020-02-10/02-children-missing-appendix.md --
      ---
      title: Appendix
      appendix-to: children-missing
      ---
      -- c/2020-02-10/03-broken.md --
      ---
      title: Broken: Report
      ---
      -- c/2020-02-10/04-other.md --
      ---
      title: Other
      see-also: broken
      ---
      """)
    defer { tree.remove() }
    // "é" in Latin-1 is the single byte 0xE9.
    try Data("---\ntitle: Children Missing from Education (r".utf8 + [0xE9] + Data("vised)\n---\n".utf8))
      .write(to: tree.root.appendingPathComponent("c/2020-02-10/03-children-missing.md"))
    let (index, loaded) = ArchiveLoader(root: tree.path).loadIndex()
    var found = loaded
    ArchiveProcessor(index: try #require(index), today: CalendarDate(dayNumber: 0)).process {
      found.append(contentsOf: $0.diagnostics)
    }
    #expect(found.sorted.map(\.description) == [
      "c/2020-02-10/03-broken.md:2:14: error: the value of 'title' contains ': ', which YAML reads as the start of a new key; put the value in quotes: title: \"Broken: Report\"",
      "c/2020-02-10/03-children-missing.md:2:42: error: file is not valid UTF-8 text (save it as UTF-8)",
    ])
  }

  /// A reference to a missing item still suggests the failed item's slug.
  @Test func aFailedItemIsStillSuggested() throws {
    let (tree, found) = try diagnostics("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      see-also: budgte
      ---
      -- c/2020-02-10/02-budget.md --
      ---
      title: Budget: Monitoring
      ---
      """)
    defer { tree.remove() }
    #expect(found.contains(
      "c/2020-02-10/01-report.md:3:11: error: 'see-also' names 'budgte', which is not an item of this meeting; did you mean 'budget'?"))
  }

  /// A meeting whose meeting.yml fails reports that error, not every link to it.
  @Test func aFailedMeetingHasNoFollowOnErrors() throws {
    let (tree, found) = try diagnostics("""
      -- c/2020-02-10/01-minutes.md --
      ---
      title: Minutes
      minutes-of: 2020-01-20
      ---
      See [the meeting](meeting:c/2020-01-20).
      -- c/2020-01-20/meeting.yml --
      date: 2020-01-20
      time: "11:00"
      venue: Room 1: Guildhall
      """)
    defer { tree.remove() }
    #expect(found == [
      "c/2020-01-20/meeting.yml:3:14: error: the value of 'venue' contains ': ', which YAML reads as the start of a new key; put the value in quotes: venue: \"Room 1: Guildhall\""
    ])
  }

  @Test func unnumberedItemWithFrontMatterIsAnError() throws {
    let (tree, found) = try diagnostics("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      ---
      See [](item:budget-report).
      -- c/2020-02-10/budget-report.md --
      ---
      title: Budget Report
      ---
      -- c/2020-02-10/Risk Register.md --
      ---
      title: Risks
      ---
      -- c/2020-02-10/README.md --
      Notes for the clerk.
      -- c/2020-02-10/notes.md --
      ---- not front matter
      """)
    defer { tree.remove() }
    #expect(found == [
      "c/2020-02-10/README.md:1:1: warning: 'README.md' is not part of the content format and will be ignored",
      "c/2020-02-10/Risk Register.md:1:1: error: 'Risk Register.md' has front matter like an agenda item but no number, so it is not on the agenda; rename it NN-risk-register.md, with NN its place on the agenda",
      "c/2020-02-10/budget-report.md:1:1: error: 'budget-report.md' has front matter like an agenda item but no number, so it is not on the agenda; rename it NN-budget-report.md, with NN its place on the agenda",
      "c/2020-02-10/notes.md:1:1: warning: 'notes.md' is not part of the content format and will be ignored",
    ])
  }

  @Test func aBackupCopyOfAMeetingIsWarned() throws {
    let meeting = """
      date: 2020-02-10
      time: "11:00"
      venue: Guildhall
      """
    let (tree, found) = try diagnostics("""
      -- c/2020-02-10/01-report.md --
      ---
      title: Report
      ---
      -- c/2020-02-10-old/meeting.yml --
      \(meeting)
      -- c/2020-02-10-old/01-report.md --
      ---
      title: Report (draft)
      ---
      -- c/2020-02-10-extraordinary/meeting.yml --
      \(meeting)
      -- c/2020-02-10-extraordinary/01-report.md --
      ---
      title: Urgent Report
      ---
      -- c/2020-02-10-extraordinary/02-budget.md --
      ---
      title: Budget
      ---
      """)
    defer { tree.remove() }
    #expect(found == [
      "c/2020-02-10-old/meeting.yml:1:1: warning: this meeting has the same date and items as c/2020-02-10; if it is a backup copy, move it out of the content folder"
    ])
  }
}

@Suite struct PluralTests {
  @Test(arguments: [
    (0, "committee", nil, "0 committees"), (1, "committee", nil, "1 committee"), (2, "committee", nil, "2 committees"),
    (1, "appendix", "appendices", "1 appendix"), (3, "appendix", "appendices", "3 appendices"),
  ] as [(Int, String, String?, String)])
  func counts(_ n: Int, _ singular: String, _ plural: String?, _ expected: String) {
    #expect(Plural.count(n, singular, plural) == expected)
  }
}

/// The explanations read the YAML line themselves: no malformed front
/// matter may make them trap.
@Suite struct YAMLMistakeRobustnessTests {
  static let pieces = [
    "title", ": ", ":", "'", "''", "\"", "\\", "\t", " ", "  ", "- ", "-", "#", " #", "[", "]", "{", "}", ",", "\n", "\n  ",
    "é", "Safeguarding", "Members' ", "|", ">", "&a", "*a", "? ", "%", "@", "`",
  ]

  @Test func randomFrontMatterNeverTraps() {
    var seed: UInt64 = 0x5EED
    func next(_ bound: Int) -> Int {
      seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
      return Int((seed >> 33) % UInt64(bound))
    }
    var explained = 0
    for _ in 0..<3_000 {
      var yaml = ""
      for _ in 0..<(1 + next(12)) { yaml += Self.pieces[next(Self.pieces.count)] }
      let (_, diagnostics) = ItemText.read("---\n" + yaml + "\n---\n")
      explained += diagnostics.all.count { !$0.message.hasPrefix("malformed YAML") }
    }
    #expect(explained > 0)
  }
}
