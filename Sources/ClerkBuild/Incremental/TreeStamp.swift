import ClerkCore
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One SHA-256 of everything a build folder holds as the file system
/// describes it: every entry's path and kind, and each one's `lstat`
/// (modification and change times, size, inode, mode). Kept beside the
/// output once a build is in place (`OutputTimes.tree`): while it is the
/// same, nothing in the folder was added, removed, moved or written, so a
/// build whose inputs are all unchanged has nothing to do (`UpToDate`).
/// The change time cannot be set back by hand.
enum TreeStamp {
  static func of(_ folder: String) -> String {
    let entries = TreeWalk.entriesInByteOrder(under: folder)
    let width = ProcessInfo.processInfo.activeProcessorCount
    let parts = ResultSlots<[UInt8]>(count: width)
    ParallelWork.chunks(count: entries.count, width: width) { part, range in
      var bytes: [UInt8] = []
      for entry in entries[range] {
        bytes.append(contentsOf: entry.path.utf8)
        var info = stat()
        let fields: [Int64] =
          lstat(folder + "/" + entry.path, &info) == 0
          ? [
            Int64(info.st_mode), ContentFacts.nanoseconds(info.st_mtim), ContentFacts.nanoseconds(info.st_ctim),
            Int64(info.st_size), Int64(bitPattern: UInt64(info.st_ino)),
          ] : [-1]
        for field in fields { withUnsafeBytes(of: field.littleEndian) { bytes.append(contentsOf: $0) } }
        bytes.append(0)
      }
      parts.set(part, bytes)
    }
    var digest = InputDigest()
    digest.add(String(entries.count))
    digest.add(bytes: parts.values.flatMap { $0 })
    return digest.hex
  }
}
