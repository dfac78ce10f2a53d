import ClerkCore
import Foundation

/// Page numbers of the public pack from a previous build's `pack-pages.json`.
enum PackPageNumbers {
  struct Range: Decodable {
    var pdf: String
    var first: Int
    var last: Int
  }

  /// Item number → "Pages 11 - 16" (or "supplement-1.pdf pages 3 - 4").
  static func read(build: String, meeting: MeetingID) -> [AgendaNumber: String] {
    let path = "\(build)/public/\(meeting.path)/pack-pages.json"
    guard let data = FileManager.default.contents(atPath: path),
      let ranges = try? JSONDecoder().decode([String: Range].self, from: data)
    else { return [:] }
    var result: [AgendaNumber: String] = [:]
    for (key, range) in ranges {
      guard let number = AgendaNumber(key) else { continue }
      let pages = range.first == range.last ? "Page \(range.first)" : "Pages \(range.first) - \(range.last)"
      result[number] = range.pdf == "pack.pdf" ? pages : "\(range.pdf) \(pages.lowercased())"
    }
    return result
  }
}
