import ClerkCore

/// A file as the build wrote it: the SHA-256 and size of the bytes
/// written, and the file's stamp right after (`OutputTree.writtenDigest`
/// trusts the digest only while the stamp is unchanged).
struct WrittenFile: Sendable {
  var sha256: String
  var size: Int
  var stamp: FileStamp
}
