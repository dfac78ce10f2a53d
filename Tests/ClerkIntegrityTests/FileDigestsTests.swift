@testable import ClerkIntegrity
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

  /// The `readdir` walk lists what Foundation's walk lists: regular files
  /// only (no folders, no links), hidden ones too, names with any characters.
  @Test func fastListingEqualsFoundationsWalk() throws {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-listing-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: root) }
    let manager = FileManager.default
    try manager.createDirectory(at: root.appendingPathComponent("a/b c/.hidden"), withIntermediateDirectories: true)
    try manager.createDirectory(at: root.appendingPathComponent("empty"), withIntermediateDirectories: true)
    for path in ["top.html", "a/x.json", "a/b c/Café ü.html", "a/b c/.hidden/.dot", "a/b c/.hidden/n"] {
      try Data(path.utf8).write(to: root.appendingPathComponent(path))
    }
    try manager.createSymbolicLink(atPath: root.appendingPathComponent("link.html").path, withDestinationPath: "top.html")
    try manager.createSymbolicLink(atPath: root.appendingPathComponent("linked-folder").path, withDestinationPath: "a")
    #expect(FileDigests.files(under: root.path) == FileDigests.walkedFiles(under: root.path))
    #expect(FileDigests.files(under: root.path).count == 5)
    #expect(FileDigests.files(under: root.path + "/missing").isEmpty)
  }
}
