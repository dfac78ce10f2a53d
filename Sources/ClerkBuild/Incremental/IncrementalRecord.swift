import ClerkAudit
import ClerkCore
import ClerkRender
import ClerkIntegrity
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// What a build keeps beside its output (`clerk-incremental.json`, outside
/// `public/`: it holds the audit's memory of non-public text) so the next
/// build into the same folder renders only the meetings whose inputs
/// changed, and carries the others' files over.
struct IncrementalRecord {
  static let fileName = "clerk-incremental.json"

  /// `BuildInputs.site` of the build that wrote it.
  var site: String
  /// The build's `--today`: a meeting's check depends on it (`todayDates`).
  var today: CalendarDate
  /// `NonPublicFingerprint.value` of that build.
  var nonPublicFingerprint: String
  /// By meeting path.
  var meetings: [String: Meeting]
  /// The archive outputs (index and committee pages, feeds, calendars…).
  var archive: Archive?

  /// The archive outputs of a build, and the key of what they were made from.
  struct Archive: Codable {
    /// `ArchiveKey.of`: the site, today, and every meeting's summaries.
    var key: String
    /// The files, in both trees (`public/…`, `non-public/…`).
    var files: [File]
  }

  /// One meeting as the build that rendered it left it.
  struct Meeting: Codable {
    /// `BuildInputs.key(of:)` when it was rendered.
    var key: String
    /// The meetings whose minutes its items name (`minutes-of`), by path.
    var references: [String]
    /// Dates its check compares with today (`exempt-until`, `released`).
    var todayDates: [CalendarDate]
    /// Its problems (warnings: a build with errors keeps no record).
    var diagnostics: [Diagnostic]
    /// A draft left out for its errors.
    var heldBack: Bool
    /// Its published agenda numbers, by item slug.
    var numbers: [String: String]?
    /// `PackSources.digest` of its pack, when PDFs were printed.
    var packSources: String?
    /// What its audit left for the end pass; nil when it was not audited.
    var audit: BuildAudit.Memory?
    /// Its files in both trees (`public/…`, `non-public/…`).
    var files: [File]
    /// Its final summaries (after the PDFs), written after the JSON of the
    /// rest on its line, as they are.
    var summaries: RecordedSummaries?

    enum CodingKeys: String, CodingKey {
      case key, references, todayDates, diagnostics, heldBack, numbers, packSources, audit, files
    }

    init(
      key: String, references: [String], todayDates: [CalendarDate], diagnostics: [Diagnostic], heldBack: Bool,
      numbers: [String: String]?, packSources: String?, audit: BuildAudit.Memory?, files: [File],
      summaries: RecordedSummaries? = nil
    ) {
      self.key = key
      self.references = references
      self.todayDates = todayDates
      self.diagnostics = diagnostics
      self.heldBack = heldBack
      self.numbers = numbers
      self.packSources = packSources
      self.audit = audit
      self.files = files
      self.summaries = summaries
    }

    /// As the synthesised decoder, but the files are decoded as the list of
    /// strings they are written as, then split: a file decoded on its own
    /// costs `JSONDecoder` a decoder each, and a record has tens of thousands.
    init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      let files = try container.decode([String].self, forKey: .files).map { text in
        guard let file = File(text) else {
          throw DecodingError.dataCorruptedError(forKey: .files, in: container, debugDescription: "not a file: \(text)")
        }
        return file
      }
      self.init(
        key: try container.decode(String.self, forKey: .key),
        references: try container.decode([String].self, forKey: .references),
        todayDates: try container.decode([CalendarDate].self, forKey: .todayDates),
        diagnostics: try container.decode([Diagnostic].self, forKey: .diagnostics),
        heldBack: try container.decode(Bool.self, forKey: .heldBack),
        numbers: try container.decodeIfPresent([String: String].self, forKey: .numbers),
        packSources: try container.decodeIfPresent(String.self, forKey: .packSources),
        audit: try container.decodeIfPresent(BuildAudit.Memory.self, forKey: .audit), files: files)
    }
  }

  /// A file as the build left it: a later build carries it over only while
  /// its size, and its modification time (`OutputTimes`), are unchanged.
  /// Written as one string, `<sha256> <size> <path>`: there are tens of
  /// thousands.
  struct File: Codable, Equatable {
    var path: String
    var size: Int
    var sha256: String

    init(path: String, size: Int, sha256: String) {
      self.path = path
      self.size = size
      self.sha256 = sha256
    }

    init(from decoder: any Decoder) throws {
      let text = try decoder.singleValueContainer().decode(String.self)
      guard let file = File(text) else {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a file: \(text)"))
      }
      self = file
    }

    /// A file as written: `<sha256> <size> <path>`.
    init?(_ text: String) {
      let parts = text.utf8.split(separator: UInt8(ascii: " "), maxSplits: 2).map { String(Substring($0)) }
      guard parts.count == 3, let size = Int(parts[1]) else { return nil }
      self.init(path: parts[2], size: size, sha256: parts[0])
    }

    /// The paths of those of `files` in `public/`, relative to it (as the audit names them).
    static func publicPaths(_ files: [File]) -> [String] {
      let prefix = SiteBuilder.publicTree + "/"
      return files.map(\.path).filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode("\(sha256) \(size) \(path)")
    }
  }

  /// The exempt runs of every meeting's audit, as bytes, beside the record.
  static let runsFileName = "clerk-incremental.runs"

  /// Which record this is: its two files' stamps (`identity`) as read;
  /// `OutputTimes` names the one they go with.
  var digest = ""
  /// Each meeting's line as read, by path: a meeting carried over writes
  /// the same line again rather than encoding it anew.
  var lines: [String: Data] = [:]

  /// The first line: what is not a meeting.
  struct Header: Codable {
    var site: String
    var today: CalendarDate
    var nonPublicFingerprint: String
    var archive: Archive?

    enum CodingKeys: String, CodingKey {
      case site, today, archive
      case nonPublicFingerprint = "non-public-fingerprint"
    }
  }

  init(
    site: String, today: CalendarDate, nonPublicFingerprint: String, meetings: [String: Meeting], archive: Archive? = nil
  ) {
    self.site = site
    self.today = today
    self.nonPublicFingerprint = nonPublicFingerprint
    self.meetings = meetings
    self.archive = archive
  }

  /// The record of the build in `folder`, when there is one this clerk can
  /// read, each meeting's exempt runs where its runs file has them. The
  /// record is a line of JSON for the header, then one per meeting, in path
  /// order: `<path> <first run> <run count> <summaries' length> <JSON><summaries>`
  /// (the runs are in `runsFileName`; the summaries are `RecordedSummaries`
  /// bytes, kept as they are). Meetings are decoded on every core.
  static func read(_ folder: String) -> IncrementalRecord? {
    let descriptor = open(folder + "/" + fileName, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    var status = stat()
    guard fstat(descriptor, &status) == 0, let data = try? handle.readToEnd(),
      let runs = RunStore(reading: folder + "/" + runsFileName), let runsStatus = runs.status()
    else { return nil }
    let lines = ByteLines.lines(data)
    guard let first = lines.first, let header = try? JSONDecoder().decode(Header.self, from: first) else { return nil }
    let meetingLines = Array(lines.dropFirst())
    let decoded = ResultSlots<(String, Data, Meeting)>(count: meetingLines.count)
    ParallelWork.run(count: meetingLines.count, width: ProcessInfo.processInfo.activeProcessorCount) { offset in
      let line = meetingLines[offset]
      let parts = line.split(separator: UInt8(ascii: " "), maxSplits: 4)
      guard parts.count == 5, let start = Int(String(decoding: parts[1], as: UTF8.self)),
        let count = Int(String(decoding: parts[2], as: UTF8.self)), start >= 0, count >= 0, start + count <= runs.count,
        let length = Int(String(decoding: parts[3], as: UTF8.self)), length >= 0, length <= parts[4].count,
        var meeting = try? JSONDecoder().decode(Meeting.self, from: parts[4].dropLast(length))
      else { return }
      meeting.audit?.exemptRuns = StoredRuns(store: runs, span: RunStore.Span(start: start, count: count))
      if length > 0 { meeting.summaries = RecordedSummaries(json: Data(parts[4].suffix(length))) }
      decoded.set(offset, (String(decoding: parts[0], as: UTF8.self), Data(parts[4]), meeting))
    }
    let values = decoded.values
    guard values.count == meetingLines.count else { return nil }
    var record = IncrementalRecord(
      site: header.site, today: header.today, nonPublicFingerprint: header.nonPublicFingerprint, meetings: [:],
      archive: header.archive)
    for (path, line, meeting) in values {
      record.meetings[path] = meeting
      record.lines[path] = line
    }
    record.digest = identity(record: FileStamp(status), runs: FileStamp(runsStatus))
    return record
  }

  /// Writes the record and its runs file into `folder`, a line at a time
  /// (sorted keys: the same build writes the same bytes); returns the
  /// digest `OutputTimes` names, or nil when a file could not be written.
  /// A meeting in `unchanged` (carried over as it was) has its line of the
  /// `earlier` record written again.
  func write(into folder: String, reusing earlier: IncrementalRecord? = nil, unchanged: Set<String> = []) -> String? {
    write(into: folder, reusing: earlier, unchanged: unchanged, keeping: false)?.identity
  }

  /// As `write(into:reusing:unchanged:)`; when `keeping`, also the record
  /// as `read` would return it from the files written (each meeting's runs
  /// read from the new runs file, its line as written), for a process that
  /// builds into the same folder again (`KeptBuild`).
  func write(
    into folder: String, reusing earlier: IncrementalRecord?, unchanged: Set<String>, keeping: Bool
  ) -> (identity: String, kept: IncrementalRecord?)? {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    func json<Value: Encodable>(_ value: Value) -> Data { (try? encoder.encode(value)) ?? Data() }
    guard let text = FileWriter(folder + "/" + Self.fileName), let runs = FileWriter(folder + "/" + Self.runsFileName) else {
      return nil
    }
    func line(_ data: Data) {
      text.write(data)
    }
    line(
      json(Header(site: site, today: today, nonPublicFingerprint: nonPublicFingerprint, archive: archive)) + Data("\n".utf8))
    var written = 0
    var spans: [String: RunStore.Span] = [:]
    var lines: [String: Data] = [:]
    // Each meeting's JSON is encoded on every core (a full build encodes
    // them all), then written in path order.
    let paths = meetings.keys.sorted()
    let bodies = ResultSlots<Data>(count: paths.count)
    let meetings = meetings
    ParallelWork.chunks(count: paths.count, width: ProcessInfo.processInfo.activeProcessorCount) { _, range in
      let encoder = JSONEncoder()
      encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
      for offset in range {
        let path = paths[offset]
        let meeting = meetings[path]!
        let summaries = meeting.summaries?.json ?? Data()
        let reused = unchanged.contains(path) ? earlier?.lines[path] : nil
        bodies.set(offset, reused ?? ((try? encoder.encode(meeting)) ?? Data()) + summaries)
      }
    }
    let encoded = bodies.values
    for (offset, path) in paths.enumerated() {
      let meeting = meetings[path]!
      let exempt = meeting.audit.map { $0.exemptRuns?.runs } ?? []
      guard let exempt else { return nil }  // runs that cannot be read: no record
      let bytes = RunStore.bytes(exempt)
      runs.write(bytes)
      let summaries = meeting.summaries?.json ?? Data()
      let body = encoded[offset]
      line(Data("\(path) \(written) \(exempt.count) \(summaries.count) ".utf8) + body + Data("\n".utf8))
      if keeping {
        spans[path] = RunStore.Span(start: written, count: exempt.count)
        lines[path] = body
      }
      written += exempt.count
    }
    guard text.close(), runs.close(), let identity = Self.identity(in: folder) else { return nil }
    guard keeping, let store = RunStore(reading: folder + "/" + Self.runsFileName) else { return (identity, nil) }
    var kept = self
    kept.lines = lines
    kept.digest = identity
    for (path, span) in spans { kept.meetings[path]?.audit?.exemptRuns = StoredRuns(store: store, span: span) }
    return (identity, kept)
  }

  /// A record's identity: the stamps (inode, size, modification and
  /// change times) of its two files as the build that wrote them left
  /// them. Another record, or one written over, by hand or by a build,
  /// has another: a change time cannot be set back. (Hashing the files
  /// read 28 MB on every build of the medium bench archive.)
  static func identity(record: FileStamp, runs: FileStamp) -> String {
    [record, runs].map { "\($0.inode) \($0.size) \($0.modified) \($0.changed)" }.joined(separator: " ")
  }

  /// The identity of the record in `folder`, from its files' `lstat`; nil without one.
  static func identity(in folder: String) -> String? {
    guard let record = FileStamp.of(folder + "/" + fileName), let runs = FileStamp.of(folder + "/" + runsFileName)
    else { return nil }
    return identity(record: record, runs: runs)
  }
}

/// Writes a file in pieces; remembers whether every piece was written.
final class FileWriter {
  private let handle: FileHandle
  private var failed = false

  init?(_ path: String) {
    guard FileManager.default.createFile(atPath: path, contents: nil), let handle = FileHandle(forWritingAtPath: path) else {
      return nil
    }
    self.handle = handle
  }

  func write(_ data: Data) {
    guard !failed else { return }
    do { try handle.write(contentsOf: data) } catch { failed = true }
  }

  /// Closes the file: true when everything was written.
  func close() -> Bool {
    do { try handle.close() } catch { failed = true }
    return !failed
  }
}
