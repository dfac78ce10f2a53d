import Foundation
import TestSupport
import Testing

@Suite struct CheckCommandTests {
  @Test func realPackNumbersAndCrossReferences() throws {
    let output = try ClerkProcess.run(["check", "Tests/Fixtures/real-pack/Content", "--today", "2020-02-01"])
    #expect(output.status == 0, "\(output.stderr)")
    let lines = output.stdout.split(separator: "\n").map(String.init)
    let meeting = lines.drop { !$0.hasPrefix("safeguarding/2020-02-10") }
    let numbered = meeting.compactMap { line -> Int? in
      let trimmed = line.drop { $0 == " " }
      guard line.hasPrefix("   "), let number = Int(trimmed.prefix { $0.isNumber }), trimmed.dropFirst(String(number).count).hasPrefix("  ")
      else { return nil }
      return number
    }
    #expect(numbered == Array(1...21))
    #expect(meeting.contains { $0.hasPrefix("   15  Exclusion of the Public") })
    let five = meeting.drop { !$0.hasPrefix("    5  ") }.dropFirst().prefix { $0.hasPrefix("         ") }
    #expect(five.contains("         To be read in conjunction with the non-public appendix at Agenda Item 18."))
    let nineteen = meeting.drop { !$0.hasPrefix("   19  ") }.dropFirst().prefix { $0.hasPrefix("         ") }
    #expect(nineteen.contains("         Appendix to be read in conjunction with the report at Agenda Item 6."))
  }

  @Test func exampleArchiveChecksClean() throws {
    let output = try ClerkProcess.run(["check", "Content", "--today", "2026-11-25"])
    #expect(output.status == 0, "\(output.stderr)")
    #expect(!output.stderr.contains(": error: "))
    #expect(output.stdout.contains("Exclusion of the Public"))
  }

  @Test func usageErrorsExitWithTwo() throws {
    let output = try ClerkProcess.run(["check", "--no-such-flag"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("--no-such-flag"))
  }

  @Test func missingContentFolderIsAnError() throws {
    let output = try ClerkProcess.run(["check", "/nonexistent/clerk-content"])
    #expect(output.status == 1)
    #expect(output.stderr.contains("error: content folder not found"))
  }
}

/// Non-public text pasted into a public source, and public items labelled
/// as non-public, are reported by `clerk check`.
@Suite struct PastedTextTests {
  /// Fourteen words of the exempt report's line 20, after two of the public item's own.
  static let sentence = "As discussed, CANARY-BODY the child known as Child A moved placement three times this year."

  /// A copy of the small fixture, with `edit` applied to its budget item.
  func fixture(_ edit: (String) -> String) throws -> URL {
    let folder = temporaryFolder()
    let content = folder.appendingPathComponent("Content")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Tests/Fixtures/site-small/Content"), to: content)
    let item = content.appendingPathComponent("scrutiny/2026-03-10/04-budget.md")
    try Data(edit(try String(contentsOf: item, encoding: .utf8)).utf8).write(to: item)
    return content
  }

  @Test func reportsExemptTextPastedIntoAPublicReport() throws {
    let content = try fixture { $0 + "\n" + Self.sentence + "\n" }
    defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
    let output = try ClerkProcess.run(["check", content.path, "--today", "2026-03-01", "--find-pasted"])
    #expect(output.stderr.contains(
      "scrutiny/2026-03-10/04-budget.md:7:15: warning: 14 words here are also in non-public scrutiny/2026-03-10/05-named-case.md:20"),
      "\(output.stderr)")
    let quiet = try ClerkProcess.run(["check", content.path, "--today", "2026-03-01"])
    #expect(!quiet.stderr.contains("also in non-public"))
  }

  /// A shorter shared passage is not reported: such runs are chance or
  /// formula far more often than pasted text.
  @Test func aShortSharedPhraseIsNotReported() throws {
    let content = try fixture { $0 + "\nWe noted that the child known as Child A moved placement three times.\n" }
    defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
    let output = try ClerkProcess.run(["check", content.path, "--today", "2026-03-01", "--find-pasted"])
    #expect(!output.stderr.contains("also in non-public"), "\(output.stderr)")
  }

  @Test func anAcknowledgedQuoteIsListedNotWarned() throws {
    let content = try fixture {
      $0.replacingOccurrences(of: "purpose: decision\n", with: "purpose: decision\nquotes-exempt: [scrutiny/2026-03-10/05-named-case.md]\n")
        + "\n" + Self.sentence + "\n"
    }
    defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
    let output = try ClerkProcess.run(["check", content.path, "--today", "2026-03-01", "--find-pasted"])
    #expect(!output.stderr.contains("also in non-public"), "\(output.stderr)")
    #expect(output.stderr.contains(
      "1 deliberate quote of non-public text (quotes-exempt):\n  scrutiny/2026-03-10/04-budget.md quotes scrutiny/2026-03-10/05-named-case.md"),
      "\(output.stderr)")
  }

  @Test func aPublicItemCalledConfidentialIsWarned() throws {
    let content = try fixture { $0.replacingOccurrences(of: "title: Budget Monitoring", with: "title: Budget Monitoring (Confidential)") }
    defer { try? FileManager.default.removeItem(at: content.deletingLastPathComponent()) }
    let output = try ClerkProcess.run(["check", content.path, "--today", "2026-03-01"])
    #expect(output.stderr.contains(
      "scrutiny/2026-03-10/04-budget.md:2:8: warning: this public item's title says 'confidential': if it is exempt, set 'access: exempt'"),
      "\(output.stderr)")
  }
}
