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
    var sources: [LeakIndex.Source] = []
    let name = relative.lowercased()
    for (value, source) in index.names where name.contains(value) { sources.append(source) }
    for (value, source) in index.values where name.contains(value) { sources.append(source) }
    guard !relative.hasSuffix("/") else { return sources }
    let ext = (relative as NSString).pathExtension.lowercased()
    var text: String?
    if ext == "pdf" {
      text = PDFText.extract(path)
    } else if Self.textTypes.contains(ext) || ext.isEmpty, let data = FileManager.default.contents(atPath: path) {
      let raw = String(decoding: data, as: UTF8.self)
      text = ext == "html" || ext == "htm" || ext == "xml" || ext == "svg" ? Self.visibleText(raw) : raw
    }
    guard let text else { return sources }
    for run in Shingles.runs(text) {
      if let source = index.runs[run.hash] { sources.append(source) }
    }
    let lower = text.lowercased()
    for (value, source) in index.values where lower.contains(value) { sources.append(source) }
    for (value, source) in index.names where lower.contains(value) { sources.append(source) }
    return sources
  }

  /// Markup as text: the text between tags, then every attribute value on
  /// its own line (alt texts, titles and URLs can leak too).
  static func visibleText(_ html: String) -> String {
    var text = ""
    var attributes = ""
    var inTag = false
    var tag = ""
    for character in html {
      if inTag {
        if character == ">" {
          inTag = false
          attributes += attributeValues(tag) + "\n"
          tag = ""
        } else {
          tag.append(character)
        }
      } else if character == "<" {
        inTag = true
        text.append(" ")
      } else {
        text.append(character)
      }
    }
    return text + "\n" + attributes
  }

  static func attributeValues(_ tag: String) -> String {
    var values: [Substring] = []
    var rest = tag[...]
    while let quote = rest.firstIndex(where: { $0 == "\"" || $0 == "'" }) {
      let mark = rest[quote]
      let after = rest[rest.index(after: quote)...]
      guard let end = after.firstIndex(of: mark) else { break }
      values.append(after[..<end])
      rest = after[after.index(after: end)...]
    }
    return values.joined(separator: "\n")
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
