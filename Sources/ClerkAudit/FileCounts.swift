import Foundation

/// Which hashes occur in two or more files: two bitmaps (seen once, seen
/// again), so memory stays fixed however large the archive. A false "seen
/// again" can only hide a report, never invent one.
final class FileCounts: @unchecked Sendable {
  private let once: HashFilter
  private let twice: HashFilter
  private let lock = NSLock()

  init(bits: Int) {
    once = HashFilter(bits: bits)
    twice = HashFilter(bits: bits)
  }

  /// Counts each file's distinct hashes once.
  func count<Files: Sequence<Set<UInt64>>>(_ files: Files) {
    lock.lock()
    defer { lock.unlock() }
    for file in files {
      for hash in file {
        if once.mayContain(hash) { twice.insert(hash) } else { once.insert(hash) }
      }
    }
  }

  func isCommon(_ hash: UInt64) -> Bool { twice.mayContain(hash) }
}
