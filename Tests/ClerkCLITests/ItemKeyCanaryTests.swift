import ClerkCore
import Foundation
import TestSupport
import Testing

/// Every non-public front-matter key of an exempt item, read from the one
/// declaration the loader and the audit use (`ContentKeys.item`), so a key
/// added later is planted here too: none of its canaries reaches public/.
@Suite struct ItemKeyCanaryTests {
  /// One canary per key that can carry text: `CANARYKEY` and the key's
  /// name, in a sentence long enough for the audit's runs of eight words.
  static let canaries: [(key: ContentKey, canary: String)] = ContentKeys.item.compactMap { key in
    guard !key.isPublicOnExemptItem, key.sample != nil else { return nil }
    return (key, "CANARYKEY" + key.name.replacingOccurrences(of: "-", with: "").uppercased())
  }

  static func sentence(_ canary: String) -> String { "\(canary) was noted by the panel in a private session" }

  @Test func noNonPublicKeyOfAnExemptItemReachesPublic() throws {
    // Free-text keys must say how to plant text in them.
    #expect(Self.canaries.map(\.key.name).contains("report-of"))
    #expect(Self.canaries.map(\.key.name).contains("authors"))
    #expect(Self.canaries.map(\.key.name).contains("appendices"))
    var item = "---\ntitle: Contract award\naccess: exempt\nexempt-paragraphs: [3]\n"
    for (key, canary) in Self.canaries { item += "\(key.name): \(key.sample!(Self.sentence(canary)))\n" }
    item += "---\nThe body of the exempt report.\n"
    var tree = try InlineTree(InlineTree.oneMeeting)
    defer { tree.remove() }
    try tree.write("c/2020-02-10/01-open.md", "---\ntitle: Open item\n---\nA public report.\n")
    try tree.write("c/2020-02-10/02-secret.md", item)
    try tree.write("c/2020-02-10/02-secret/canary-appendix.md", "An appendix.\n")
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("b")
    let output = try ClerkProcess.run(["build", tree.path, "--out", out.path, "--today", "2020-01-01", "--quiet", "--no-pdf"])
    #expect(output.status == 0, "\(output.stderr)")
    let publicTree = TreeSnapshot(out.appendingPathComponent("public"))
    let nonPublicTree = TreeSnapshot(out.appendingPathComponent("non-public"))
    #expect(!publicTree.paths.isEmpty)
    // The feeds and calendars are among the files searched.
    for file in ["feed.atom", "c/feed.atom", "calendar.ics", "c/calendar.ics"] {
      #expect(publicTree.paths.contains(file), "\(file) is missing")
      #expect(nonPublicTree.paths.contains(file), "non-public \(file) is missing")
    }
    for (key, canary) in Self.canaries {
      #expect(publicTree.mentions(canary).isEmpty, "\(key.name): \(publicTree.mentions(canary))")
    }
    // The open data is among what was read: the meeting's JSON and the index.
    #expect(publicTree.paths.contains("c/2020-02-10/meeting.json") && publicTree.paths.contains("index.json"))
    // The planting worked: what the non-public pages show does carry the canaries.
    for name in ["report-of", "authors", "appendices"] {
      let canary = Self.canaries.first { $0.key.name == name }!.canary
      #expect(!nonPublicTree.mentions(canary).isEmpty, "\(name) is not shown in the non-public tree")
    }
    // The audit reads every key by the same declaration: each key's
    // sentence pasted into a public page is a leak traced to its line.
    let page = out.appendingPathComponent("public/index.html")
    let planted = Self.canaries.map { "<p>\(Self.sentence($0.canary))</p>" }.joined()
    let html = try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: "</main>", with: planted + "</main>")
    try Data(html.utf8).write(to: page)
    // And into a feed entry, and a calendar line folded inside "panel".
    let feed = out.appendingPathComponent("public/feed.atom")
    let entries = Self.canaries.map { "<entry><summary>\(Self.sentence($0.canary))</summary></entry>" }.joined()
    let atom = try String(contentsOf: feed, encoding: .utf8).replacingOccurrences(of: "</feed>", with: entries + "</feed>")
    try Data(atom.utf8).write(to: feed)
    let calendar = out.appendingPathComponent("public/c/calendar.ics")
    let lines = Self.canaries.map { "X-NOTE:" + Self.sentence($0.canary).replacingOccurrences(of: "panel", with: "pan\r\n el") + "\r\n" }
    let ics = try String(contentsOf: calendar, encoding: .utf8)
      .replacingOccurrences(of: "END:VCALENDAR\r\n", with: lines.joined() + "END:VCALENDAR\r\n")
    try Data(ics.utf8).write(to: calendar)
    // And into the public index.json, spelt with JSON escapes, which the
    // audit decodes before it reads.
    let json = out.appendingPathComponent("public/index.json")
    let escaped = Self.canaries.map { entry in
      "\"" + Self.sentence(entry.canary).replacingOccurrences(of: " was ", with: "\\nwas\\u0020").replacingOccurrences(of: "panel", with: "p\\u0061nel") + "\""
    }
    let index = try String(contentsOf: json, encoding: .utf8)
      .replacingOccurrences(of: "\"meetings\" :", with: "\"planted\" : [\(escaped.joined(separator: ", "))],\n  \"meetings\" :")
    try Data(index.utf8).write(to: json)
    let audit = try ClerkProcess.run(["audit", out.path])
    #expect(audit.status == 1, "\(audit.stderr)")
    for (offset, entry) in Self.canaries.enumerated() {
      // Lines: ---, title, access, exempt-paragraphs, then one key a line.
      let line = 5 + offset
      for file in ["public/index.html", "public/feed.atom", "public/c/calendar.ics", "public/index.json"] {
        #expect(audit.stdout.contains("\(file): leaks c/2020-02-10/02-secret.md:\(line)"), "\(entry.key.name) (line \(line)) in \(file): \(audit.stdout)")
      }
    }
  }
}
