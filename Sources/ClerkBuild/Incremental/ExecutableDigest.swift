import ClerkCore
import Foundation

/// The SHA-256 of the running clerk binary (tens of megabytes), which
/// every key includes: taken again only when the binary's stamp (inode,
/// size, modification and change times) is not the one the last build
/// recorded, or is not older than that build's start, as content files'
/// facts are (`ContentFacts`). A new clerk is a new file, or a file
/// written anew: either way, another stamp.
struct ExecutableDigest: Sendable, Equatable {
  var stamp: ContentFacts.Stamp
  var sha256: String

  /// The binary's digest, reusing `known` while its stamp allows; nil
  /// when the binary cannot be read (the key then says so).
  static func of(_ path: String = BuildInputs.executable, known: ExecutableDigest?, trustedBefore: Int64) -> ExecutableDigest? {
    // /proc/self/exe is a link: the stamp is the binary's own.
    let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
    guard let stamp = ContentFacts.Stamp.of(resolved) else { return nil }
    if let known, known.stamp == stamp, stamp.modified < trustedBefore, stamp.changed < trustedBefore {
      return known
    }
    var digest = InputDigest()
    digest.add(file: resolved)
    return ExecutableDigest(stamp: stamp, sha256: digest.hex)
  }

  /// As written in the times file: `<modified> <changed> <size> <inode> <sha256>`.
  var line: String {
    "\(stamp.modified) \(stamp.changed) \(stamp.size) \(stamp.inode) \(sha256)"
  }

  init(stamp: ContentFacts.Stamp, sha256: String) {
    self.stamp = stamp
    self.sha256 = sha256
  }

  init?(line: Substring) {
    let fields = line.split(separator: " ")
    guard fields.count == 5, let modified = Int64(fields[0]), let changed = Int64(fields[1]), let size = Int64(fields[2]),
      let inode = UInt64(fields[3])
    else { return nil }
    self.init(stamp: .init(modified: modified, changed: changed, size: size, inode: inode), sha256: String(fields[4]))
  }
}
