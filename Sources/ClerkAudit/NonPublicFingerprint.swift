import ClerkCore
import Foundation

/// A fingerprint of an archive's non-public set: every non-public run of
/// eight words, value and file name, with the file and line it comes from.
/// A build records it; `clerk audit` computes it again from the content it
/// is given and refuses to audit when the two differ, because an audit
/// against other content would look for the wrong text.
///
/// Meetings are added from any thread, in any order: each meeting's
/// entries are sorted and digested on their own, and the digests are
/// combined in meeting order. The digest is two independent 64-bit FNV-1a
/// lanes, which tells content apart; it is not a cryptographic seal.
public final class NonPublicFingerprint: @unchecked Sendable {
  private let lock = NSLock()
  private var meetings: [String: Digest] = [:]

  public init() {}

  struct Digest {
    var low: UInt64 = 0xcbf2_9ce4_8422_2325
    var high: UInt64 = 0x6c62_272e_07bb_0142

    mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
      for byte in bytes {
        low = (low ^ UInt64(byte)) &* 0x100_0000_01b3
        high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9E37_79B9_7F4A_7C15
      }
      low = (low ^ 0xFF) &* 0x100_0000_01b3  // a separator: ["ab", "c"] ≠ ["a", "bc"]
    }

    mutating func feed(_ value: UInt64) {
      low = (low ^ value) &* 0x100_0000_01b3
      high = (high ^ (value >> 7 | value << 57)) &* 0x0000_0100_0000_01b3 &+ 0x9E37_79B9_7F4A_7C15
    }

    var hex: String { String(format: "%016llx%016llx", high, low) }
  }

  /// Adds what one meeting's own content holds that is non-public. Runs
  /// are grouped by file, so each path is digested once and the sort
  /// compares numbers only.
  func add(_ meeting: MeetingID, _ batch: LeakIndexBuilder.Batch) {
    var digest = Digest()
    for (path, runs) in Self.runsByFile(batch.nonPublic).sorted(by: { $0.key < $1.key }) {
      digest.feed(path.utf8)
      for run in runs.sorted(by: { ($0.line, $0.hash) < ($1.line, $1.hash) }) {
        digest.feed(UInt64(run.line))
        digest.feed(run.hash)
      }
    }
    for (kind, list) in [("value", batch.values), ("name", batch.names)] {
      digest.feed(kind.utf8)
      for (key, source) in list.sorted(by: { ($0.0, $0.1.path, $0.1.line) < ($1.0, $1.1.path, $1.1.line) }) {
        digest.feed(key.utf8)
        digest.feed(source.path.utf8)
        digest.feed(UInt64(source.line))
      }
    }
    lock.lock()
    meetings[meeting.path] = digest
    lock.unlock()
  }

  /// The runs of each file. A batch holds a file's runs one after another,
  /// so a run whose path is its predecessor's joins that file's list
  /// without hashing the path again.
  static func runsByFile(_ runs: [(UInt64, LeakIndex.Source)]) -> [String: [(line: Int, hash: UInt64)]] {
    var byFile: [String: [(line: Int, hash: UInt64)]] = [:]
    var current: (path: String, runs: [(line: Int, hash: UInt64)])?
    for (hash, source) in runs {
      if current?.path != source.path {
        if let current { byFile[current.path, default: []] += current.runs }
        current = (source.path, [])
      }
      current!.runs.append((source.line, hash))
    }
    if let current { byFile[current.path, default: []] += current.runs }
    return byFile
  }

  /// One meeting's part of the fingerprint, as `add` made it: what an
  /// incremental build keeps for a meeting it does not load again.
  public func part(of meeting: MeetingID) -> [UInt64]? {
    lock.lock()
    defer { lock.unlock() }
    return meetings[meeting.path].map { [$0.low, $0.high] }
  }

  /// Puts back a meeting's part kept from an earlier build (`part(of:)`).
  public func restore(_ meeting: MeetingID, part: [UInt64]) {
    guard part.count == 2 else { return }
    lock.lock()
    meetings[meeting.path] = Digest(low: part[0], high: part[1])
    lock.unlock()
  }

  /// The archive's fingerprint, `np1:` and 32 hexadecimal digits.
  public var value: String {
    lock.lock()
    defer { lock.unlock() }
    var digest = Digest()
    for (meeting, part) in meetings.sorted(by: { $0.key < $1.key }) {
      digest.feed(meeting.utf8)
      digest.feed(part.low)
      digest.feed(part.high)
    }
    return "np1:" + digest.hex
  }
}
