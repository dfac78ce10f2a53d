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
