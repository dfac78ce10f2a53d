import ClerkAudit
import ClerkCore
import ClerkRender
import Foundation

/// What a build keeps beside its output (`clerk-incremental.json`, outside
/// `public/`: it holds the audit's memory of non-public text) so the next
/// build into the same folder renders only the meetings whose inputs
/// changed, and carries the others' files over.
struct IncrementalRecord: Codable {
  static let fileName = "clerk-incremental.json"

  /// `BuildInputs.site` of the build that wrote it.
  var site: String
  /// The build's `--today`: a meeting's check depends on it (`todayDates`).
  var today: CalendarDate
  /// `NonPublicFingerprint.value` of that build.
  var nonPublicFingerprint: String
  /// By meeting path.
  var meetings: [String: Meeting]

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
    var publicSummary: MeetingSummary?
    var nonPublicSummary: MeetingSummary?
    /// What its audit left for the end pass; nil when it was not audited.
    var audit: BuildAudit.Memory?
    /// Where its exempt runs are in `runsFileName`: the first and the count.
    var exemptRuns: [Int]?
    /// Its files in both trees (`public/…`, `non-public/…`).
    var files: [File]
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
      let parts = text.split(separator: " ", maxSplits: 2)
      guard parts.count == 3, let size = Int(parts[1]) else {
        throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a file: \(text)"))
      }
      self.init(path: String(parts[2]), size: size, sha256: String(parts[0]))
    }

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode("\(sha256) \(size) \(path)")
    }
  }

  /// The exempt runs of every meeting's audit, as bytes, beside the record.
  static let runsFileName = "clerk-incremental.runs"

  /// The SHA-256 of the record as read (`OutputTimes` names it).
  var digest = ""

  enum CodingKeys: String, CodingKey {
    case site, today, meetings
    case nonPublicFingerprint = "non-public-fingerprint"
  }

  init(site: String, today: CalendarDate, nonPublicFingerprint: String, meetings: [String: Meeting]) {
    self.site = site
    self.today = today
    self.nonPublicFingerprint = nonPublicFingerprint
    self.meetings = meetings
  }

  /// The record of the build in `folder`, when there is one this clerk can
  /// read, with each meeting's exempt runs put back.
  static func read(_ folder: String) -> IncrementalRecord? {
    guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
      let runs = FileManager.default.contents(atPath: folder + "/" + runsFileName),
      var record = try? JSONDecoder().decode(IncrementalRecord.self, from: data)
    else { return nil }
    record.digest = digest(String(decoding: data, as: UTF8.self) + "\n" + digest(runs))
    for (path, meeting) in record.meetings {
      guard let span = meeting.exemptRuns else { continue }
      guard span.count == 2, span[0] >= 0, span[1] >= 0, (span[0] + span[1]) * 8 <= runs.count else { return nil }
      record.meetings[path]?.audit?.exemptRuns = BuildAudit.Memory.runs(runs[(span[0] * 8)..<((span[0] + span[1]) * 8)])
    }
    return record
  }

  /// The record as written (sorted keys: the same build writes the same
  /// bytes), and the runs file; `digest` is what `OutputTimes` names.
  func written() -> (json: String, runs: Data, digest: String) {
    var record = self
    var runs: [UInt64] = []
    for path in meetings.keys.sorted() {
      guard let memory = meetings[path]?.audit else { continue }
      record.meetings[path]?.exemptRuns = [runs.count, memory.exemptRuns.count]
      runs += memory.exemptRuns
    }
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let json = String(decoding: (try? encoder.encode(record)) ?? Data(), as: UTF8.self) + "\n"
    let bytes = BuildAudit.Memory.bytes(runs)
    return (json, bytes, Self.digest(json + "\n" + Self.digest(bytes)))
  }
}
