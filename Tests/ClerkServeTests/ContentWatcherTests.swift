import Foundation
import TestSupport
import Testing

@testable import ClerkServe

/// The kernel's events, as the preview's watcher reads them: an edit in a
/// folder made after watching began is seen; hidden files and backups are not.
@Suite struct ContentWatcherTests {
  func settle(_ events: FolderEvents) {
    usleep(50_000)
    _ = events.readEvents()
  }

  @Test func editsAreSeenAndHiddenFilesAreNot() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("c/m1"), withIntermediateDirectories: true)
    try "one".write(to: folder.appendingPathComponent("c/m1/01-item.md"), atomically: false, encoding: .utf8)
    let events = try #require(FolderEvents())
    #expect(events.watch(folder.path))
    #expect(!events.readEvents(), "nothing changed yet")

    try "two".write(to: folder.appendingPathComponent("c/m1/01-item.md"), atomically: false, encoding: .utf8)
    usleep(50_000)
    #expect(events.readEvents(), "an edit")

    for hidden in ["c/m1/.01-item.md.swp", "c/m1/01-item.md~"] {
      try "draft".write(to: folder.appendingPathComponent(hidden), atomically: false, encoding: .utf8)
      usleep(50_000)
      #expect(!events.readEvents(), "\(hidden)")
    }

    // A meeting folder made now is watched from then on.
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("c/m2"), withIntermediateDirectories: true)
    settle(events)
    try "new".write(to: folder.appendingPathComponent("c/m2/01-item.md"), atomically: false, encoding: .utf8)
    usleep(50_000)
    #expect(events.readEvents(), "an item in a new folder")
  }

  @Test func aSaveIsOneChangeOnceQuiet() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let events = try #require(FolderEvents())
    #expect(events.watch(folder.path))
    #expect(!events.waitForChange(until: .now + .milliseconds(200), cancelled: { false }), "nothing changed yet")
    try "one".write(to: folder.appendingPathComponent("site.yml"), atomically: true, encoding: .utf8)
    let started = ContinuousClock.now
    #expect(events.waitForChange(until: .now + .seconds(20), cancelled: { false }))
    #expect(ContinuousClock.now - started >= FolderEvents.quiet)
  }

  /// A link is never written, so it is a change as soon as it is made.
  @Test func aLinkMadeIsAChange() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let item = folder.appendingPathComponent("01-item.md").path
    try "one".write(toFile: item, atomically: false, encoding: .utf8)
    let events = try #require(FolderEvents())
    #expect(events.watch(folder.path))
    #expect(link(item, folder.appendingPathComponent("02-item.md").path) == 0)
    usleep(50_000)
    #expect(events.readEvents(), "a hard link")
    #expect(symlink("01-item.md", folder.appendingPathComponent("03-item.md").path) == 0)
    usleep(50_000)
    #expect(events.readEvents(), "a symbolic link")
    #expect(FolderEvents.isLink(item) && !FolderEvents.isLink(folder.path) && !FolderEvents.isLink(nil))
  }

  /// Polling is said, with how often and why; the kernel's events are not.
  @Test func pollingIsSaid() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(ContentWatcher([folder.path], events: nil).pollingNotice
      == "checking the content for changes every 0.3 s: this system gives no file events (inotify)")
    let events = try #require(FolderEvents())
    #expect(ContentWatcher([folder.path], events: events).pollingNotice == nil)
  }

  /// A file being written is not a change until it is closed.
  @Test func aFileIsAChangeOnceClosed() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let events = try #require(FolderEvents())
    #expect(events.watch(folder.path))
    let path = folder.appendingPathComponent("01-item.md").path
    #expect(FileManager.default.createFile(atPath: path, contents: nil))
    let handle = try #require(FileHandle(forWritingAtPath: path))
    usleep(50_000)
    #expect(events.readEvents(), "made (and closed) empty")
    try handle.write(contentsOf: Data("---\ntitle: Half".utf8))
    usleep(50_000)
    #expect(!events.readEvents(), "still open")
    try handle.write(contentsOf: Data(" written\n---\n".utf8))
    try handle.close()
    usleep(50_000)
    #expect(events.readEvents(), "closed")
  }
}
