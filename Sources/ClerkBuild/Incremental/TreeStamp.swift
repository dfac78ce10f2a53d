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
///
/// Each folder is listed once and its entries' `lstat` taken relative to
/// it (`fstatat`); entries are taken in the order of their names' bytes,
/// a folder's own entries right after it. The folders at the top are
/// stamped on every core.
enum TreeStamp {
  static func of(_ folder: String) -> String {
    let top = entries(of: folder)
    let width = ProcessInfo.processInfo.activeProcessorCount
    let parts = ResultSlots<(count: Int, bytes: [UInt8])>(count: top.count)
    ParallelWork.run(count: top.count, width: width) { offset in
      var part: (count: Int, bytes: [UInt8]) = (0, [])
      add(top[offset], in: folder, prefix: "", into: &part)
      parts.set(offset, part)
    }
    var digest = InputDigest()
    digest.add(String(parts.values.reduce(0) { $0 + $1.count }))
    digest.add(bytes: parts.values.flatMap(\.bytes))
    return digest.hex
  }

  typealias Entry = TreeWalk.StatusEntry

  /// The entries of `folder`, in the order of their names' bytes.
  static func entries(of folder: String) -> [Entry] {
    (TreeWalk.statusEntries(of: folder) ?? []).sorted { UTF8Order.precedes($0.name, $1.name) }
  }

  /// Adds an entry's path and `lstat` fields, then, for a folder, its entries.
  static func add(_ entry: Entry, in folder: String, prefix: String, into part: inout (count: Int, bytes: [UInt8])) {
    let path = prefix + entry.name
    part.count += 1
    part.bytes.append(contentsOf: path.utf8)
    let fields: [Int64] =
      entry.status.map { info in
        [
          Int64(info.st_mode), FileStamp.nanoseconds(info.st_mtim), FileStamp.nanoseconds(info.st_ctim),
          Int64(info.st_size), Int64(bitPattern: UInt64(info.st_ino)),
        ]
      } ?? [-1]
    for field in fields { withUnsafeBytes(of: field.littleEndian) { part.bytes.append(contentsOf: $0) } }
    part.bytes.append(0)
    guard let status = entry.status, status.st_mode & S_IFMT == S_IFDIR else { return }
    for inner in entries(of: folder + "/" + path) { add(inner, in: folder, prefix: path + "/", into: &part) }
  }
}
