import ClerkCore
import Foundation

/// A digest of everything a meeting's printed pack is made from, so that
/// `clerk check --build DIR` shows the page numbers DIR's PDFs have only
/// while they still hold. A build records one per meeting in
/// `clerk-build.json`; check computes it again from the content.
///
/// What a pack is made from: `site.yml`, the committee's `committee.yml`,
/// every file of the meeting folder but its own minutes (which are printed
/// at the next meeting, not in this pack), the files of every meeting whose
/// minutes it binds in, and the pack templates and stylesheet. Files are
/// read as bytes, by path relative to the content root, so a copy of the
/// content digests the same. The digest tells content apart; it is not a
/// cryptographic seal.
public enum PackSources {
  static let ownMinutes: Set<String> = ["minutes.md", "minutes.non-public.md"]

  public static func digest(_ plan: MeetingPlan, index: ArchiveIndex, templates: String?) -> String {
    let files = ContentFiles(root: index.root)
    var digest = Digest()
    func feed(_ path: String) {
      digest.feed(path.utf8)
      if let data = try? files.readData(path, limit: ContentFiles.maximumBinaryBytes) {
        digest.feed(data)
      } else {
        digest.feed("(missing)".utf8)
      }
    }
    feed("site.yml")
    feed("\(plan.id.committee)/committee.yml")
    for path in walk(files, plan.id.path) where !ownMinutes.contains(String(path.dropFirst(plan.id.path.count + 1))) {
      feed(path)
    }
    let bound = Set(plan.items.compactMap { $0.content?.embeddedMinutes?.meeting }).sorted()
    for meeting in bound where meeting != plan.id {
      feed("\(meeting.committee)/committee.yml")
      for name in ["meeting.yml"] + ownMinutes.sorted() { feed("\(meeting.path)/\(name)") }
    }
    if let templates {
      let folder = ContentFiles(root: templates)
      for path in walk(folder, "pack") + walk(folder, "css") {
        digest.feed(("templates/" + path).utf8)
        digest.feed((try? folder.readData(path, limit: ContentFiles.maximumBinaryBytes)) ?? Data())
      }
    }
    return digest.hex
  }

  /// Every file under `folder`, sorted; links are not followed, and hidden
  /// files (an editor's swap file) are never published, so do not count.
  static func walk(_ files: ContentFiles, _ folder: String) -> [String] {
    guard files.kind(folder) == .directory else { return [] }
    var found: [String] = []
    var pending = [folder]
    while let current = pending.popLast() {
      for name in files.list(current) where !name.hasPrefix(".") {
        let path = current + "/" + name
        if files.kind(path) == .directory { pending.append(path) } else { found.append(path) }
      }
    }
    return found.sorted()
  }

  /// Two 64-bit FNV-1a lanes, each input closed by its length.
  struct Digest {
    var low: UInt64 = 0xcbf2_9ce4_8422_2325
    var high: UInt64 = 0x6c62_272e_07bb_0142

    mutating func feed<Bytes: Sequence<UInt8>>(_ bytes: Bytes) {
      var count: UInt64 = 0
      for byte in bytes {
        low = (low ^ UInt64(byte)) &* 0x100_0000_01b3
        high = (high ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9E37_79B9_7F4A_7C15
        count &+= 1
      }
      low = (low ^ count) &* 0x100_0000_01b3
      high = (high ^ (count << 1 | 1)) &* 0x0000_0100_0000_01b3
    }

    var hex: String { String(format: "%016llx%016llx", high, low) }
  }
}
