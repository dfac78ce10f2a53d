import ClerkRender
import Crypto
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
/// is that record's SHA-256).
struct OutputTimes {
  /// Nanoseconds since 1970, by path relative to the build folder.
  var times: [String: Int64] = [:]
  /// `IncrementalRecord.digest` of the record these times go with.
  var record = ""

  init(record: String, times: [String: Int64]) {
    self.record = record
    self.times = times
  }

  /// Where the times of the build in `folder` are kept.
  static func path(for folder: String) -> String {
    let url = URL(fileURLWithPath: folder).standardizedFileURL
    return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".clerk-times"
  }

  /// The times kept for the build in `folder`, if there are any.
  init?(for folder: String) {
    guard let data = FileManager.default.contents(atPath: Self.path(for: folder)) else { return nil }
    var lines = data.split(separator: UInt8(ascii: "\n"))[...]
    guard let first = lines.popFirst() else { return nil }
    record = String(decoding: first, as: UTF8.self)
    for line in lines {
      guard let space = line.firstIndex(of: UInt8(ascii: " ")),
        let time = Int64(String(decoding: line[..<space], as: UTF8.self))
      else { return nil }
      times[String(decoding: line[(space + 1)...], as: UTF8.self)] = time
    }
  }

  /// Writes the times of the build in `folder` (a new file, renamed into place).
  func write(for folder: String) {
    let path = Self.path(for: folder)
    let lines = [record] + times.sorted { $0.key < $1.key }.map { "\($0.value) \($0.key)" }
    let temporary = path + ".\(getpid())"
    guard FileManager.default.createFile(atPath: temporary, contents: Data((lines.joined(separator: "\n") + "\n").utf8)) else {
      return
    }
    if rename(temporary, path) != 0 { unlink(temporary) }
  }

  /// A file's modification time, in nanoseconds since 1970.
  static func modified(_ path: String) -> Int64? {
    var info = stat()
    guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG else { return nil }
    return Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
  }
}

extension IncrementalRecord {
  /// The SHA-256 of the record as written, which its `OutputTimes` name.
  static func digest(_ text: String) -> String { digest(Data(text.utf8)) }

  static func digest(_ data: Data) -> String {
    SHA256.hash(data: data).map { String(format: "%02x", $0) }.joined()
  }
}
