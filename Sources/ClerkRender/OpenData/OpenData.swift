import ClerkCore
import Foundation

/// What `meeting.json` and `index.json` share: how a meeting is named and
/// given a status, and one encoder, so the files are
/// byte-identical from build to build.
enum OpenData {
  /// The OCD status, from the content alone (never the build's date): a
  /// cancelled meeting is `cancelled`; a draft (non-public tree only) is
  /// `tentative`; a published meeting whose minutes are published has
  /// `passed`; any other published meeting is `confirmed`.
  static func status(_ status: MeetingStatus, hasMinutes: Bool) -> String {
    switch status {
    case .cancelled: return "cancelled"
    case .draft: return "tentative"
    case .published: return hasMinutes ? "passed" : "confirmed"
    }
  }

  /// "Audit and Governance Committee, Wednesday 18 June 2025", as the meeting page is titled.
  static func name(committee: String, date: CalendarDate) -> String {
    "\(committee), \(date.longText)"
  }

  /// Sorted keys, indented, `/` unescaped, snake_case keys; a final newline.
  static func encode(_ value: some Encodable) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    // Strings, numbers and booleans only: encoding cannot fail.
    let data = (try? encoder.encode(value)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }
}
