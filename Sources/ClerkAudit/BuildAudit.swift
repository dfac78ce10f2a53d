import ClerkCore
import Foundation

/// The build's own audit, done on the worker threads while each meeting's
/// pages are still in memory, so no page is read back from disk.
///
/// A meeting's public pages are rendered from its public plan, the site's
/// settings and the templates, nothing else; so they are checked against
/// every non-public text the meeting's full plan holds: its exempt items,
/// their files and authors, its non-public minutes, and minutes it binds
/// in from other meetings; and so are the files it publishes. Runs that
/// the meeting's public text also has are dropped first, so quoting a
/// public report is not a leak.
///
/// What no meeting rendered or published (index and committee pages,
/// assets, every file name) is checked at the end against the
/// non-public runs of the whole archive, and any match is confirmed with
/// the full index `clerk audit` uses.
public final class BuildAudit: @unchecked Sendable {
  let collector: LeakIndexBuilder
  let boilerplate: (runs: Set<UInt64>, values: Set<String>)
  let archive: ArchiveIndex
  let templates: String?

  /// Files the audit could not read: content (through the collector) and
  /// published files alike. Any entry fails the build.
  public var gaps: AuditGaps { collector.gaps }
  /// The fingerprint of the archive's non-public set, once every meeting is audited.
  public var fingerprint: String { collector.fingerprint.value }

  private let lock = NSLock()
  /// Every meeting's exempt runs, for the end pass (nil when no file could be made).
  private let exemptRuns = RunStore()
  private var exemptRunsLost = false
  private var values: [String: LeakIndex.Source] = [:]
  private var names: [String: LeakIndex.Source] = [:]
  private var publicValues = Set<String>()
  private var audited = Set<String>()
  /// Files whose names `auditRest` has checked.
  private var named = Set<String>()
  /// Runs of the agenda fields every published meeting shows the public
  /// (titles, summaries): public archive-wide, so a page that lists other
  /// meetings' agendas (a feed, a calendar) raises no suspect for them.
  private var publicFieldRuns = Set<UInt64>()
  /// With `recordHashes`, the FNV-1a hash of the bytes each public text
  /// file had when the audit read it (paths relative to `public/`).
  private var hashes: [String: UInt64] = [:]
  public var recordHashes = false
  /// With `keepsMemories`, what each meeting's audit left for the end
  /// pass, by meeting path: an incremental build keeps it.
  public private(set) var memories: [String: Memory] = [:]
  public var keepsMemories = false {
    didSet { memoryRuns = keepsMemories ? RunStore() : nil }
  }
  /// The exempt runs of `memories`, in a file.
  private var memoryRuns: RunStore?

  public init(archive: ArchiveIndex, templates: String?) {
    self.archive = archive
    self.templates = templates
    collector = LeakIndexBuilder(root: archive.root, site: archive.site, templates: templates)
    collector.addPublicValues(archive.publicContactValues)
    boilerplate = collector.publicSnapshot
    publicValues = boilerplate.values
  }

  /// Leaks in one meeting's public pages (HTML, paths relative to
  /// `public/`) and in the files it publishes (`copies`: where each is
  /// published, and the content file it is copied from; PDFs are read with
  /// `pdftotext`, once). Safe to call from several threads.
  /// `sources` are the meeting's files as written and the minutes its
  /// plan binds in (`MeetingResult.sources`).
  public func audit(
    _ meeting: Meeting, sources: MeetingSources, plan: MeetingPlan, pages: [(path: String, text: String)],
    copies: [(path: String, source: String)] = []
  ) -> [LeakScanner.Leak] {
    var batch = LeakIndexBuilder.Batch()
    collector.collect(meeting, sources: sources, into: &batch)
    collector.fingerprint.add(meeting.id, batch)
    collector.collectBoundMinutes(plan, sources: sources, into: &batch)

    var nonPublic = Dictionary(batch.nonPublic, uniquingKeysWith: { first, _ in first })
    // What the public may read anyway is not a leak: the boilerplate, the
    // agenda's titles and summaries, the public reports and minutes. The
    // non-public runs are few, so the public text is checked against them
    // rather than collected.
    for hash in batch.publicFieldRuns { nonPublic.removeValue(forKey: hash) }
    nonPublic = nonPublic.filter { !boilerplate.runs.contains($0.key) }
    if !nonPublic.isEmpty {
      let filter = HashFilter(bits: LeakScanner.filterBits(for: nonPublic.count))
      for hash in nonPublic.keys { filter.insert(hash) }
      for text in batch.publicTexts {
        for hash in filter.runs(of: text) { nonPublic.removeValue(forKey: hash) }
      }
    }
    // The end pass looks only for runs no public text of their own meeting
    // holds (a title an exempt report repeats is public), so the archive
    // pages that list those titles raise no suspects to confirm.
    let exempt = Array(nonPublic.keys)
    remember(batch, exempt: exempt, pages: pages.map(\.path) + copies.map(\.path))
    if keepsMemories {
      // Without its exempt runs kept, a meeting has no memory (and is rendered again next time).
      if let store = memoryRuns, let span = store.append(exempt.sorted()) {
        let memory = Memory(
          batch, exempt: StoredRuns(store: store, span: span), fingerprint: collector.fingerprint.part(of: meeting.id) ?? [])
        lock.lock()
        memories[meeting.id.path] = memory
        lock.unlock()
      }
    }
    record(pages)
    let values = Dictionary(batch.values, uniquingKeysWith: { first, _ in first })
    let names = Dictionary(batch.names, uniquingKeysWith: { first, _ in first })
    guard !pages.isEmpty || !copies.isEmpty, !nonPublic.isEmpty || !values.isEmpty || !names.isEmpty else { return [] }
    let scanner = LeakScanner(
      index: LeakIndex(
        nonPublic: nonPublic, isPublicRun: { _ in false }, values: values, names: names,
        publicValues: boilerplate.values.union(batch.allPublicValues)))
    var leaks = pages.flatMap { page in
      scanner.scanText(LeakScanner.readable(page.text, path: page.path), markup: LeakScanner.isMarkup(page.path)).map {
        LeakScanner.Leak(file: "public/" + page.path, source: $0)
      }
    }
    for copy in copies {
      guard let (text, markup) = LeakScanner.text(of: copy.source, relative: "public/" + copy.path, gaps: gaps) else { continue }
      leaks += scanner.scanText(LeakScanner.readable(text, path: copy.path), markup: markup).map { LeakScanner.Leak(file: "public/" + copy.path, source: $0) }
    }
    return Array(Set(leaks)).sorted()
  }

  /// Keeps what the end pass needs: the non-public runs (without their
  /// sources, which the confirming index finds again), values and names.
  private func remember(_ batch: LeakIndexBuilder.Batch, exempt: [UInt64], pages: [String]) {
    remember(
      exempt: exempt, publicFieldRuns: batch.publicFieldRuns, values: batch.values, names: batch.names,
      publicValues: batch.publicValues, pages: pages)
  }

  private func remember(
    exempt: [UInt64], publicFieldRuns fieldRuns: [UInt64], values newValues: [(String, LeakIndex.Source)],
    names newNames: [(String, LeakIndex.Source)], publicValues newPublicValues: [String], pages: [String]
  ) {
    lock.lock()
    defer { lock.unlock() }
    // Runs that could not be kept: the end pass then suspects every run.
    if exemptRuns?.append(exempt) == nil { exemptRunsLost = true }
    publicFieldRuns.formUnion(fieldRuns)
    for (key, source) in newValues where values[key] == nil { values[key] = source }
    for (key, source) in newNames where names[key] == nil { names[key] = source }
    publicValues.formUnion(newPublicValues)
    audited.formUnion(pages)
  }

  /// Puts back a meeting's part of the non-public fingerprint, as an
  /// earlier build recorded it (`Memory`).
  public func restoreFingerprint(_ meeting: MeetingID, _ memory: Memory) {
    collector.fingerprint.restore(meeting, part: memory.fingerprint)
  }

  /// Puts back what an earlier build's audit of a meeting left for the end
  /// pass (`memories`), for a meeting an incremental build does not render
  /// again: `files` are its public files (relative to `public/`), carried
  /// over unchanged from that build, which audited them.
  public func restore(_ meeting: MeetingID, _ memory: Memory, files: [String]) {
    restoreFingerprint(meeting, memory)
    remember(
      exempt: memory.exemptRuns?.runs ?? [], publicFieldRuns: memory.publicFieldRuns,
      values: memory.values.map { ($0.key, $0.source) }, names: memory.names.map { ($0.key, $0.source) },
      publicValues: memory.publicValues, pages: files)
    markCarried(files)
  }

  /// Public files (relative to `public/`) carried over unchanged from a
  /// build whose audit read them, and checked their names, against the
  /// same non-public set (the caller has shown the fingerprints equal):
  /// `auditRest` reads neither again.
  public func markCarried(_ paths: [String]) {
    lock.lock()
    audited.formUnion(paths)
    named.formUnion(paths)
    lock.unlock()
  }

  /// Remembers the hash of each text as audited, when asked to.
  private func record(_ texts: [(path: String, text: String)]) {
    guard recordHashes else { return }
    let computed = texts.map { ($0.path, Self.hash($0.text.utf8)) }
    lock.lock()
    for (path, hash) in computed { hashes[path] = hash }
    lock.unlock()
  }

  /// FNV-1a, 64 bits.
  public static func hash<Bytes: Sequence<UInt8>>(_ bytes: Bytes) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
    return hash
  }

  /// Every public file audited, with the hash of the bytes read (only
  /// with `recordHashes`): what a test compares with the files on disk.
  public var auditedHashes: [String: UInt64] {
    lock.lock()
    defer { lock.unlock() }
    return hashes
  }

  /// Pages changed after this audit read them (the meeting pages that get
  /// the PDF's page numbers): they are read again by `auditRest`, so what
  /// is published is exactly what was audited.
  public func invalidate(_ paths: [String]) {
    lock.lock()
    audited.subtract(paths)
    for path in paths { hashes[path] = nil }
    lock.unlock()
  }

  /// Files printed from pages this audit has read (the PDF packs): their
  /// names are still checked, their text is not read again. `clerk audit`
  /// reads them.
  public func markDerived(_ paths: [String]) {
    lock.lock()
    audited.formUnion(paths)
    lock.unlock()
  }

  /// Leaks in the rest of `root/public`: the files no audit read yet (no
  /// meeting audit, no earlier call: a file written after one call, the
  /// manifest say, is read by the next), and every file's name. Each such
  /// file is read once; its runs are looked up among the archive's
  /// non-public runs as these stream back from disk.
  public func auditRest(root: String) -> [LeakScanner.Leak] {
    lock.lock()
    var quickIndex = LeakIndex(
      nonPublic: [:], isPublicRun: { _ in false }, values: values, names: names, publicValues: publicValues)
    let skipping = audited
    let alreadyNamed = named
    let publicFields = publicFieldRuns
    let lostRuns = exemptRunsLost
    lock.unlock()
    let base = root + "/public/"
    let files = LeakScanner.files(under: root + "/public").filter { !alreadyNamed.contains($0) }
    let texts = files.filter { !skipping.contains($0) }.compactMap { relative -> (path: String, text: String, markup: Bool)? in
      LeakScanner.text(of: base + relative, relative: "public/" + relative, gaps: gaps).map { (relative, $0.0, $0.1) }
    }
    // PDFs and the compressed search index are read as the text they
    // hold, which is not their bytes: no hash to compare with the file.
    record(texts.filter { !$0.path.lowercased().hasSuffix(".pdf") && !SearchIndexText.isCompressed($0.path) }.map { ($0.path, $0.text) })
    // Read now: a later pass (the search index) reads only what is new.
    lock.lock()
    audited.formUnion(texts.map(\.path))
    named.formUnion(files)
    lock.unlock()
    let read = texts.map { (path: $0.path, text: LeakScanner.readable($0.text, path: $0.path), markup: $0.markup) }
    var wanted = Set<UInt64>()
    for file in read { Shingles.forEachRun(file.text, markup: file.markup) { hash, _ in wanted.insert(hash) } }
    var found = Set<UInt64>()
    if let exemptRuns, !lostRuns {
      // Millions of exempt runs against the few read here: a bit filter
      // of the wanted ones answers most lookups without hashing.
      let filter = HashFilter(bits: 22)
      for hash in wanted { filter.insert(hash) }
      exemptRuns.forEach { hash in if filter.mayContain(hash) && wanted.contains(hash) { found.insert(hash) } }
    } else {
      found = wanted  // nothing remembered: every run is a suspect
    }
    quickIndex.anonymousRuns = found.subtracting(boilerplate.runs).subtracting(publicFields)
    func leaks(_ scanner: LeakScanner, names: [String]) -> [LeakScanner.Leak] {
      let named = names.flatMap { relative in scanner.matchValues(in: relative).map { (relative, $0) } }
      let inText = read.flatMap { file in scanner.scanText(file.text, markup: file.markup).map { (file.path, $0) } }
      return (named + inText).map { LeakScanner.Leak(file: "public/" + $0.0, source: $0.1) }
    }
    let suspects = leaks(LeakScanner(index: quickIndex), names: files)
    guard !suspects.isEmpty else { return [] }
    // Confirm with the whole archive's public text, as `clerk audit` does.
    let precise = LeakScanner(index: LeakAudit.index(archive, templates: templates))
    return Array(Set(leaks(precise, names: files))).sorted()
  }
}
