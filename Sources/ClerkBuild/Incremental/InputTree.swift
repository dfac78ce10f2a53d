import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Feeds a folder of the content into an `InputDigest`: every entry, in
/// sorted order, with its kind, and a file's SHA-256 (`ContentFacts`) or a
/// link's target. An entry added, removed, renamed or changed changes the
/// digest.
enum InputTree {
  /// Feeds `folder` (absolute) and everything under it; `each` sees every
  /// file's facts (the meetings it names).
  static func add(
    _ folder: String, into digest: inout InputDigest, facts: ContentFacts, each: (FileFacts) -> Void = { _ in }
  ) {
    let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    digest.add("folder \(names.count)")
    for name in names {
      let path = folder + "/" + name
      var info = stat()
      guard lstat(path, &info) == 0 else {
        digest.add("unreadable " + name)
        continue
      }
      switch info.st_mode & S_IFMT {
      case S_IFDIR:
        digest.add("dir " + name)
        add(path, into: &digest, facts: facts, each: each)
      case S_IFREG:
        digest.add("file " + name)
        if let found = facts.facts(of: path) {
          digest.add(bytes: found.sha256)
          each(found)
        } else {
          digest.add("unreadable")
        }
      case S_IFLNK:
        digest.add("link " + name)
        digest.add((try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "")
      default:
        digest.add("other " + name)
      }
    }
  }

  /// Every `meeting:<committee>/<folder>` a file names (more than the links
  /// it makes, never fewer: a page depends on the meetings it links to).
  static func meetingLinks(in data: Data) -> Set<String> {
    var found = Set<String>()
    for path in values(after: "meeting:", in: data, while: isPathByte) {
      found.insert(path)
      // A link that ends a sentence: both readings.
      if path.hasSuffix(".") { found.insert(String(path.dropLast())) }
    }
    return found
  }

  /// The meeting a `minutes-of:` value names: `YYYY-MM-DD` in `committee`,
  /// or `<committee>/YYYY-MM-DD`.
  static func meeting(minutesOf value: String, committee: String) -> String {
    value.contains("/") ? value : committee + "/" + value
  }

  /// The value of every `minutes-of:` line of a file, quotes removed.
  static func minutesOf(in data: Data) -> Set<String> {
    let ends: Set<UInt8> = [UInt8(ascii: "\n"), UInt8(ascii: ","), UInt8(ascii: "}")]
    let values = values(after: "minutes-of:", in: data) { !ends.contains($0) }
    return Set(values.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \t\r'\"")) }.filter { !$0.isEmpty })
  }

  /// What follows each `prefix` in `data`, as long as its bytes pass `isPart`
  /// (empty values left out).
  static func values(after prefix: String, in data: Data, while isPart: (UInt8) -> Bool) -> [String] {
    let prefix = Array(prefix.utf8)
    var found: [String] = []
    data.withUnsafeBytes { raw in
      var offset = 0
      while let hit = find(prefix, in: raw, from: offset) {
        let start = hit + prefix.count
        var end = start
        while end < raw.count, isPart(raw[end]) { end += 1 }
        if end > start { found.append(String(decoding: raw[start..<end], as: UTF8.self)) }
        offset = end
      }
    }
    return found
  }

  /// Where `pattern` next occurs in `raw` at or after `start`.
  static func find(_ pattern: [UInt8], in raw: UnsafeRawBufferPointer, from start: Int) -> Int? {
    guard let base = raw.baseAddress, let first = pattern.first else { return nil }
    var offset = start
    while offset + pattern.count <= raw.count {
      guard let hit = memchr(base + offset, Int32(first), raw.count - offset - pattern.count + 1) else { return nil }
      let at = UnsafeRawPointer(hit) - base
      if memcmp(hit, pattern, pattern.count) == 0 { return at }
      offset = at + 1
    }
    return nil
  }

  static func isPathByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "0")...UInt8(ascii: "9"),
      UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "/"), UInt8(ascii: "."), UInt8(ascii: "%"):
      return true
    default:
      return false
    }
  }
}
