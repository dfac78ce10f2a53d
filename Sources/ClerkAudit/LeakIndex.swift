import ClerkCore
import Foundation

/// Everything non-public in a content tree, as runs of eight words and as
/// distinctive short values (emails, phone numbers, attachment names), each
/// traced back to the file and line it came from. Runs that public text
/// also contains (a title quoted in an exempt report, the scheme's
/// sentences) are dropped, so the audit reports real leaks only.
public struct LeakIndex: Sendable {
  public struct Source: Sendable, Hashable, Codable {
    public var path: String
    public var line: Int
  }

  var runs: [UInt64: Source] = [:]
  /// Runs known to be non-public without their source (a first, cheap
  /// pass); a hit is confirmed against a full index before it is reported.
  var anonymousRuns = Set<UInt64>()
  var values: [String: Source] = [:]
  /// Names of non-public files and folders (lowercased), which must not appear in public names.
  var names: [String: Source] = [:]
  /// Phone numbers as their digits only.
  var phones: [String: Source] = [:]
  /// `tokenHash` of every value and name, to skip most tokens cheaply.
  var tokenFilter = HashFilter(bits: 16)

  /// FNV-1a of a token's bytes with ASCII letters lowercased.
  static func tokenHash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes {
      let folded = byte >= 65 && byte <= 90 ? byte + 32 : byte
      hash = (hash ^ UInt64(folded)) &* 0x100_0000_01b3
    }
    return hash
  }

  /// Runs of 9 or more digits, allowing single spaces or hyphens between
  /// them ("01632 960 000" → "01632960000").
  static func digitRuns(_ text: String) -> [String] {
    var runs: [String] = []
    var text = text
    text.withUTF8 { bytes in forEachDigitRun(bytes) { runs.append($0) } }
    return runs
  }

  /// The digits of `range`, without the spaces and hyphens between them.
  static func digits(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
    String(decoding: bytes[range].filter { $0 >= 48 && $0 <= 57 }, as: UTF8.self)
  }

  /// Whether a value or name is made of ASCII letters only (the scanner
  /// skips such tokens otherwise).
  var hasLetterOnlyValues = false

  static func forEachDigitRun(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (String) -> Void) {
    var run = DigitRun()
    for (position, byte) in bytes.enumerated() {
      if let range = run.feed(byte, at: position) { body(digits(bytes, range)) }
    }
    if let range = run.end(at: bytes.count) { body(digits(bytes, range)) }
  }

  init() {}

  /// The index of `nonPublic` runs and values, less what public text also
  /// contains: `isPublicRun` for runs, `publicValues` for values and names.
  init(
    nonPublic: [UInt64: Source], isPublicRun: (UInt64) -> Bool, values: [String: Source], names: [String: Source],
    publicValues: Set<String>
  ) {
    runs = nonPublic.filter { !isPublicRun($0.key) }
    let publicPhones = Set(publicValues.flatMap { Self.digitRuns($0) })
    for (key, source) in values where !publicValues.contains(key) {
      let digits = Self.digitRuns(key)
      if digits.count == 1, let number = digits.first, number.count * 2 >= key.filter({ !$0.isWhitespace }).count {
        if !publicPhones.contains(number) { phones[number] = source }
      } else {
        self.values[key] = source
      }
    }
    self.names = names.filter { !publicValues.contains($0.key) }
    for key in Array(self.values.keys) + Array(self.names.keys) {
      tokenFilter.insert(Self.tokenHash(key.utf8))
      if key.utf8.allSatisfy({ ($0 >= 97 && $0 <= 122) || ($0 >= 65 && $0 <= 90) }) { hasLetterOnlyValues = true }
    }
  }

  /// Content files the index had to read and could not: the index is
  /// incomplete, and no audit made with it may call a tree clean.
  public var gaps: [String] = []
  /// The fingerprint of the content's non-public set (`NonPublicFingerprint`).
  public var fingerprint = ""

  public var runCount: Int { runs.count }
  public var valueCount: Int { values.count + names.count + phones.count }
}

/// Collects a `LeakIndex` meeting by meeting; safe to feed from several threads.
public final class LeakIndexBuilder: @unchecked Sendable {
  private let lock = NSLock()
  private var nonPublic: [UInt64: LeakIndex.Source] = [:]
  private var publicRuns = Set<UInt64>()
  private var values: [String: LeakIndex.Source] = [:]
  private var names: [String: LeakIndex.Source] = [:]
  private var publicValues = Set<String>()
  let files: ContentFiles
  let scheme: ExemptionScheme
  /// Content files that could not be read (a PDF without `pdftotext`).
  public let gaps = AuditGaps()
  /// The fingerprint of what `collect` finds non-public, meeting by meeting.
  public let fingerprint = NonPublicFingerprint()

  public init(root: String, site: Site, templates: String? = nil) {
    files = ContentFiles(root: root)
    scheme = site.exemptionScheme
    var boilerplate = [site.exemptionScheme.motion, site.exemptionScheme.placeholder(for: [1])]
    boilerplate += site.exemptionScheme.paragraphs.values.sorted()
    boilerplate.append(site.organisation)
    if let templates, let enumerator = FileManager.default.enumerator(atPath: templates) {
      for case let file as String in enumerator where file.hasSuffix(".mustache") {
        if let data = FileManager.default.contents(atPath: templates + "/" + file) {
          boilerplate.append(String(decoding: data, as: UTF8.self))
        }
      }
    }
    var batch = Batch()
    batch.addPublic(boilerplate.joined(separator: "\n"))
    merge(batch)
  }

  /// Contact details that are public anyway (a committee clerk's).
  public func addPublicValues(_ list: [String]) {
    var batch = Batch()
    batch.addPublicValues(list)
    merge(batch)
  }

  /// What is public before any meeting is added: the boilerplate's runs
  /// and the public values.
  var publicSnapshot: (runs: Set<UInt64>, values: Set<String>) {
    lock.lock()
    defer { lock.unlock() }
    return (publicRuns, publicValues)
  }

  /// Adds one loaded meeting: what is public to the allowed text, what is
  /// not to the index. Front-matter values are indexed one by one (never
  /// joined across keys), so runs match only text a reader could see.
  public func add(_ loaded: LoadedMeeting) {
    var batch = Batch()
    collect(loaded.meeting, sources: loaded.sources, into: &batch)
    fingerprint.add(loaded.meeting.id, batch)
    merge(batch)
  }

  /// Adds a batch under the lock; the first source of a run or value wins.
  func merge(_ batch: Batch) {
    let runs = batch.publicRuns
    let allPublicValues = batch.allPublicValues
    lock.lock()
    publicRuns.formUnion(runs)
    publicValues.formUnion(allPublicValues)
    for (hash, source) in batch.nonPublic where nonPublic[hash] == nil { nonPublic[hash] = source }
    for (key, source) in batch.values where values[key] == nil { values[key] = source }
    for (key, source) in batch.names where names[key] == nil { names[key] = source }
    lock.unlock()
  }

  /// What one meeting adds, gathered without the lock. Public text is kept
  /// as it is and read only when asked for: most audits never need it.
  struct Batch {
    var publicTexts: [String] = []
    var publicFieldRuns: [UInt64] = []
    var publicValues: [String] = []
    var nonPublic: [(UInt64, LeakIndex.Source)] = []
    var values: [(String, LeakIndex.Source)] = []
    var names: [(String, LeakIndex.Source)] = []

    mutating func addPublic(_ text: String) {
      publicTexts.append(text)
    }

    /// A short public value (a title, a summary): read at once, as the
    /// agenda of every page of the meeting shows it.
    mutating func addPublicField(_ text: String) {
      Shingles.forEachRun(text) { hash, _ in publicFieldRuns.append(hash) }
      publicValues += LeakIndexBuilder.emails(in: text).map { $0.lowercased() }
    }

    /// The runs of the public text and fields.
    var publicRuns: Set<UInt64> {
      var runs = Set(publicFieldRuns)
      for text in publicTexts { Shingles.forEachRun(text) { hash, _ in runs.insert(hash) } }
      return runs
    }

    /// The explicit public values and the e-mail addresses of the public text.
    var allPublicValues: [String] {
      publicValues + publicTexts.flatMap { LeakIndexBuilder.emails(in: $0).map { $0.lowercased() } }
    }

    mutating func addPublicValues(_ list: [String]) {
      publicValues += list.map { $0.lowercased().trimmingCharacters(in: .whitespaces) }
    }

    /// The non-public texts as added, by file (references, not copies).
    var nonPublicTexts: [(path: String, text: String)] = []

    mutating func addNonPublic(_ text: String, path: String, firstLine: Int = 1) {
      nonPublicTexts.append((path, text))
      Shingles.forEachRun(text) { hash, line in
        nonPublic.append((hash, LeakIndex.Source(path: path, line: firstLine + line - 1)))
      }
    }

    mutating func addValue(_ value: String, path: String, line: Int = 1, isName: Bool = false) {
      let key = value.lowercased().trimmingCharacters(in: .whitespaces)
      guard key.count >= 6 else { return }
      if isName {
        names.append((key, LeakIndex.Source(path: path, line: line)))
      } else {
        values.append((key, LeakIndex.Source(path: path, line: line)))
      }
    }
  }

  /// Collects one meeting from its sources as written: the bodies and
  /// front-matter values the clerk wrote, not what the model made of them.
  func collect(_ meeting: Meeting, sources: MeetingSources, into batch: inout Batch) {
    let isDraft = !meeting.status.isPublished
    for item in meeting.items {
      let source = sources[item]
      let body = source.body.text
      let fields = Self.fieldTexts(item, source)
      guard isDraft || item.access == .exempt else {
        batch.addPublic(body)
        for field in fields { batch.addPublicField(field.text) }
        for appendix in item.appendices { batch.addPublic(appendixText(appendix) ?? "") }
        batch.addPublicValues(item.authors.flatMap { [$0.email, $0.phone].compactMap { $0 } })
        batch.addPublicValues(filesUnder(files.itemFolder(item)).map { ($0 as NSString).lastPathComponent })
        continue
      }
      batch.addNonPublic(body, path: item.path, firstLine: source.body.line)
      // Each key is public or not on an exempt item by its declaration
      // (`ItemKey`), so a key added later is covered without a change here.
      for field in fields where isDraft || !ItemKey.isPublicOnExemptItem(field.key) {
        batch.addNonPublic(field.text, path: item.path, firstLine: field.line)
      }
      if !isDraft {
        // An exempt item's agenda entry and placeholder sentence are public.
        batch.addPublicField(scheme.placeholder(for: item.exemptParagraphs))
        for field in fields where ItemKey.isPublicOnExemptItem(field.key) { batch.addPublicField(field.text) }
      }
      let folder = files.itemFolder(item)
      batch.addValue((folder as NSString).lastPathComponent, path: item.path, isName: true)
      for author in item.authors {
        for value in [author.email, author.phone].compactMap({ $0 }) {
          batch.addValue(value, path: item.path, line: item.location(of: "authors").line)
        }
      }
      for file in filesUnder(folder) {
        batch.addValue((file as NSString).lastPathComponent, path: file, isName: true)
        if let text = fileText(file) { batch.addNonPublic(text, path: file) }
      }
      for email in Self.emails(in: body) { batch.addValue(email, path: item.path) }
    }
    for minutes in [meeting.minutes, meeting.nonPublicMinutes].compactMap({ $0 }) {
      let raw = sources[minutes]
      if isDraft || minutes.access == .exempt {
        batch.addNonPublic(raw.text, path: minutes.path, firstLine: raw.line)
      } else {
        batch.addPublic(raw.text)
      }
    }
  }

  /// Adds the minutes a plan binds in from other meetings (`minutes-of`),
  /// whose sources the processor keeps beside the meeting's own.
  func collectBoundMinutes(_ plan: MeetingPlan, sources: MeetingSources, into batch: inout Batch) {
    for item in plan.items {
      guard let embedded = item.content?.embeddedMinutes, embedded.meeting != plan.id else { continue }
      let minutes = embedded.minutes
      let raw = sources[minutes]
      if item.access == .exempt || minutes.access == .exempt {
        batch.addNonPublic(raw.text, path: minutes.path, firstLine: raw.line)
      } else {
        batch.addPublic(raw.text)
      }
    }
  }

  /// Each front-matter value on its own, as written (every scalar of
  /// every key), and the markdown ones also as a reader sees them.
  static func fieldTexts(_ item: AgendaItem, _ source: MeetingSources.Item) -> [MeetingSources.Field] {
    var fields = source.fields
    for (key, document) in [("summary", item.summary), ("exempt-reason", item.exemptReason)] {
      guard let document else { continue }
      fields.append(MeetingSources.Field(key: key, text: document.plainText, line: item.location(of: key).line))
    }
    return fields
  }

  /// Public text of an appendix, so quoting it elsewhere is not a leak.
  func appendixText(_ appendix: Appendix) -> String? { fileText(appendix.path) }

  /// The text of a file as a reader would extract it: markdown and CSV
  /// as they are, PDFs through `pdftotext`.
  func fileText(_ path: String) -> String? {
    let lower = path.lowercased()
    if lower.hasSuffix(".pdf") { return PDFText.read(files.absolute(path), name: path, gaps: gaps) }
    if lower.hasSuffix(".md") || lower.hasSuffix(".csv") || lower.hasSuffix(".txt") { return try? files.readText(path) }
    return nil
  }

  func filesUnder(_ folder: String) -> [String] {
    files.entries(under: folder).filter { if case .file = $0.kind { return true } else { return false } }.map(\.path)
  }

  /// E-mail addresses in `text`, found from each `@` outwards (bytes, one pass).
  static func emails(in text: String) -> [String] {
    var found: [String] = []
    var text = text
    text.withUTF8 { bytes in
      func isLocal(_ byte: UInt8) -> Bool {
        (byte >= 97 && byte <= 122) || (byte >= 65 && byte <= 90) || (byte >= 48 && byte <= 57) || byte == 46 || byte == 95
          || byte == 37 || byte == 43 || byte == 45
      }
      for index in 0..<bytes.count where bytes[index] == 64 {
        var start = index
        while start > 0 && isLocal(bytes[start - 1]) { start -= 1 }
        var end = index + 1
        while end < bytes.count && isLocal(bytes[end]) && bytes[end] != 43 && bytes[end] != 37 { end += 1 }
        while end > index + 1 && bytes[end - 1] == 46 { end -= 1 }
        guard start < index, end > index + 1, bytes[(index + 1)..<end].contains(46) else { continue }
        found.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
      }
    }
    return found
  }

  /// The finished index: non-public runs that no public text contains.
  public func finish() -> LeakIndex {
    lock.lock()
    defer { lock.unlock() }
    var index = LeakIndex(nonPublic: nonPublic, isPublicRun: publicRuns.contains, values: values, names: names, publicValues: publicValues)
    index.gaps = gaps.all
    index.fingerprint = fingerprint.value
    return index
  }
}
