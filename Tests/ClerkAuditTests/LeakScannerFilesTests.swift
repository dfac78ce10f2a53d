import Foundation
import Testing

@testable import ClerkAudit

/// The audit's `readdir` listing of a published tree is Foundation's walk.
@Suite struct LeakScannerFilesTests {
  @Test func fastListingEqualsFoundationsWalk() throws {
    let manager = FileManager.default
    let root = manager.temporaryDirectory.appendingPathComponent("clerk-scan-list-\(UUID().uuidString)")
    defer { try? manager.removeItem(at: root) }
    try manager.createDirectory(at: root.appendingPathComponent("c/m/.hidden"), withIntermediateDirectories: true)
    try manager.createDirectory(at: root.appendingPathComponent("empty folder"), withIntermediateDirectories: true)
    for path in ["index.html", "c/m/item 1.html", "c/m/Café.json", "c/m/.hidden/.dot"] {
      try Data(path.utf8).write(to: root.appendingPathComponent(path))
    }
    try manager.createSymbolicLink(atPath: root.appendingPathComponent("link.html").path, withDestinationPath: "index.html")
    try manager.createSymbolicLink(atPath: root.appendingPathComponent("linked").path, withDestinationPath: "c")
    try manager.createSymbolicLink(atPath: root.appendingPathComponent("broken").path, withDestinationPath: "nowhere")
    #expect(LeakScanner.files(under: root.path) == LeakScanner.walkedFiles(under: root.path))
    #expect(LeakScanner.files(under: root.path).contains("c/m/.hidden/"))
    #expect(LeakScanner.files(under: root.path + "/missing").isEmpty)
  }
}
