import Foundation
import TestSupport
import Testing

@testable import ClerkCore
@testable import Markdown

/// The limits the documentation states are the ones the code enforces.
@Suite struct DocumentedLimitsTests {
  static func text(_ document: String) throws -> String {
    try String(contentsOf: repositoryRoot.appendingPathComponent("docs/\(document)"), encoding: .utf8)
  }

  /// `4000000` as the docs write it: "4 MB (4,000,000 bytes)".
  static func megabytes(_ bytes: Int) -> String {
    "\(bytes / 1_000_000) MB (\(grouped(bytes)) bytes)"
  }

  static func grouped(_ number: Int) -> String {
    var digits = String(number)
    var groups: [String] = []
    while digits.count > 3 {
      groups.insert(String(digits.suffix(3)), at: 0)
      digits.removeLast(3)
    }
    return ([digits] + groups).joined(separator: ",")
  }

  @Test func securityStatesTheLimitsOfTheCode() throws {
    let text = try Self.text("security.md").replacingOccurrences(of: "\n  ", with: " ")
    for phrase in [
      "at most \(Self.megabytes(ContentFiles.maximumTextBytes));",
      "at most \(Self.megabytes(MarkdownOptions.standard.maximumBytes));",
      "at most \(Self.megabytes(ContentFiles.maximumBinaryBytes)).",
      "more than \(MarkdownOptions.standard.maximumDepth) levels deep",
      "more than \(Self.grouped(MarkdownDocument.maximumFootnoteReferences)) footnote references",
      "past \(Self.grouped(YAMLReader.maximumNodes)) values",
    ] {
      // A Bool, so a failure names the phrase and not the whole document.
      let says = text.contains(phrase)
      #expect(says, "docs/security.md does not say '\(phrase)'")
    }
  }

  @Test func theContentFormatStatesTheLimitsOfTheCode() throws {
    let text = try Self.text("content-format.md").replacingOccurrences(of: "\n", with: " ")
    for phrase in [
      "up to \(Self.megabytes(ContentFiles.maximumTextBytes)),",
      "up to \(Self.megabytes(MarkdownOptions.standard.maximumBytes));",
      "up to \(Self.megabytes(ContentFiles.maximumBinaryBytes)).",
      "up to \(MarkdownOptions.standard.maximumDepth) levels deep",
    ] {
      let says = text.contains(phrase)
      #expect(says, "docs/content-format.md does not say '\(phrase)'")
    }
  }

  @Test func megabytesAreWrittenInFull() {
    #expect(Self.megabytes(4_000_000) == "4 MB (4,000,000 bytes)")
    #expect(Self.grouped(20_000) == "20,000")
    #expect(Self.grouped(128) == "128")
  }
}
