import Foundation
import TestSupport
import Testing

/// Ids are unique on every page and every in-page link lands on its
/// target, whatever the headings are called; an appendix's own images are
/// published. Built with the real binary from a small tree whose headings
/// are chosen to collide with footnotes, appendices, minutes and the layout.
@Suite struct IdsAndLinksTests {
  static let tree = InlineTree.oneMeeting + "\n" + InlineTree.previousMeetingMinutes + "\n" + """
    # Main

    ## Budget

    Agreed.[^1]

    [^1]: Unanimously.
    -- c/2020-02-10/01-minutes.md --
    ---
    title: Minutes
    minutes-of: 2019-11-25
    ---
    ## Minutes Budget

    ## Fn 1

    Noted.[^1]

    [^1]: Actions:

        - one
        - two
    -- c/2020-02-10/02-report.md --
    ---
    title: Report
    appendices:
      - { title: Summary, file: summary.md }
    ---
    # fn 1

    ## Appendix 1 Summary

    A note[^1]. [Back to the summary](#appendix-1-summary).

    [^1]: The note.
    -- c/2020-02-10/02-report/summary.md --
    # Summary

    ![Chart of referrals](chart.png) A note.[^1]

    [^1]: In the appendix.
    -- c/2020-02-10/02-report/chart.png --
    not really a PNG
    """

  /// Every `id` of a page, the fragments its links point at, and the ids
  /// `aria-labelledby` names.
  static func ids(_ html: String) -> [String] { values(of: " id=\"", in: html) }
  static func targets(_ html: String) -> [String] {
    values(of: " href=\"#", in: html) + values(of: " aria-labelledby=\"", in: html)
  }
  static func values(of attribute: String, in html: String) -> [String] {
    html.components(separatedBy: attribute).dropFirst().map { String($0.prefix { $0 != "\"" }) }
  }

  /// The inline tree built without PDFs; its public folder read back.
  func builtPublicTree(sourceLocation: SourceLocation = #_sourceLocation) throws -> TreeSnapshot {
    let tree = try InlineTree(Self.tree)
    defer { tree.remove() }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let output = try ClerkProcess.run(["build", tree.path, "--out", out.path, "--today", "2020-02-01", "--quiet", "--no-pdf"])
    #expect(output.status == 0, "\(output.stderr)", sourceLocation: sourceLocation)
    return TreeSnapshot(out.appendingPathComponent("public"))
  }

  @Test func idsAreUniqueAndEveryFragmentLands() throws {
    let built = try builtPublicTree()
    let pages = built.paths.filter { $0.hasPrefix("c/") && $0.hasSuffix(".html") }
    #expect(pages.count >= 6, "\(pages)")
    for page in pages {
      let html = String(decoding: built.files[page] ?? Data(), as: UTF8.self)
      let ids = Self.ids(html)
      let repeated = Dictionary(grouping: ids, by: { $0 }).filter { $0.value.count > 1 }.keys.sorted()
      #expect(repeated == [], "\(page): ids used twice")
      let missing = Set(Self.targets(html)).subtracting(ids).sorted()
      #expect(missing == [], "\(page): fragments that point nowhere")
    }
    let report = String(decoding: built.files["c/2020-02-10/item-2.html"] ?? Data(), as: UTF8.self)
    #expect(report.contains("<a href=\"#c-fn-1\" id=\"c-fnref-1\" data-footnote-ref>1</a>"))
    #expect(report.contains("<a href=\"#c-appendix-1-summary\">Back to the summary</a>"))
    // In the pack a note holding a list stays an end note; a plain one
    // goes to the foot of the page, inside the paragraph.
    let pack = String(decoding: built.files["c/2020-02-10/pack.html"] ?? Data(), as: UTF8.self)
    #expect(pack.contains("<li id=\"i1-fn-1\">"))
    #expect(pack.contains("A note<span class=\"footnote\">The note.</span>."))
  }

  @Test func appendixImagesArePublishedBesideTheAppendix() throws {
    let built = try builtPublicTree()
    #expect(built.files["c/2020-02-10/02-report/chart.png"] == Data("not really a PNG\n".utf8))
    for page in ["item-2.html", "pack.html"] {
      let html = String(decoding: built.files["c/2020-02-10/\(page)"] ?? Data(), as: UTF8.self)
      #expect(html.contains("<img src=\"02-report/chart.png\" alt=\"Chart of referrals\" />"), "\(page)")
    }
  }
}
