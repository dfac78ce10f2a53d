#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Substring search over UTF-8 bytes. Foundation's `range(of:)` converts
/// to UTF-16 first, which costs more than the rendering it serves on
/// archive-sized bodies.
enum ByteSearch {
  /// The offset of the first `needle` in `haystack` at or after `start`.
  static func find(_ needle: String, in haystack: [UInt8], from start: Int = 0) -> Int? {
    guard start <= haystack.count else { return nil }
    var needle = needle
    return needle.withUTF8 { pattern in
      haystack.withUnsafeBufferPointer { bytes -> Int? in
        guard let base = bytes.baseAddress, !pattern.isEmpty else { return nil }
        return search(base + start, bytes.count - start, pattern).map { start + $0 }
      }
    }
  }

  /// Whether `needle` occurs in `text`.
  static func contains(_ needle: String, in text: String) -> Bool {
    var text = text
    var needle = needle
    return text.withUTF8 { bytes in
      needle.withUTF8 { pattern in
        guard let base = bytes.baseAddress, !pattern.isEmpty else { return pattern.isEmpty }
        return search(base, bytes.count, pattern) != nil
      }
    }
  }

  /// The offset of `pattern` in `count` bytes at `base`: memchr for the
  /// first byte, memcmp for the rest.
  private static func search(_ base: UnsafePointer<UInt8>, _ count: Int, _ pattern: UnsafeBufferPointer<UInt8>) -> Int? {
    guard let first = pattern.first, let rest = pattern.baseAddress, count >= pattern.count else { return nil }
    var offset = 0
    let last = count - pattern.count
    while offset <= last {
      guard let hit = memchr(base + offset, Int32(first), last - offset + 1) else { return nil }
      let position = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
      if memcmp(base + position, rest, pattern.count) == 0 { return position }
      offset = position + 1
    }
    return nil
  }
}
