import Testing
import Yams

@testable import ClerkCore

/// A YAML alias bomb is refused by counting at most one value more than the
/// limit, not by timing it.
@Suite struct YAMLBoundTests {
  /// Nine levels of nine aliases: 9⁹ (387 million) values once expanded.
  static let bomb: String = {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
    for level in 1...8 {
      lines.append(
        "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]")
    }
    return lines.joined(separator: "\n") + "\n"
  }()

  @Test func countingStopsOneValuePastTheLimit() throws {
    let root = try #require(try Yams.compose(yaml: Self.bomb))
    #expect(YAMLReader.countNodes(root, limit: YAMLReader.maximumNodes) == YAMLReader.maximumNodes + 1)
    #expect(YAMLReader.countNodes(root, limit: 10) == 11)
  }

  @Test func smallDocumentsAreCountedInFull() throws {
    let root = try #require(try Yams.compose(yaml: "a: [x, y]\nb: z\n"))
    // The mapping, two keys, the sequence and its two items, and z.
    #expect(YAMLReader.countNodes(root, limit: YAMLReader.maximumNodes) == 7)
  }

  @Test func readerRefusesTheBomb() {
    var reader = YAMLReader(path: "bomb.yml")
    #expect(reader.compose(Self.bomb) == nil)
    #expect(
      reader.diagnostics.all.map(\.message) == [
        "YAML is too large or uses aliases that expand too far (over 20000 values)"
      ])
  }
}
