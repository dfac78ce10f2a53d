import ClerkCore
import ClerkIntegrity
import ClerkRender
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// The modification time of every meeting file of a build, kept beside
/// the output folder (`.<out>.clerk-times`), not in it: the output must be
/// the same bytes whenever it is built, and times never are. The next
/// build carries a file over only while its time is the one recorded
/// here (a file edited by hand, even to the same size, is rendered again),
/// and only when these times belong to the record it read (the first line
/// is that record's identity: its files' stamps).
///
/// It also keeps what that build learnt of the content files (`ContentFacts`):
/// their stamps, SHA-256 and the meetings they name, and when the build
/// started.
struct OutputTimes {
  /// Nanoseconds since 1970, by path relative to the build folder.
  var times: [String: Int64] = [:]
  /// `IncrementalRecord.identity` of the record these times go with.
  var record = ""
  /// When the build started (nanoseconds since 1970).
  var started: Int64 = 0
  /// The content files' facts, by absolute path.
  var content: [String: (ContentFacts.Stamp, FileFacts)] = [:]
  /// `TreeStamp.of` the build folder once the build was in place.
  var tree = ""
  /// The clerk binary that made the build, and its digest.
  var executable: ExecutableDigest?

  init(
    record: String, times: [String: Int64], started: Int64 = 0, content: [String: (ContentFacts.Stamp, FileFacts)] = [:],
    tree: String = ""
  ) {
    self.record = record
    self.times = times
    self.started = started
    self.content = content
    self.tree = tree
  }

  /// The content facts the next build may trust.
  var facts: ContentFacts { ContentFacts(known: content, trustedBefore: trustedBefore) }

  /// Stamps before this time (nanoseconds since 1970) are trusted: a second
  /// before that build started.
  var trustedBefore: Int64 { started - 1_000_000_000 }

  /// Where the times of the build in `folder` are kept.
  static func path(for folder: String) -> String {
    let url = URL(fileURLWithPath: folder).standardizedFileURL
    return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".clerk-times"
  }

  /// The times kept for the build in `folder`, if there are any.
  init?(for folder: String) {
    guard let data = FileManager.default.contents(atPath: Self.path(for: folder)) else { return nil }
    let bytes = [UInt8](data)
    var lines = ByteLines.ranges(data).map { bytes[$0] }[...]
    guard let first = lines.popFirst() else { return nil }
    record = String(decoding: first, as: UTF8.self)
    let started = Array(Self.startedPrefix.utf8)
    let content = Array(Self.contentPrefix.utf8)
    let tree = Array(Self.treePrefix.utf8)
    let executable = Array(Self.executablePrefix.utf8)
    for line in lines {
      if line.starts(with: tree) {
        self.tree = String(decoding: line.dropFirst(tree.count), as: UTF8.self)
        continue
      }
      if line.starts(with: executable) {
        self.executable = ExecutableDigest(line: Substring(String(decoding: line.dropFirst(executable.count), as: UTF8.self)))
        continue
      }
      if line.starts(with: started) {
        self.started = Self.number(line.dropFirst(started.count)) ?? 0
        continue
      }
      if line.starts(with: content) {
        if let (path, stamp, facts) = Self.content(line.dropFirst(content.count)) { self.content[path] = (stamp, facts) }
        continue
      }
      guard let space = line.firstIndex(of: UInt8(ascii: " ")), let time = Self.number(line[..<space]) else { return nil }
      times[String(decoding: line[(space + 1)...], as: UTF8.self)] = time
    }
  }

  /// A decimal number written in ASCII digits (a leading minus allowed).
  static func number(_ digits: ArraySlice<UInt8>) -> Int64? {
    var digits = digits
    let negative = digits.first == UInt8(ascii: "-")
    if negative { digits = digits.dropFirst() }
    guard !digits.isEmpty, digits.count <= 19 else { return nil }
    var value: Int64 = 0
    for digit in digits {
      guard digit >= UInt8(ascii: "0"), digit <= UInt8(ascii: "9") else { return nil }
      value = value * 10 + Int64(digit - UInt8(ascii: "0"))
    }
    return negative ? -value : value
  }

  /// Writes the times of the build in `folder` (a new file, renamed into place).
  /// `tree`, when given, is asked for last (and written on the last
  /// line): it may still be computed while the rest is formatted.
  func write(for folder: String, tree lateTree: (() -> String)? = nil) {
    let path = Self.path(for: folder)
    var text: [UInt8] = []
    text.reserveCapacity(times.count * 80 + content.count * 200)
    func line(_ parts: String...) {
      for part in parts { text.append(contentsOf: part.utf8) }
      text.append(UInt8(ascii: "\n"))
    }
    line(record)
    line(Self.startedPrefix, String(started))
    if let executable { line(Self.executablePrefix, executable.line) }
    // Tens of thousands of lines, written as bytes, in no particular order:
    // the file is read into a dictionary, and it is beside the output,
    // which holds the same bytes whatever order this is in.
    for (file, time) in times {
      Self.decimal(time, into: &text)
      text.append(UInt8(ascii: " "))
      text.append(contentsOf: file.utf8)
      text.append(UInt8(ascii: "\n"))
    }
    let digits = Array("0123456789abcdef".utf8)
    for (file, (stamp, facts)) in content {
      let start = text.count
      text.append(contentsOf: Self.contentPrefix.utf8)
      for number in [stamp.modified, stamp.changed, stamp.size, Int64(bitPattern: stamp.inode)] {
        Self.decimal(number, into: &text)
        text.append(UInt8(ascii: "\t"))
      }
      for byte in facts.sha256 {
        text.append(digits[Int(byte >> 4)])
        text.append(digits[Int(byte & 0x0F)])
      }
      let textStart = text.count
      for names in [facts.links, facts.minutesOf] {
        text.append(UInt8(ascii: "\t"))
        for (offset, name) in names.enumerated() {
          if offset > 0 { text.append(0x1F) }
          text.append(contentsOf: name.utf8)
        }
      }
      text.append(UInt8(ascii: "\t"))
      text.append(contentsOf: file.utf8)
      // A field that holds the separators is not kept: that file is read again.
      if text[textStart...].contains(UInt8(ascii: "\n"))
        || Self.tabs(in: text[textStart...]) != 3
      {
        text.removeSubrange(start...)
        continue
      }
      text.append(UInt8(ascii: "\n"))
    }
    line(Self.treePrefix, lateTree?() ?? tree)
    let temporary = path + ".\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data(text)) else { return }
    if rename(temporary, path) != 0 { unlink(temporary) }
  }

  /// Appends `value` in decimal digits (a leading minus when negative).
  static func decimal(_ value: Int64, into text: inout [UInt8]) {
    if value < 0 { text.append(UInt8(ascii: "-")) }
    var magnitude = value.magnitude
    var count = 1
    while magnitude >= 10 {
      magnitude /= 10
      count += 1
    }
    magnitude = value.magnitude
    let end = text.count + count
    text.append(contentsOf: repeatElement(UInt8(ascii: "0"), count: count))
    var index = end - 1
    repeat {
      text[index] = UInt8(ascii: "0") + UInt8(magnitude % 10)
      magnitude /= 10
      index -= 1
    } while magnitude > 0
  }

  static func tabs(in bytes: ArraySlice<UInt8>) -> Int {
    bytes.count { $0 == UInt8(ascii: "\t") }
  }

  static let startedPrefix = "started "
  static let treePrefix = "tree "
  static let executablePrefix = "exe "
  static let contentPrefix = "c\t"

  /// One content file's line: its path, stamp and facts.
  static func content(_ line: ArraySlice<UInt8>) -> (String, ContentFacts.Stamp, FileFacts)? {
    let parts = line.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false)
    guard parts.count == 8, let modified = number(parts[0]), let changed = number(parts[1]), let size = number(parts[2]),
      let inode = number(parts[3]), inode >= 0, parts[4].count == 64
    else { return nil }
    let fields = parts.map { String(decoding: $0, as: UTF8.self) }
    func nibble(_ digit: UInt8) -> UInt8? {
      switch digit {
      case UInt8(ascii: "0")...UInt8(ascii: "9"): return digit - UInt8(ascii: "0")
      case UInt8(ascii: "a")...UInt8(ascii: "f"): return digit - UInt8(ascii: "a") + 10
      default: return nil
      }
    }
    var sha256: [UInt8] = []
    var hex = fields[4].utf8.makeIterator()
    while let high = hex.next(), let low = hex.next() {
      guard let high = nibble(high), let low = nibble(low) else { return nil }
      sha256.append(high << 4 | low)
    }
    func names(_ field: String) -> [String] { field.isEmpty ? [] : field.split(separator: "\u{1F}").map(String.init) }
    return (
      fields[7], ContentFacts.Stamp(modified: modified, changed: changed, size: size, inode: UInt64(inode)),
      FileFacts(sha256: sha256, links: names(fields[5]), minutesOf: names(fields[6]))
    )
  }
}
