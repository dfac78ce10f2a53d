import Foundation
import ClerkIntegrity
import Testing

/// `clerk verify`'s rule, on manifests made in the test: a published
/// meeting's changed or dropped file is a change unless the new build adds
/// a revision; files of other meetings and of the archive pages are not.
@Suite struct ManifestComparisonTests {
  static func file(_ hash: String) -> Manifest.File { Manifest.File(sha256: hash, size: hash.count) }

  static let old = Manifest(
    meetings: ["c/2020-02-10": Manifest.Meeting(date: "2020-02-10", status: "published", published: "2020-01-31", revisions: [])],
    files: [
      "index.html": file("a"),
      "c/2020-02-10/index.html": file("b"),
      "c/2020-02-10/item-1.html": file("c"),
      "c/2020-03-09/index.html": file("d"),
    ])

  @Test func anUnchangedBuildHasNoChanges() {
    var new = Self.old
    new.files["index.html"] = Self.file("a2")  // the site index lists new meetings: not a meeting file
    new.files["c/2020-03-09/index.html"] = Self.file("d2")  // a meeting OLD did not publish
    new.files["c/2020-04-20/index.html"] = Self.file("e")
    let comparison = ManifestComparison(new: new, old: Self.old)
    #expect(comparison.changes.isEmpty)
    #expect(comparison.meetings == 1)
  }

  @Test func aChangedOrDroppedFileIsReportedSinceThePublicationDate() {
    var new = Self.old
    new.files["c/2020-02-10/index.html"] = Self.file("b2")
    new.files["c/2020-02-10/item-1.html"] = nil
    let comparison = ManifestComparison(new: new, old: Self.old)
    #expect(
      comparison.changes.sorted().map(\.description) == [
        "public/c/2020-02-10/index.html: changed since 2020-01-31",
        "public/c/2020-02-10/item-1.html: changed since 2020-01-31",
      ])
    #expect(comparison.changes.sorted().map(\.isRemoved) == [false, true])
  }

  @Test func aNewRevisionAcceptsTheChangeAndAnOldOneDoesNot() {
    var revisedOld = Self.old
    let first = Manifest.Revision(date: "2020-03-01", note: "Item 1 corrected.")
    revisedOld.meetings["c/2020-02-10"]?.revisions = [first]
    var new = revisedOld
    new.files["c/2020-02-10/item-1.html"] = Self.file("c2")
    let unrevised = ManifestComparison(new: new, old: revisedOld)
    #expect(unrevised.changes.map(\.description) == ["public/c/2020-02-10/item-1.html: changed since 2020-03-01"])

    new.meetings["c/2020-02-10"]?.revisions.append(Manifest.Revision(date: "2020-04-02", note: "Appendix replaced."))
    let revised = ManifestComparison(new: new, old: revisedOld)
    #expect(revised.changes.isEmpty)
    #expect(revised.revised.map(\.meeting) == ["c/2020-02-10"])
    #expect(revised.revised.first?.files == 1)
  }

  @Test func aDeletedMeetingIsAChangeToEveryFile() {
    var new = Self.old
    new.meetings["c/2020-02-10"] = nil
    new.files = new.files.filter { !$0.key.hasPrefix("c/2020-02-10/") }
    #expect(ManifestComparison(new: new, old: Self.old).changes.count == 2)
  }

  @Test func theJSONReadsBackAndIsStable() throws {
    let json = Self.old.json
    #expect(json == Self.old.json)
    #expect(json.contains("\"c/2020-02-10/index.html\" : {"))
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-manifest-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder.appendingPathComponent("public"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    try json.write(to: folder.appendingPathComponent("public/manifest.json"), atomically: true, encoding: .utf8)
    #expect(try Manifest.read(folder.path).get() == Self.old)
    #expect(throws: Manifest.Problem.self) { try Manifest.read(folder.path + "/nowhere").get() }
  }
}
