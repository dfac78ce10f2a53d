import ClerkCore
import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a meeting's key needs of one content file: its SHA-256, and the
/// meetings it names (`meeting:` links, raw `minutes-of:` values).
struct FileFacts: Sendable, Equatable {
  var sha256: [UInt8]
  var links: [String]
  var minutesOf: [String]

  /// The straightforward way: from the file's bytes.
  init(_ data: Data) {
    sha256 = Array(SHA256.hash(data: data))
    links = InputTree.meetingLinks(in: data).sorted()
    minutesOf = InputTree.minutesOf(in: data).sorted()
  }

  init(sha256: [UInt8], links: [String], minutesOf: [String]) {
    self.sha256 = sha256
    self.links = links
    self.minutesOf = minutesOf
  }
}

/// The facts of the content files, read once per build. The fast path
/// (`facts(of:)`): a file whose stamp (modification and change times, size,
/// inode) is the one the last build recorded, and older than that build's
/// start, has the facts that build found, without being read again; any
/// other file is read. (The change time cannot be set back by hand, and a
/// file changed after the last build started has a later time.)
final class ContentFacts: @unchecked Sendable {
  typealias Stamp = FileStamp

  /// The last build's facts, by absolute path.
  private let known: [String: (Stamp, FileFacts)]
  /// Stamps before this time (nanoseconds since 1970) are trusted.
  private let trustedBefore: Int64
  private let lock = NSLock()
  private var found: [String: (Stamp, FileFacts)] = [:]

  init(known: [String: (Stamp, FileFacts)] = [:], trustedBefore: Int64 = 0) {
    self.known = known
    self.trustedBefore = trustedBefore
  }

  /// The facts of the regular file at `path`; nil when it cannot be read.
  func facts(of path: String) -> FileFacts? {
    guard let stamp = Stamp.of(path) else { return nil }
    let facts: FileFacts
    if let (was, recorded) = known[path], was == stamp, stamp.modified < trustedBefore, stamp.changed < trustedBefore {
      facts = recorded
    } else {
      guard let data = FileManager.default.contents(atPath: path) else { return nil }
      facts = FileFacts(data)
    }
    lock.lock()
    found[path] = (stamp, facts)
    lock.unlock()
    return facts
  }

  /// Every file whose facts this build found, for the next build.
  var recorded: [String: (Stamp, FileFacts)] {
    lock.lock()
    defer { lock.unlock() }
    return found
  }

  /// Now, in nanoseconds since 1970.
  static var now: Int64 {
    var time = timespec()
    clock_gettime(CLOCK_REALTIME, &time)
    return FileStamp.nanoseconds(time)
  }
}
