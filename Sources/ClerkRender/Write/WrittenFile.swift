import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A file as the build wrote it: the SHA-256 and size of the bytes
/// written, and the file's stamp right after (`OutputTree.writtenDigest`
/// trusts the digest only while the stamp is unchanged).
struct WrittenFile: Sendable {
  struct Stamp: Equatable, Sendable {
    var inode: UInt64
    var size: Int64
    var changed: Int64
    var modified: Int64

    init(_ status: stat) {
      inode = UInt64(status.st_ino)
      size = Int64(status.st_size)
      changed = Int64(status.st_ctim.tv_sec) * 1_000_000_000 + Int64(status.st_ctim.tv_nsec)
      modified = Int64(status.st_mtim.tv_sec) * 1_000_000_000 + Int64(status.st_mtim.tv_nsec)
    }
  }

  var sha256: String
  var size: Int
  var stamp: Stamp
}
