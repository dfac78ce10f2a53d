import ClerkCore
import Foundation

/// What the archive outputs (index and committee pages, feeds, calendars,
/// open data, sitemap) are made from, as one key: the site key (the clerk,
/// `site.yml`, every `committee.yml`, the templates), today, and every
/// meeting's summaries in both trees (`RecordedSummaries`, as bytes). They
/// read nothing else (`ArchiveOutputs`), so while the key is the recorded
/// one their files are the ones the previous build wrote.
enum ArchiveKey {
  static func of(site: String, today: String, summaries: [(MeetingID, RecordedSummaries)]) -> String {
    var digest = InputDigest()
    digest.add(site)
    digest.add(today)
    digest.add(String(summaries.count))
    for (id, recorded) in summaries {
      digest.add(id.path)
      digest.add(bytes: recorded.json)
    }
    return digest.hex
  }
}
