import ClerkRender
import Foundation

/// What the archive outputs (index and committee pages, feeds, calendars,
/// open data, sitemap) are made from, as one key: the site key (the clerk,
/// `site.yml`, every `committee.yml`, the templates), today, and every
/// meeting's summary in each tree. They read nothing else
/// (`ArchiveOutputs`), so while the key is the recorded one their files
/// are the ones the previous build wrote.
enum ArchiveKey {
  static func of(site: String, today: String, public: [MeetingSummary], nonPublic: [MeetingSummary]) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys]
    var digest = InputDigest()
    digest.add(site)
    digest.add(today)
    for summaries in [`public`, nonPublic] {
      digest.add(String(summaries.count))
      for summary in summaries { digest.add(bytes: (try? encoder.encode(summary)) ?? Data()) }
    }
    return digest.hex
  }
}
