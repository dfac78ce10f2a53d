import ClerkCore
import Crypto
import Foundation

/// The SHA-256 and size of every file under a folder, by relative path.
public enum FileDigests {
  /// Every file under `root` (folders are walked, not listed), except the
  /// relative paths in `skipping`; files are read on every core.
  /// `known` digests (files carried over unchanged from a build that
  /// recorded them) are taken as they are, not read again.
  public static func of(
    tree root: String, skipping: Set<String> = [], known: [String: Manifest.File] = [:]
  ) throws(Manifest.Problem) -> [String: Manifest.File] {
    let paths = files(under: root).filter { !skipping.contains($0) }
    let digests = Digests(count: paths.count)
    DispatchQueue.concurrentPerform(iterations: paths.count) { index in
      digests.set(index, known[paths[index]] ?? digest(of: root + "/" + paths[index]))
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

  /// One file's fingerprint; nil when it cannot be read.
  public static func digest(of path: String) -> Manifest.File? {
    guard let data = FileManager.default.contents(atPath: path) else { return nil }
    let digest = data.withUnsafeBytes { SHA256.hash(data: $0) }
    return Manifest.File(sha256: hex(digest), size: data.count)
  }

  /// Lowercase hexadecimal, two digits a byte.
  public static func hex(_ bytes: some Sequence<UInt8>) -> String {
    let digits = Array("0123456789abcdef".utf8)
    var text: [UInt8] = []
    for byte in bytes {
      text.append(digits[Int(byte >> 4)])
      text.append(digits[Int(byte & 0x0f)])
    }
    return String(decoding: text, as: UTF8.self)
  }

  /// Relative paths of the regular files under `root`, sorted.
  static func files(under root: String) -> [String] {
    TreeWalk.files(under: root)
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
