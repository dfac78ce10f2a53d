import ClerkCore
import Foundation

/// Finds non-public text pasted into public sources: any run of eight words
/// of an exempt item (body, non-public front matter, files) or of
/// non-public minutes that also appears in a published meeting's public
/// item (body, summary, exempt-reason, appendices including PDF text) or
/// public minutes. The build's audit cannot see such text, because public
/// source is public by definition; a monitoring officer must.
///
/// Not reported: runs that are also template or statutory text, runs that
/// appear in two or more public files (boilerplate such as "the report of
/// the Director of Children's Services"), the agenda's own numbered
/// titles, an exempt item's own public fields, and quotes a public item acknowledges with
/// `quotes-exempt: [<non-public file>]` (listed in the summary instead).
///
/// Two passes: the non-public runs of the whole archive first (exempt
/// items and non-public minutes only, so cheap), kept sorted by hash
/// behind a bitmap; then each meeting's public sources as the build
/// processes it, on its worker thread.
public final class PastedText: @unchecked Sendable {
  struct Entry {
    var hash: UInt64
    var file: Int32
    var line: Int32
  }

  /// A public run found in the non-public set.
  public struct Found: Sendable {
    var hash: UInt64
    /// The same run with numbers and months masked (`Shingles`, `masked`).
    var masked: UInt64
    var at: SourceLocation
    /// The line the public text starts on (with `at.path`, which text), and
    /// the run's place in it (the n-th run).
    var textLine: Int
    var run: Int
    /// The non-public files the public item says it quotes.
    var acknowledging: Set<String>
  }

  /// The shortest shared passage reported, in words.
  static let minimumWords = 14

  private let entries: [Entry]
  /// Every non-public run, for an exact answer where the filter may err.
  private let members: Set<UInt64>
  private let files: [String]
  private let filter: HashFilter
  /// Reads content files as the audit does (PDFs through `pdftotext`).
  private let reader: LeakIndexBuilder

  /// Masked runs of every public file: a run whose masked form is in two
  /// or more public files is a formula ("… minutes of the meeting held on
  /// 11 November 2025 be approved as a correct record"), not a paste.
  private let formulas: FileCounts
  /// The same for non-public files: a run whose masked form several
  /// exempt reports share is their house style, not one report's words.
  private let nonPublicCommon: FileCounts

  private let lock = NSLock()
  /// Hash → the public files that have it (two are enough) and its first sighting.
  private var sightings: [UInt64: (files: [String], found: Found)] = [:]

  /// With `enabled` false, the check does nothing (no pass, no reports).
  public init(index: ArchiveIndex, templates: String?, enabled: Bool = true) {
    // Disabled, it reads no templates either: the boilerplate is unused.
    let builder = LeakIndexBuilder(root: index.root, site: index.site, templates: enabled ? templates : nil)
    let boilerplate = builder.publicSnapshot.runs
    reader = builder
    formulas = FileCounts(bits: enabled ? 28 : 6)
    let nonPublicFormulas = FileCounts(bits: enabled ? 26 : 6)
    nonPublicCommon = nonPublicFormulas
    let loader = MeetingLoader(index: index)
    let count = enabled ? index.meetings.count : 0
    let collected = ResultSlots<[(UInt64, LeakIndex.Source)]>(count: count)
    ParallelWork.run(count: count, width: 4) { offset in
      let loaded = loader.loadNonPublicParts(index.meetings[offset])
      var batch = LeakIndexBuilder.Batch()
      builder.collect(loaded.meeting, sources: loaded.sources, into: &batch)
      var maskedByFile: [String: Set<UInt64>] = [:]
      for (path, text) in batch.nonPublicTexts {
        Shingles.forEachRun(text, masked: true) { hash, _ in maskedByFile[path, default: []].insert(hash) }
      }
      nonPublicFormulas.count(maskedByFile.values)
      let publicFields = Set(batch.publicFieldRuns)
      collected.set(offset, batch.nonPublic.filter { !publicFields.contains($0.0) && !boilerplate.contains($0.0) })
    }
    var files: [String] = []
    var numbers: [String: Int32] = [:]
    var entries: [Entry] = []
    for (hash, source) in collected.values.joined() {
      let number = numbers[source.path] ?? {
        files.append(source.path)
        numbers[source.path] = Int32(files.count - 1)
        return Int32(files.count - 1)
      }()
      entries.append(Entry(hash: hash, file: number, line: Int32(clamping: source.line)))
    }
    entries.sort { ($0.hash, $0.file, $0.line) < ($1.hash, $1.file, $1.line) }
    let filter = HashFilter(bits: LeakScanner.filterBits(for: entries.count))
    for entry in entries { filter.insert(entry.hash) }
    self.entries = entries
    members = Set(entries.map(\.hash))
    self.files = files
    self.filter = filter
  }

  /// Where `hash` is non-public (its first source), or nil.
  func source(of hash: UInt64) -> LeakIndex.Source? {
    var low = 0
    var high = entries.count
    while low < high {
      let middle = (low + high) / 2
      if entries[middle].hash < hash { low = middle + 1 } else { high = middle }
    }
    guard low < entries.count, entries[low].hash == hash else { return nil }
    return LeakIndex.Source(path: files[Int(entries[low].file)], line: Int(entries[low].line))
  }

  /// The public runs of one published meeting that are non-public
  /// elsewhere. Safe to call from several threads.
  /// The agenda itself ("9. Title", for every item, exempt ones included)
  /// is public: minutes that head a section with it quote nothing.
  public func scan(_ meeting: Meeting, sources: MeetingSources, plan: MeetingPlan) -> [Found] {
    guard meeting.status.isPublished, !entries.isEmpty else { return [] }
    var agenda = Set<UInt64>()
    for item in plan.items {
      Shingles.forEachRun("\(item.number). \(item.title)") { hash, _ in agenda.insert(hash) }
    }
    var found: [Found] = []
    var maskedByFile: [String: Set<UInt64>] = [:]
    func look(_ text: String, path: String, firstLine: Int, acknowledging: Set<String>) {
      var masked: [UInt64] = []
      Shingles.forEachRun(text, masked: true) { hash, _ in masked.append(hash) }
      maskedByFile[path, default: []].formUnion(masked)
      var index = 0
      Shingles.forEachRun(text) { hash, line in
        defer { index += 1 }
        guard filter.mayContain(hash), members.contains(hash), !agenda.contains(hash) else { return }
        found.append(
          Found(
            hash: hash, masked: index < masked.count ? masked[index] : hash,
            at: SourceLocation(path: path, line: firstLine + line - 1), textLine: firstLine, run: index,
            acknowledging: acknowledging))
      }
    }
    for item in meeting.items {
      let acknowledged = Set(item.quotesExempt)
      let source = sources[item]
      for field in LeakIndexBuilder.fieldTexts(item, source)
      where item.access == .public || ItemKey.isPublicOnExemptItem(field.key) {
        look(field.text, path: item.path, firstLine: field.line, acknowledging: acknowledged)
      }
      guard item.access == .public else { continue }
      look(source.body.text, path: item.path, firstLine: source.body.line, acknowledging: acknowledged)
      for appendix in item.appendices {
        guard let text = reader.fileText(appendix.path) else { continue }
        look(text, path: appendix.path, firstLine: 1, acknowledging: acknowledged)
      }
    }
    if let minutes = meeting.minutes, minutes.access == .public {
      let raw = sources[minutes]
      look(raw.text, path: minutes.path, firstLine: raw.line, acknowledging: [])
    }
    formulas.count(maskedByFile.values)
    return found
  }

  /// Records what `scan` found in one meeting.
  public func record(_ found: [Found]) {
    lock.lock()
    defer { lock.unlock() }
    for hit in found {
      if var sighting = sightings[hit.hash] {
        if sighting.files.count < 2, !sighting.files.contains(hit.at.path) { sighting.files.append(hit.at.path) }
        if hit.at < sighting.found.at, sighting.files.count < 2 { sighting.found = hit }
        sightings[hit.hash] = sighting
      } else {
        sightings[hit.hash] = ([hit.at.path], hit)
      }
    }
  }

  /// The report: a warning per pasted passage (per public line and
  /// non-public file), and the acknowledged quotes, "public quotes non-public".
  public func report() -> (warnings: [Diagnostic], acknowledged: [String]) {
    lock.lock()
    defer { lock.unlock() }
    // Runs that only this public file shares with non-public text, and
    // that are no formula; then passages of them, run after run.
    let rare = sightings.values.compactMap { sighting -> (found: Found, source: LeakIndex.Source)? in
      guard sighting.files.count == 1, !formulas.isCommon(sighting.found.masked), !nonPublicCommon.isCommon(sighting.found.masked),
        let source = source(of: sighting.found.hash), source.path != sighting.found.at.path
      else { return nil }
      return (sighting.found, source)
    }
    let byText = Dictionary(grouping: rare) { "\($0.found.at.path):\($0.found.textLine)|\($0.source.path)" }
    var warnings: [String: Diagnostic] = [:]
    var acknowledged = Set<String>()
    for (_, hits) in byText {
      var chain: [(found: Found, source: LeakIndex.Source)] = []
      func endChain() {
        defer { chain = [] }
        guard let (hit, source) = chain.first, chain.count + Shingles.width - 1 >= Self.minimumWords else { return }
        if hit.acknowledging.contains(source.path) {
          acknowledged.insert("\(hit.at.path) quotes \(source.path)")
          return
        }
        let key = "\(hit.at.path):\(hit.at.line)|\(source.path)"
        let warning = Diagnostic(
          .warning,
          "\(chain.count + Shingles.width - 1) words here are also in non-public \(source.path):\(source.line); remove them, or, if this public quote is deliberate, add '\(source.path)' to 'quotes-exempt' in the item's front matter",
          at: hit.at)
        if let existing = warnings[key], let at = existing.location, at <= hit.at { return }
        warnings[key] = warning
      }
      for hit in hits.sorted(by: { $0.found.run < $1.found.run }) {
        if let last = chain.last, last.found.run != hit.found.run - 1 { endChain() }
        chain.append(hit)
      }
      endChain()
    }
    // Columns cost a second read of the line: the first reports get them.
    let sorted = Diagnostics(warnings.values).sorted
    return (sorted.prefix(200).map(withColumn) + sorted.dropFirst(200), acknowledged.sorted())
  }

  /// The column of a reported run, found by reading its line again (the
  /// scan itself counts lines only): the careful path, for the few reports.
  func withColumn(_ warning: Diagnostic) -> Diagnostic {
    guard let at = warning.location, at.column == 1, let text = reader.fileText(at.path) else { return warning }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
    let number = at.line
    guard number >= 1, number <= lines.count else { return warning }
    let passage = lines[(number - 1)...].prefix(40).joined(separator: "\n")
    var wanted = Set<UInt64>()
    Shingles.forEachRun(passage) { hash, line in
      if line == 1, filter.mayContain(hash), source(of: hash) != nil { wanted.insert(hash) }
    }
    guard let column = Shingles.places(of: wanted, in: passage).values.filter({ $0.line == 1 }).map(\.column).min() else {
      return warning
    }
    var located = warning
    located.location?.column = column
    return located
  }
}
