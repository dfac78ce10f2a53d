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
  /// Markdown lets a link be spelled with escapes (`meeting\:c/…`,
  /// `meeting&#58;c&#47;…`), which cmark-gfm reads as the plain link: a
  /// file that has any is read a second time with them undone (`unescaped`).
  static func meetingLinks(in data: Data) -> Set<String> {
    var found = Set<String>()
    var spellings = [data]
    if let plain = unescaped(data) { spellings.append(plain) }
    for spelling in spellings {
      for path in values(after: "meeting:", in: spelling, while: isPathByte) {
        found.insert(path)
        // A link that ends a sentence: both readings.
        if path.hasSuffix(".") { found.insert(String(path.dropLast())) }
      }
    }
    return found
  }

  /// `data` with markdown's escapes of ASCII undone, as cmark-gfm reads a
  /// link's destination: a backslash before punctuation, a numeric
  /// character reference (`&#58;`, `&#x2F;`) and the named ones of the
  /// characters a meeting's path is spelled with (`&colon;`, `&sol;`, …).
  /// Nil when it has none (most files: they are copied only when they do).
  static func unescaped(_ data: Data) -> Data? {
    // Only a `\` or an `&` starts an escape: memchr finds the first of each.
    let first = data.withUnsafeBytes { raw -> Int? in
      guard let base = raw.baseAddress else { return nil }
      return [UInt8(ascii: "\\"), UInt8(ascii: "&")].compactMap { byte in
        memchr(base, Int32(byte), raw.count).map { UnsafeRawPointer($0) - base }
      }.min()
    }
    guard let first else { return nil }
    let bytes = [UInt8](data)
    var out = Array(bytes[..<first])
    out.reserveCapacity(bytes.count)
    var changed = false
    var index = first
    while index < bytes.count {
      let byte = bytes[index]
      if byte == UInt8(ascii: "\\"), index + 1 < bytes.count, isASCIIPunctuation(bytes[index + 1]) {
        out.append(bytes[index + 1])
        index += 2
        changed = true
        continue
      }
      if byte == UInt8(ascii: "&"), let (value, next) = characterReference(bytes, after: index + 1) {
        out.append(value)
        index = next
        changed = true
        continue
      }
      out.append(byte)
      index += 1
    }
    return changed ? Data(out) : nil
  }

  static func isASCIIPunctuation(_ byte: UInt8) -> Bool {
    (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
  }

  /// The named references of ASCII characters a meeting link can hold.
  static let namedASCII: [String: UInt8] = [
    "colon": UInt8(ascii: ":"), "sol": UInt8(ascii: "/"), "period": UInt8(ascii: "."), "lowbar": UInt8(ascii: "_"),
    "UnderBar": UInt8(ascii: "_"), "percnt": UInt8(ascii: "%"),
  ]

  /// An ASCII character spelled `&#NN;`, `&#xHH;` or `&name;` from `start`
  /// (after the `&`), and where the reference ends.
  static func characterReference(_ bytes: [UInt8], after start: Int) -> (UInt8, Int)? {
    guard let end = bytes[start..<min(bytes.count, start + 12)].firstIndex(of: UInt8(ascii: ";")), end > start else {
      return nil
    }
    let name = String(decoding: bytes[start..<end], as: UTF8.self)
    if let value = namedASCII[name] { return (value, end + 1) }
    guard name.hasPrefix("#") else { return nil }
    let hex = name.dropFirst().first.map { $0 == "x" || $0 == "X" } ?? false
    guard let value = Int(name.dropFirst(hex ? 2 : 1), radix: hex ? 16 : 10), (1..<128).contains(value) else {
      return nil
    }
    return (UInt8(value), end + 1)
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
