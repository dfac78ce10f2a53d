import ClerkCore
import Crypto
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The SHA-256 and size of every file under a folder, by relative path.
public enum FileDigests {
  /// Every file under `root` (folders are walked, not listed), except the
  /// relative paths in `skipping`; files are read on every core.
  /// `known` digests (files carried over unchanged from a build that
  /// recorded them) are taken as they are, not read again.
  public static func of(
    tree root: String, skipping: Set<String> = [], known: [String: Manifest.File] = [:]
  ) throws(Manifest.Problem) -> [String: Manifest.File] {
    try of(tree: root, skipping: skipping, known: { known[$0] })
  }

  /// As `of(tree:skipping:known:)`, asking `known` for each file's recorded digest.
  public static func of(
    tree root: String, skipping: Set<String> = [], known: @Sendable (String) -> Manifest.File?
  ) throws(Manifest.Problem) -> [String: Manifest.File] {
    let paths = files(under: root).filter { !skipping.contains($0) }
    let digests = Digests(count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      digests.set(index, known(paths[index]) ?? digest(of: root + "/" + paths[index]))
    }
    var result: [String: Manifest.File] = [:]
    for (index, path) in paths.enumerated() {
      guard let file = digests.values[index] else {
        throw Manifest.Problem(message: "cannot read '\(root)/\(path)' to record its SHA-256")
      }
      result[path] = file
    }
    return result
  }

  /// One file's fingerprint; nil when it cannot be read. Read with
  /// `open`/`read` into one buffer: a build hashes tens of thousands of
  /// files, and `FileManager.contents` costs several more calls each.
  public static func digest(of path: String) -> Manifest.File? {
    let file = open(path, O_RDONLY | O_CLOEXEC)
    guard file >= 0 else { return nil }
    defer { close(file) }
    var status = stat()
    guard fstat(file, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
    var hasher = SHA256()
    var size = 0
    let capacity = max(1, min(Int(status.st_size) + 1, 1 << 20))
    let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
    defer { buffer.deallocate() }
    while true {
      let count = read(file, buffer.baseAddress, capacity)
      if count < 0 && errno == EINTR { continue }
      guard count >= 0 else { return nil }
      if count == 0 { break }
      hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[..<count]))
      size += count
    }
    return Manifest.File(sha256: hex(hasher.finalize()), size: size)
  }

  /// Lowercase hexadecimal, two digits a byte.
  public static func hex(_ bytes: some Sequence<UInt8>) -> String {
    Hex.lowercase(bytes)
  }

  /// Relative paths of the regular files under `root`, sorted, as
  /// `walkedFiles` lists them; read with `readdir`, whose entry types spare
  /// the `stat` of every file (a build's trees hold tens of thousands).
  static func files(under root: String) -> [String] {
    TreeWalk.files(under: root)
  }

  /// The straightforward listing `files(under:)` must equal: Foundation's
  /// walk, with each entry's attributes.
  static func walkedFiles(under root: String) -> [String] {
    var found: [String] = []
    guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
    for case let path as String in walker where walker.fileAttributes?[.type] as? FileAttributeType == .typeRegular {
      found.append(path)
    }
    return found.sorted()
  }

  /// Results written from worker threads, one slot each.
  private final class Digests: @unchecked Sendable {
    private let lock = NSLock()
    private(set) var values: [Manifest.File?]

    init(count: Int) { values = Array(repeating: nil, count: count) }

    func set(_ index: Int, _ value: Manifest.File?) {
      lock.lock()
      values[index] = value
      lock.unlock()
    }
  }
}
