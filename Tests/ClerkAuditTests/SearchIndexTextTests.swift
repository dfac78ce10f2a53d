import Foundation
import TestSupport
import Testing

@testable import ClerkAudit

/// Pagefind's compressed files, as the audit reads them: inflated, the
/// signature dropped, the rest text; anything else is a gap, never clean.
@Suite struct SearchIndexTextTests {
  static let fragment = #"{"url":"/c/2020-02-10/item-5.html","content":"The depot roof will be replaced in the spring.","meta":{"title":"Agenda Item 5"}}"#

  @Test func aFragmentRoundTrips() throws {
    let encoded = SearchIndexText.encode(Self.fragment)
    #expect(encoded.starts(with: [0x1f, 0x8b]))
    #expect(try SearchIndexText.text(of: encoded) == Self.fragment)
    #expect(try Gzip.decompress(encoded) == SearchIndexText.signature + Data(Self.fragment.utf8))
  }

  /// Pagefind writes several gzip members in some files (the WebAssembly
  /// has a name in its header); every member is read.
  @Test func everyMemberIsRead() throws {
    let first = Gzip.compress(SearchIndexText.signature + Data("one two ".utf8))
    let second = Gzip.compress(Data("three four".utf8))
    #expect(try SearchIndexText.text(of: first + second) == "one two three four")
  }

  @Test func aCorruptOrForeignFileIsAGap() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var cut = SearchIndexText.encode(Self.fragment)
    cut.removeLast(cut.count / 2)
    var flipped = SearchIndexText.encode(Self.fragment)
    flipped[flipped.count / 2] ^= 0xff
    let cases: [(String, Data)] = [
      ("cut.pf_fragment", cut),
      ("flipped.pf_fragment", flipped),
      ("plain.pf_fragment", Data(Self.fragment.utf8)),
      ("unsigned.pf_index", Gzip.compress(Data(Self.fragment.utf8))),
      ("empty.pf_meta", Data()),
    ]
    for (name, data) in cases {
      try data.write(to: folder.appendingPathComponent(name))
      let gaps = AuditGaps()
      let read = LeakScanner.text(of: folder.appendingPathComponent(name).path, relative: "search/fragment/" + name, gaps: gaps)
      #expect(read == nil, "\(name) was read as clean text")
      #expect(gaps.all.count == 1 && gaps.all[0].hasPrefix("search/fragment/\(name): "), "\(name): \(gaps.all)")
    }
  }

  @Test func theScannerReadsTheInflatedText() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("en_1.pf_fragment")
    try SearchIndexText.encode(Self.fragment).write(to: path)
    let gaps = AuditGaps()
    let read = try #require(LeakScanner.text(of: path.path, relative: "search/fragment/en_1.pf_fragment", gaps: gaps))
    #expect(read.0 == Self.fragment && !read.1)
    #expect(gaps.all.isEmpty)
  }

  /// Pagefind joins a page's blocks with punctuation; the audit reads each
  /// sentence as a block, so two public cells side by side make no run,
  /// and eight words within a sentence still do.
  @Test func eachSentenceIsReadAsABlock() {
    #expect(SearchIndexText.sentences("Amber. IP07 report - Green: next; one") == "Amber.\n\nIP07 report -\n\nGreen:\n\nnext;\n\none")
    #expect(SearchIndexText.sentences("well-known e.g.x stays") == "well-known e.g.x stays")
    let cells = SearchIndexText.sentences("one two three four. five six seven eight")
    #expect(Shingles.runs(cells, markup: false).isEmpty)
    #expect(Shingles.runs(SearchIndexText.sentences("one two three four five six seven eight. nine"), markup: false).count == 1)
  }

  /// A file of any type in the search index is read, as text.
  @Test func anUnknownFileInTheIndexIsReadAsText() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("extra.bin")
    try Data("hello there".utf8).write(to: path)
    let gaps = AuditGaps()
    #expect(LeakScanner.text(of: path.path, relative: "search/extra.bin", gaps: gaps)?.0 == "hello there")
    #expect(LeakScanner.text(of: path.path, relative: "c/extra.bin", gaps: gaps) == nil)
  }
}
