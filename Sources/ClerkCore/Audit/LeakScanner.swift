import Foundation

/// Scans a published tree for anything in a `LeakIndex`: every file's
/// name, and the text of HTML, CSS, JS, JSON, XML, calendars, plain text
/// and PDFs.
public struct LeakScanner: Sendable {
  public struct Leak: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The public file, relative to the audited folder (`public/…`).
    public var file: String
    public var source: LeakIndex.Source
    public var description: String { "\(file): leaks \(source.path):\(source.line)" }
    public static func < (a: Leak, b: Leak) -> Bool {
      (a.file, a.source.path, a.source.line) < (b.file, b.source.path, b.source.line)
    }
  }

  public let index: LeakIndex
  public init(index: LeakIndex) { self.index = index }

  static let textTypes: Set<String> = ["html", "htm", "css", "js", "json", "xml", "ics", "txt", "csv", "md", "svg", "rss", "atom", "webmanifest"]

  /// Leaks in every file under `root/public`, sorted.
  public func scan(root: String) -> [Leak] {
    let base = root + "/public"
    var files: [String] = []
    if let enumerator = FileManager.default.enumerator(atPath: base) {
      for case let path as String in enumerator {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory) {
          files.append(path + (isDirectory.boolValue ? "/" : ""))
        }
      }
    }
    let list = files.sorted()
    let found = LeakList()
    DispatchQueue.concurrentPerform(iterations: list.count) { offset in
      let relative = list[offset]
      let leaks = scanFile(base + "/" + relative, relative: relative)
      if !leaks.isEmpty { found.append(leaks.map { Leak(file: "public/" + relative, source: $0) }) }
    }
    return Array(Set(found.all)).sorted()
  }

  func scanFile(_ path: String, relative: String) -> [LeakIndex.Source] {
    var sources = matchValues(in: relative)
    guard !relative.hasSuffix("/") else { return sources }
    let ext = (relative as NSString).pathExtension.lowercased()
    var text: String?
    if ext == "pdf" {
      text = PDFText.extract(path)
    } else if Self.textTypes.contains(ext) || ext.isEmpty, let data = FileManager.default.contents(atPath: path) {
      text = String(decoding: data, as: UTF8.self)
    }
    guard let text else { return sources }
    let markup = ["html", "htm", "xml", "svg"].contains(ext)
    for run in Shingles.runs(text, markup: markup) {
      if let source = index.runs[run.hash] { sources.append(source) }
    }
    sources += matchValues(in: text)
    return sources
  }

  /// Distinctive values and non-public names, matched as whole tokens (an
  /// e-mail address, a file or folder name, a phone number's digits) in one
  /// pass over the text.
  func matchValues(in text: String) -> [LeakIndex.Source] {
    guard !index.values.isEmpty || !index.names.isEmpty || !index.phones.isEmpty else { return [] }
    var sources: [LeakIndex.Source] = []
    let bytes = Array(text.utf8)
    func separates(_ byte: UInt8) -> Bool {
      switch byte {
      case 32, 9, 10, 13, 60, 62, 34, 39, 40, 41, 44, 59, 47, 35, 63, 61, 38, 91, 93, 123, 125, 124: return true
      default: return false
      }
    }
    // Hash each token's lowercased bytes; only a hash that belongs to a
    // value is turned into a string and compared.
    var start = 0
    var end = 0
    while end <= bytes.count {
      guard end == bytes.count || separates(bytes[end]) else {
        end += 1
        continue
      }
      var low = start
      var high = end
      while low < high && (bytes[low] == 46 || bytes[low] == 58) { low += 1 }
      while high > low && (bytes[high - 1] == 46 || bytes[high - 1] == 58) { high -= 1 }
      if high - low >= 6 && index.tokenHashes.contains(LeakIndex.tokenHash(bytes[low..<high])) {
        let token = String(decoding: bytes[low..<high], as: UTF8.self).lowercased()
        if let source = index.values[token] ?? index.names[token] { sources.append(source) }
      }
      start = end + 1
      end += 1
    }
    if !index.phones.isEmpty {
      for digits in LeakIndex.digitRuns(text) {
        if let source = index.phones[digits] { sources.append(source) }
      }
    }
    return sources
  }
}

final class LeakList: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var all: [LeakScanner.Leak] = []
  func append(_ leaks: [LeakScanner.Leak]) {
    lock.lock()
    all += leaks
    lock.unlock()
  }
}
