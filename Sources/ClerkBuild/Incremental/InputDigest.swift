import ClerkIntegrity
import Crypto
import Foundation

/// A SHA-256 of a build's inputs, fed piece by piece: each piece is
/// preceded by its length, so ["ab", "c"] and ["a", "bc"] differ, and a
/// missing file differs from an empty one.
struct InputDigest {
  private var hasher = SHA256()

  mutating func add(_ text: String) {
    add(bytes: Array(text.utf8))
  }

  mutating func add(bytes: some DataProtocol) {
    withUnsafeBytes(of: UInt64(bytes.count).littleEndian) { hasher.update(bufferPointer: $0) }
    hasher.update(data: bytes)
  }

  /// A file's bytes, or a mark that there is no readable file at `path`.
  mutating func add(file path: String) {
    if let data = FileManager.default.contents(atPath: path) {
      add("file")
      add(bytes: data)
    } else {
      add("absent")
    }
  }

  var hex: String {
    FileDigests.hex(hasher.finalize())
  }
}
