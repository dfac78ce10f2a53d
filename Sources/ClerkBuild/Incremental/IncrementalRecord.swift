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
    /// Its files in both trees (`public/…`, `non-public/…`).
    var files: [File]
  }

  /// A file as the build left it: a later build carries it over only while
  /// its size, and its modification time (`OutputTimes`), are unchanged.
  struct File: Codable {
    var path: String
    var size: Int
    var sha256: String
  }

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

  /// The record of the build in `folder`, when there is one this clerk can read.
  static func read(_ folder: String) -> IncrementalRecord? {
    guard let data = FileManager.default.contents(atPath: folder + "/" + fileName),
      var record = try? JSONDecoder().decode(IncrementalRecord.self, from: data)
    else { return nil }
    record.digest = digest(String(decoding: data, as: UTF8.self))
    return record
  }

  /// Sorted keys: the same build writes the same bytes.
  var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
  }
}
