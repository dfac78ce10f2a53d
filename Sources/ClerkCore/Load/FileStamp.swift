import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What `lstat` says of a file that changes whenever it is written:
/// modification and change times (nanoseconds since 1970), size and inode.
/// A later build trusts a fact it recorded about a file only while the
/// file's stamp is the same (the change time cannot be set back by hand).
public struct FileStamp: Hashable, Sendable {
  public var modified: Int64
  public var changed: Int64
  public var size: Int64
  public var inode: UInt64

  public init(modified: Int64, changed: Int64, size: Int64, inode: UInt64) {
    self.modified = modified
    self.changed = changed
    self.size = size
    self.inode = inode
  }

  public init(_ status: stat) {
    self.init(
      modified: Self.nanoseconds(status.st_mtim), changed: Self.nanoseconds(status.st_ctim),
      size: Int64(status.st_size), inode: UInt64(status.st_ino))
  }

  /// The stamp of the regular file at `path` (links are not followed); nil for anything else.
  public static func of(_ path: String) -> FileStamp? {
    var status = stat()
    guard lstat(path, &status) == 0, status.st_mode & S_IFMT == S_IFREG else { return nil }
    return FileStamp(status)
  }

  public static func nanoseconds(_ time: timespec) -> Int64 {
    Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec)
  }
}
