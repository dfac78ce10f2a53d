import ClerkCore
import Foundation
import Testing

/// `ByteLines` (memchr) splits as `split(separator:)` does.
@Suite struct ByteLinesTests {
  @Test(arguments: ["", "\n", "\n\n", "a", "a\n", "\na", "a\nb", "a\n\nb\n", "é✓\n🏛\n\n\nz", "no line feed at the end"])
  func linesEqualTheGenericSplit(_ text: String) {
    let data = Data(text.utf8)
    #expect(ByteLines.lines(data) == data.split(separator: UInt8(ascii: "\n")).map { Data($0) })
    // A slice that does not start at 0.
    let slice = (Data("x\n".utf8) + Data(text.utf8)).dropFirst(2)
    #expect(ByteLines.lines(slice) == slice.split(separator: UInt8(ascii: "\n")).map { Data($0) })
  }
}
