import ClerkCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Notices edits to the watched folders (the content, and the templates
/// once the first build has found them). Hidden files and editor backups
/// (`…~`) are left out. On Linux the kernel tells of each change as it
/// happens (`FolderEvents`, inotify), so a save starts a build within a
/// few milliseconds; where it cannot (another system, or the limit of
/// watches reached) every file's size and time are compared every
/// `PolledFolders.interval`. Changes made during a build are seen as soon
/// as it ends.
final class ContentWatcher: @unchecked Sendable {
  private var events: FolderEvents?
  private var polled = PolledFolders()
  private(set) var folders: [String] = []
  /// Why the folders are polled rather than watched, once they are (said once: `pollingNotice`).
  private(set) var pollingReason: String?

  /// `events`: the kernel's, where it gives them (nil: poll).
  init(_ folders: [String], events: FolderEvents? = FolderEvents()) {
    self.events = events
    if events == nil { pollingReason = "this system gives no file events (inotify)" }
    watch(folders)
  }

  /// Watches `folders` too, those not watched yet; what is already in them is not a change.
  func watch(_ folders: [String]) {
    for folder in folders where !self.folders.contains(folder) {
      self.folders.append(folder)
      if let events, !events.watch(folder) {
        self.events = nil
        pollingReason = "the system's limit of inotify watches is reached (sysctl fs.inotify.max_user_watches)"
      }
      if events == nil { polled.watch(self.folders) }
    }
  }

  /// What to tell the user when the folders are polled: how often and why
  /// (a change then takes up to that long to be seen); nil while the kernel reports changes.
  var pollingNotice: String? {
    pollingReason.map { reason in
      "checking the content for changes every \(String(format: "%.1f", PolledFolders.interval / .seconds(1))) s: \(reason)"
    }
  }

  /// Returns once something changed in a watched folder (or the task is
  /// cancelled). The kernel's events are waited for on a thread of their
  /// own, never holding one of the few the server answers requests on.
  func waitForChange() async {
    guard let events else {
      await polled.waitForChange()
      return
    }
    let cancelled = Locked(false)
    await withTaskCancellationHandler {
      await withCheckedContinuation { (continuation: CheckedContinuation<Void, Never>) in
        DispatchQueue.global(qos: .userInitiated).async {
          _ = events.waitForChange(until: nil, cancelled: { cancelled.value })
          continuation.resume()
        }
      }
    } onCancel: {
      cancelled.value = true
    }
  }
}

/// Changes reported by the kernel (inotify): a watch on every folder of
/// the tree, and on each folder made in it later. A change is reported
/// once the folder has been quiet for `quiet` (an editor saving a file in
/// several steps starts one build, not several). A file's change is the
/// moment it is closed after writing, so a build never reads it half written.
final class FolderEvents: @unchecked Sendable {
  static let quiet: Duration = .milliseconds(25)
  static let mask = UInt32(
    IN_MODIFY | IN_ATTRIB | IN_CLOSE_WRITE | IN_MOVED_FROM | IN_MOVED_TO | IN_CREATE | IN_DELETE | IN_DELETE_SELF
      | IN_MOVE_SELF)

  private let descriptor: Int32
  /// Where events are read into, every few milliseconds.
  private static let bufferSize = 64 * 1024
  private let buffer: UnsafeMutableRawPointer
  /// The folder of each watch.
  private var folders: [Int32: String] = [:]

  /// Nil where the kernel gives no events.
  init?() {
    #if os(Linux)
      descriptor = inotify_init1(Int32(IN_NONBLOCK | IN_CLOEXEC))
      guard descriptor >= 0 else { return nil }
      buffer = .allocate(byteCount: Self.bufferSize, alignment: MemoryLayout<inotify_event>.alignment)
    #else
      return nil
    #endif
  }

  deinit {
    close(descriptor)
    buffer.deallocate()
  }

  /// Watches `folder` and every folder in it (links not followed); false
  /// when one could not be watched (the system's limit of watches).
  func watch(_ folder: String) -> Bool {
    let handle = inotify_add_watch(descriptor, folder, Self.mask | UInt32(IN_ONLYDIR | IN_DONT_FOLLOW))
    guard handle >= 0 else { return errno == ENOENT || errno == ENOTDIR }
    folders[handle] = folder
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    for name in names.sorted() where !name.hasPrefix(".") {
      var status = stat()
      let path = folder + "/" + name
      guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFDIR else { continue }
      guard watch(path) else { return false }
    }
    return true
  }

  /// Blocks until a change has been seen and the folders have then been
  /// quiet for `quiet`: true; false at `deadline`, or once `cancelled`.
  func waitForChange(until deadline: ContinuousClock.Instant?, cancelled: () -> Bool) -> Bool {
    var changed = false
    var quietSince = ContinuousClock.now
    while !cancelled() {
      let now = ContinuousClock.now
      if readEvents() {
        changed = true
        quietSince = now
      } else if changed && now - quietSince >= Self.quiet {
        return true
      }
      if let deadline, now >= deadline { return false }
      usleep(5_000)
    }
    return false
  }

  /// Reads the events waiting; whether any is a change to what is watched.
  /// A folder made (or moved in) is watched from then on.
  func readEvents() -> Bool {
    var changed = false
    while true {
      let count = read(descriptor, buffer, Self.bufferSize)
      guard count > 0 else { return changed }
      var offset = 0
      while offset + MemoryLayout<inotify_event>.size <= count {
        let event = buffer.load(fromByteOffset: offset, as: inotify_event.self)
        let nameStart = buffer.advanced(by: offset + MemoryLayout<inotify_event>.size)
        let name = event.len > 0 ? String(cString: nameStart.assumingMemoryBound(to: CChar.self)) : ""
        offset += MemoryLayout<inotify_event>.size + Int(event.len)
        if event.mask & UInt32(IN_Q_OVERFLOW) != 0 {
          changed = true
          continue
        }
        guard !name.hasPrefix("."), !name.hasSuffix("~") else { continue }
        let isFolder = event.mask & UInt32(IN_ISDIR) != 0
        // A file counts once it is closed after writing (or moved, removed,
        // touched): not while an editor is still writing it. A link made
        // (`ln`, `ln -s`) is never written, so it counts when it appears.
        if !isFolder && event.mask & UInt32(IN_MODIFY | IN_CREATE) != 0
          && event.mask & ~UInt32(IN_MODIFY | IN_CREATE) & Self.mask == 0
          && !(event.mask & UInt32(IN_CREATE) != 0 && Self.isLink(folders[event.wd].map { $0 + "/" + name }))
        {
          continue
        }
        if isFolder && event.mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0, let parent = folders[event.wd] {
          _ = watch(parent + "/" + name)
        }
        if event.mask & UInt32(IN_IGNORED) != 0 { folders[event.wd] = nil }
        // A folder's own times and modes are not a change; what is in it is.
        if isFolder && event.mask & UInt32(IN_ATTRIB) != 0 { continue }
        if event.mask & (Self.mask | UInt32(IN_IGNORED)) != 0 { changed = true }
      }
    }
  }
}

extension FolderEvents {
  /// Whether `path` is a symbolic link, or a file with another name too (a hard link).
  static func isLink(_ path: String?) -> Bool {
    var status = stat()
    guard let path, lstat(path, &status) == 0 else { return false }
    return status.st_mode & S_IFMT == S_IFLNK || (status.st_mode & S_IFMT == S_IFREG && status.st_nlink > 1)
  }
}

/// Changes found by comparing, every `interval`, a fingerprint of each
/// watched folder: every file's path, size and modification time.
struct PolledFolders {
  static let interval: Duration = .milliseconds(300)

  /// A fingerprint per folder.
  typealias Fingerprints = [String: Int]

  private var seen: Fingerprints = [:]

  /// Takes the fingerprint of folders not watched yet.
  mutating func watch(_ folders: [String]) {
    for folder in folders where seen[folder] == nil { seen[folder] = Self.fingerprint(folder) }
  }

  mutating func waitForChange() async {
    while !Task.isCancelled {
      let now = Dictionary(seen.keys.map { ($0, Self.fingerprint($0)) }, uniquingKeysWith: { first, _ in first })
      defer { seen = now }
      if now != seen { return }
      try? await Task.sleep(for: Self.interval)
    }
  }

  static func fingerprint(_ folder: String) -> Int {
    var hasher = Hasher()
    let fileManager = FileManager.default
    let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isDirectoryKey]
    let root = URL(fileURLWithPath: folder)
    guard
      let walk = fileManager.enumerator(
        at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
    else { return 0 }
    var entries: [(String, Int, Double)] = []
    for case let url as URL in walk where !url.lastPathComponent.hasSuffix("~") {
      let values = try? url.resourceValues(forKeys: Set(keys))
      if values?.isDirectory == true { continue }
      entries.append(
        (url.path, values?.fileSize ?? -1, values?.contentModificationDate?.timeIntervalSince1970 ?? 0))
    }
    for (path, size, modified) in entries.sorted(by: { $0.0 < $1.0 }) {
      hasher.combine(path)
      hasher.combine(size)
      hasher.combine(modified)
    }
    return hasher.finalize()
  }
}
