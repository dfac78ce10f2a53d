import ClerkCore
import Foundation
import Testing

/// `ParentStep.appears` says what `contains("..")` says.
@Suite struct ParentStepTests {
  @Test(arguments: ["", ".", "..", "a/../b", "a/b", "a.b.c", "a..b", "...", "./a", "é..", "a/.hidden", "a/./b"])
  func sameAsContains(_ path: String) {
    #expect(ParentStep.appears(in: path) == path.contains(".."))
  }
}
