@testable import ClerkIntegrity
import Testing

/// The manifest's hand-written JSON (`ManifestText`) is `JSONEncoder`'s, byte for byte.
@Suite struct ManifestTextTests {
  static let awkward = "quote \" backslash \\ slash / tab \t newline \n return \r controls \u{01}\u{08}\u{0C}\u{1F}\u{7F} café ✓ \u{2028} 🏛"

  @Test(arguments: ["empty", "plain", "awkward", "many"])
  func handWrittenEqualsJSONEncoder(_ name: String) {
    let manifest = Self.manifest(name)
    #expect(manifest.json == manifest.encodedJSON)
  }

  static func manifest(_ name: String) -> Manifest {
    switch name {
    case "empty":
      return Manifest(meetings: [:], files: [:])
    case "plain":
      return Manifest(
        meetings: [
          "cabinet/2026-01-05": .init(date: "2026-01-05", status: "published", published: "2025-12-22", revisions: []),
          "cabinet/2026-02-05": .init(
            date: "2026-02-05", status: "cancelled", published: nil,
            revisions: [.init(date: "2026-02-01", note: "Cancelled."), .init(date: "2026-01-30", note: "Moved.")]),
        ],
        files: [
          "index.html": .init(sha256: String(repeating: "a", count: 64), size: 10),
          "cabinet/2026-01-05/item-1.html": .init(sha256: String(repeating: "b", count: 64), size: 0),
        ])
    case "awkward":
      return Manifest(
        meetings: ["a/\(awkward)": .init(date: awkward, status: awkward, published: awkward, revisions: [.init(date: "x", note: awkward)])],
        files: [awkward: .init(sha256: awkward, size: -1), "Zed": .init(sha256: "", size: 1), "zed": .init(sha256: "", size: 2), "é": .init(sha256: "", size: 3)])
    default:
      var files: [String: Manifest.File] = [:]
      for number in 0..<500 { files["c\(number % 7)/m\(number)/item-\(number).html"] = .init(sha256: String(number, radix: 16), size: number * 31) }
      return Manifest(meetings: [:], files: files)
    }
  }
}
