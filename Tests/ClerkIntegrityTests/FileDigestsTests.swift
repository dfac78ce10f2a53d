import ClerkIntegrity
import Foundation
import Testing

@Suite struct FileDigestsTests {
  @Test func everyFileHasItsSHA256AndSize() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-digests-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    try FileManager.default.createDirectory(at: root.appendingPathComponent("c/m"), withIntermediateDirectories: true)
    try Data("abc".utf8).write(to: root.appendingPathComponent("c/m/index.html"))
    try Data().write(to: root.appendingPathComponent("empty.txt"))
    try Data("skip".utf8).write(to: root.appendingPathComponent("manifest.json"))
    let digests = try FileDigests.of(tree: root.path, skipping: ["manifest.json"])
    // FIPS 180-2's test vector for "abc", and the empty string's digest.
    #expect(
      digests == [
        "c/m/index.html": Manifest.File(sha256: "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", size: 3),
        "empty.txt": Manifest.File(sha256: "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", size: 0),
      ])
  }
}
