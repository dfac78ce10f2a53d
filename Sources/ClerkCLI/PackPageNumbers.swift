import ClerkAudit
import ClerkBuild
import ClerkCore
import ClerkRender
import Foundation

/// Page numbers of the public pack from a previous build's `pack-pages.json`,
/// shown only while the meeting is as it was when that build made its PDF.
enum PackPageNumbers {
  struct Range: Decodable {
    var pdf: String
    var first: Int
    var last: Int
  }

  /// What `clerk check` prints of a build's page numbers for one meeting.
  struct Listing {
    /// Item number → "Pages 11 - 16", "Page 23" (or "supplement-1.pdf pages 3 - 4").
    var pages: [AgendaNumber: String] = [:]
    /// Why the build has page numbers for the meeting but they are not shown.
    var omitted: String?
  }

  /// The page numbers `build` recorded for `plan`'s meeting, unless the
  /// meeting changed since: then none, and why.
  static func read(build: String, record: BuildRecord?, plan: MeetingPlan, index: ArchiveIndex) -> Listing {
    let pages = read(build: build, meeting: plan.id)
    guard !pages.isEmpty else { return Listing() }
    guard let recorded = record?.packSources?[plan.id.path] else {
      return Listing(
        omitted: "page numbers omitted: \(build) does not record what \(plan.id.path) was built from; run clerk build")
    }
    guard recorded == PackSources.digest(plan, index: index, templates: record?.templates) else {
      return Listing(omitted: "page numbers omitted: \(plan.id.path) changed since \(build) was built; run clerk build")
    }
    return Listing(pages: pages)
  }

  /// Item number → the range as `pack-pages.json` has it.
  static func read(build: String, meeting: MeetingID) -> [AgendaNumber: String] {
    let path = "\(build)/public/\(meeting.path)/pack-pages.json"
    guard let data = FileManager.default.contents(atPath: path),
      let ranges = try? JSONDecoder().decode([String: Range].self, from: data)
    else { return [:] }
    var result: [AgendaNumber: String] = [:]
    for (key, range) in ranges {
      guard let number = AgendaNumber(key) else { continue }
      let pages = DisplayFormat.pageRange(first: range.first, last: range.last)
      result[number] = range.pdf == "pack.pdf" ? pages : "\(range.pdf) \(pages.lowercased())"
    }
    return result
  }
}
