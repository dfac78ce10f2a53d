import ClerkCore
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Scans a published tree for anything in a `LeakIndex`: every file's
/// name, and the text of HTML, CSS, JS, JSON, XML, calendars, plain text,
/// PDFs and the search index (Pagefind's files, inflated).
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
  /// Every run of the index, to skip the dictionary for most runs of a page.
  let runFilter: HashFilter
  /// Files the scan could not read (a PDF without `pdftotext`, say).
  public let gaps = AuditGaps()

  public init(index: LeakIndex) {
    self.index = index
    let filter = HashFilter(bits: Self.filterBits(for: index.runs.count + index.anonymousRuns.count))
    for hash in index.runs.keys { filter.insert(hash) }
    for hash in index.anonymousRuns { filter.insert(hash) }
    runFilter = filter
  }

  /// About 16 bits per hash (a few percent of false hits), within limits.
  static func filterBits(for count: Int) -> Int {
    min(26, max(12, 64 - (count * 16).leadingZeroBitCount))
  }

  static let textTypes: Set<String> = ["html", "htm", "css", "js", "json", "xml", "ics", "txt", "csv", "md", "svg", "rss", "atom", "webmanifest"]

  /// Leaks in every file under `root/public`, sorted.
  public func scan(root: String) -> [Leak] {
    let base = root + "/public"
    let list = Self.files(under: base)
    let found = LeakList()
    DispatchQueue.concurrentPerform(iterations: list.count) { offset in
      let relative = list[offset]
      let leaks = scanFile(base + "/" + relative, relative: relative)
      if !leaks.isEmpty { found.append(leaks.map { Leak(file: "public/" + relative, source: $0) }) }
    }
    return Array(Set(found.all)).sorted()
  }

  /// Every file and folder (with a trailing `/`) under `base`, sorted, as
  /// `walkedFiles` lists them; read with `readdir`, whose entry types spare
  /// a `stat` of every file (only a link is looked through, to its target).
  static func files(under base: String) -> [String] {
    TreeWalk.entries(under: base).compactMap { entry in
      switch entry.kind {
      case .folder: return entry.path + "/"
      case .file: return entry.path
      case .link, .other:
        // A link (to its target, not walked into): as `fileExists` sees it.
        var status = stat()
        guard stat(base + "/" + entry.path, &status) == 0 else { return nil }
        return entry.path + ((status.st_mode & S_IFMT) == S_IFDIR ? "/" : "")
      }
    }.sorted()
  }

  /// The straightforward listing `files(under:)` must equal: Foundation's
  /// walk, and `fileExists` for each entry.
  static func walkedFiles(under base: String) -> [String] {
    var files: [String] = []
    if let enumerator = FileManager.default.enumerator(atPath: base) {
      for case let path as String in enumerator {
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: base + "/" + path, isDirectory: &isDirectory) {
          files.append(path + (isDirectory.boolValue ? "/" : ""))
        }
      }
    }
    return files.sorted()
  }

  /// The text of a file as written (PDFs as `pdftotext` reads them), and
  /// whether it is markup; nil for folders and files that hold no text
  /// (images). Scan `readable(_:path:)` of it.
  /// A file that should hold text and cannot be read is recorded in `gaps`.
  static func text(of path: String, relative: String, gaps: AuditGaps) -> (String, Bool)? {
    guard !relative.hasSuffix("/") else { return nil }
    let ext = PathName.fileExtension(of: relative).lowercased()
    if ext == "pdf" { return PDFText.read(path, name: relative, gaps: gaps).map { ($0, false) } }
    if SearchIndexText.compressedTypes.contains(ext) {
      return SearchIndexText.read(path, name: relative, gaps: gaps).map { ($0, false) }
    }
    // Whatever else the search index holds is read as text too.
    guard textTypes.contains(ext) || ext.isEmpty || SearchIndexText.isInIndex(relative) else { return nil }
    guard let data = FileManager.default.contents(atPath: path) else {
      gaps.record(relative, "cannot be read, so its text cannot be audited")
      return nil
    }
    return (String(decoding: data, as: UTF8.self), isMarkup(relative))
  }

  /// A published file's text as its reader gets it, which is what is
  /// scanned: a calendar unfolded and unescaped (`CalendarText`), a JSON
  /// file's string escapes decoded (`JSONText`), any other file as written.
  public static func readable(_ text: String, path: String) -> String {
    switch PathName.fileExtension(of: path).lowercased() {
    case "ics": CalendarText.read(text)
    case "json": JSONText.decoded(text)
    default: text
    }
  }

  /// Whether a published file is read as markup (tags dropped, attribute
  /// values read as text of their own) rather than as plain text.
  public static func isMarkup(_ path: String) -> Bool {
    ["html", "htm", "xml", "svg", "atom", "rss"].contains(PathName.fileExtension(of: path).lowercased())
  }

  func scanFile(_ path: String, relative: String) -> [LeakIndex.Source] {
    let sources = matchValues(in: relative)
    guard let (text, markup) = Self.text(of: path, relative: relative, gaps: gaps) else { return sources }
    return sources + scanText(Self.readable(text, path: relative), markup: markup)
  }

  /// What the index finds in one text: its runs, its values.
  public func scanText(_ text: String, markup: Bool) -> [LeakIndex.Source] {
    var sources: [LeakIndex.Source] = []
    for hash in runFilter.runs(of: text, markup: markup) {
      if let source = index.runs[hash] {
        sources.append(source)
      } else if index.anonymousRuns.contains(hash) {
        sources.append(LeakIndex.Source(path: "", line: 0))
      }
    }
    return sources + matchValues(in: text)
  }

  /// Distinctive values and non-public names, matched as whole tokens (an
  /// e-mail address, a file or folder name, a phone number's digits) in one
  /// pass over the bytes.
  func matchValues(in text: String) -> [LeakIndex.Source] {
    guard !index.values.isEmpty || !index.names.isEmpty || !index.phones.isEmpty else { return [] }
    var sources: [LeakIndex.Source] = []
    var text = text
    let classes = Self.byteClasses
    // A token of letters only cannot be a value unless the index has such
    // values: names have a dot or a dash, e-mails an @, phones digits.
    let lettersMatter = index.hasLetterOnlyValues
    let phones = !index.phones.isEmpty
    text.withUTF8 { bytes in
      classes.withUnsafeBufferPointer { classes in
        var start = 0
        var mixed = false
        var phone = DigitRun()
        func matchPhone(_ range: Range<Int>?) {
          if let range, let source = index.phones[LeakIndex.digits(bytes, range)] { sources.append(source) }
        }
        let count = bytes.count
        let raw = UnsafeRawPointer(bytes.baseAddress)
        var end = 0
        while end <= count {
          // Most of a page is words of letters between spaces, which can be
          // no value: skip them eight bytes at a time while no token that
          // could be one (mixed, or digits) is open.
          if !mixed && !lettersMatter && phone.isEmpty && end + 8 <= count, let raw {
            let block = Self.plainWords(UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: end, as: UInt64.self)))
            if let lastSpace = block.lastSpace { start = end + lastSpace + 1 }
            end += block.plain
            if block.plain == 8 { continue }
          }
          let byte = end < count ? bytes[end] : 32
          let kind = end < count ? classes[Int(byte)] : .separator
          if kind == .letter {  // most bytes
            if !phone.isEmpty { matchPhone(phone.end(at: end)) }
            end += 1
            continue
          }
          if phones { matchPhone(end < count ? phone.feed(byte, at: end) : phone.end(at: end)) }
          guard kind == .separator else {
            mixed = true
            end += 1
            continue
          }
          defer {
            start = end + 1
            mixed = false
            end += 1
          }
          guard mixed || lettersMatter else { continue }
          var low = start
          var high = end
          while low < high && (bytes[low] == 46 || bytes[low] == 58) { low += 1 }
          while high > low && (bytes[high - 1] == 46 || bytes[high - 1] == 58) { high -= 1 }
          guard high - low >= 6 else { continue }
          // Hash each token's lowercased bytes; only a hash that may belong
          // to a value is turned into a string and compared.
          let token = UnsafeBufferPointer(rebasing: bytes[low..<high])
          guard index.tokenFilter.mayContain(LeakIndex.tokenHash(token)) else { continue }
          let key = String(decoding: token, as: UTF8.self).lowercased()
          if let source = index.values[key] ?? index.names[key] { sources.append(source) }
        }
      }
    }
    return sources
  }

  /// How many of eight bytes (little-endian), from the first, are ASCII
  /// letters or spaces, and the offset of the last space among those.
  @inline(__always) static func plainWords(_ word: UInt64) -> (plain: Int, lastSpace: Int?) {
    let high: UInt64 = 0x8080_8080_8080_8080
    let low = word & 0x7F7F_7F7F_7F7F_7F7F
    let folded = low | 0x2020_2020_2020_2020  // A-Z → a-z
    let atLeastA = folded &+ 0x1F1F_1F1F_1F1F_1F1F  // high bit: ≥ 0x61
    let pastZ = folded &+ 0x0505_0505_0505_0505  // high bit: ≥ 0x7B
    let letters = atLeastA & ~pastZ & ~word & high
    let spaceless = word ^ 0x2020_2020_2020_2020
    var spaces = ~(((spaceless & 0x7F7F_7F7F_7F7F_7F7F) &+ 0x7F7F_7F7F_7F7F_7F7F) | spaceless) & high
    let other = ~(letters | spaces) & high
    let plain = other.trailingZeroBitCount / 8
    if plain < 8 { spaces &= (1 << (plain * 8)) - 1 }
    return (plain, spaces == 0 ? nil : (63 - spaces.leadingZeroBitCount) / 8)
  }

  enum ByteClass: UInt8 { case letter, digit, other, separator }

  /// What each byte is to a value token.
  static let byteClasses: [ByteClass] = (0..<256).map { byte in
    switch byte {
    case 97...122, 65...90: return .letter
    case 48...57: return .digit
    case 32, 9, 10, 13, 58, 60, 62, 34, 39, 40, 41, 44, 59, 47, 35, 63, 61, 38, 91, 93, 123, 125, 124: return .separator
    default: return .other
    }
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
