import Foundation

/// Run hashes written to a temporary file as meetings are audited, and
/// read back once at the end: the build remembers every non-public run of
/// the archive without holding them in memory (8 bytes each on disk).
final class RunSpill: @unchecked Sendable {
  private let path: String
  private let handle: FileHandle?
  private let lock = NSLock()

  init() {
    path = NSTemporaryDirectory() + "/clerk-runs-\(getpid())-\(UUID().uuidString)"
    handle = FileManager.default.createFile(atPath: path, contents: nil) ? FileHandle(forWritingAtPath: path) : nil
  }

  deinit {
    try? handle?.close()
    try? FileManager.default.removeItem(atPath: path)
  }

  /// Whether the file could be created (when not, nothing is remembered
  /// and the end pass confirms any match with the full index).
  var isAvailable: Bool { handle != nil }

  func append(_ hashes: [UInt64]) {
    guard let handle, !hashes.isEmpty else { return }
    let data = hashes.withUnsafeBytes { Data($0) }
    lock.lock()
    handle.write(data)
    lock.unlock()
  }

  /// Every hash written so far, in chunks.
  func forEach(_ body: (UInt64) -> Void) {
    lock.lock()
    defer { lock.unlock() }
    guard let reader = FileHandle(forReadingAtPath: path) else { return }
    defer { try? reader.close() }
    while let chunk = try? reader.read(upToCount: 1 << 20), !chunk.isEmpty {
      chunk.withUnsafeBytes { raw in
        for offset in stride(from: 0, to: raw.count - 7, by: 8) {
          body(raw.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
        }
      }
    }
  }
}
