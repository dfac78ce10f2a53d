import Foundation
import TestSupport
import Testing

@testable import ClerkAudit

/// The run width the security notes state is the one the audit uses.
@Suite struct DocumentedWidthTests {
  @Test func securityStatesTheRunWidth() throws {
    let text = try String(contentsOf: repositoryRoot.appendingPathComponent("docs/security.md"), encoding: .utf8)
      .replacingOccurrences(of: "\n  ", with: " ")
    let phrase = "any run of **\(Shingles.width) or more consecutive words**"
    let says = text.contains(phrase)
    #expect(says, "docs/security.md does not say '\(phrase)'")
  }
}
