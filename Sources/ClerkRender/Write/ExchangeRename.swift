import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Swaps two paths in one atomic step: each name then holds what the other
/// held, and at no moment is either name missing. Linux's
/// `renameat2(RENAME_EXCHANGE)` (looked up in the C library at run time:
/// Swift's Glibc module does not declare it), macOS's
/// `renamex_np(RENAME_SWAP)`.
enum ExchangeRename {
  /// 0, or the `errno` of the failure. `ENOSYS` and `EINVAL` mean the
  /// system or the file system cannot exchange (swap another way).
  static func exchange(_ first: String, _ second: String) -> Int32 {
    #if canImport(Glibc)
      guard let renameat2 else { return ENOSYS }
      return renameat2(AT_FDCWD, first, AT_FDCWD, second, renameExchange) == 0 ? 0 : errno
    #elseif canImport(Darwin)
      return renamex_np(first, second, UInt32(RENAME_SWAP)) == 0 ? 0 : errno
    #else
      return ENOSYS
    #endif
  }

  /// Whether a failure of `exchange` says only that it cannot be done here.
  static func isUnsupported(_ code: Int32) -> Bool {
    code == ENOSYS || code == EINVAL || code == ENOTSUP || code == EOPNOTSUPP
  }

  #if canImport(Glibc)
    typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32

    /// `RENAME_EXCHANGE` of <linux/fs.h>.
    static let renameExchange: UInt32 = 1 << 1

    /// The C library's `renameat2` (glibc 2.28 and later), if it has one.
    static let renameat2: RenameAt2? = {
      guard let symbol = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "renameat2") else { return nil }
      return unsafeBitCast(symbol, to: RenameAt2.self)
    }()
  #endif
}
