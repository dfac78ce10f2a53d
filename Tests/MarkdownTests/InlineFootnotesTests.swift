import Markdown
import Testing

/// Footnotes rendered `.inline`, as the pack prints them: page footnotes
/// where a note is phrasing content, else the document's end notes; valid
/// HTML either way.
@Suite struct InlineFootnotesTests {
  func pack(_ markdown: String) throws -> String {
    try MarkdownDocument.parse(markdown).html.render(idPrefix: "i5-", footnotes: .inline) { _ in nil }
  }

  @Test func phrasingNotesGoToTheFootOfThePage() throws {
    let html = try pack("Spending rose.[^1]\n\n[^1]: Figures are *provisional*.\n\n    Second paragraph.")
    #expect(html.hasPrefix("<p>Spending rose.<span class=\"footnote\">Figures are <em>provisional</em>. \nSecond paragraph.</span></p>\n"))
    #expect(!html.contains("<section"))
  }

  @Test(arguments: [
    ("list", "- one\n  - two"),
    ("quote", "> quoted"),
    ("code", "```\ncode\n```"),
    ("table", "| a |\n|---|\n| b |"),
  ])
  func notesWithBlocksStayEndNotes(name: String, block: String) throws {
    let markdown = "A[^a] and B[^b].\n\n[^a]: Plain.\n\n[^b]: Blocks:\n\n    " + block.replacingOccurrences(of: "\n", with: "\n    ")
    let html = try pack(markdown)
    #expect(!html.contains("<span class=\"footnote\""), "\(name)")
    #expect(html.contains("<section class=\"footnotes\" data-footnotes>"), "\(name)")
    #expect(html.contains("<a href=\"#i5-fn-b\" id=\"i5-fnref-b\" data-footnote-ref>2</a>"), "\(name)")
    #expect(html.contains("<li id=\"i5-fn-b\">"), "\(name)")
  }

  @Test func aNoteReferredToTwiceKeepsItsIdForTheLaterReference() throws {
    let html = try pack("One[^n] and two[^n].\n\n[^n]: The note.")
    #expect(html.contains("<span class=\"footnote\" id=\"i5-fn-n\">The note.</span>"))
    #expect(html.contains("<a href=\"#i5-fn-n\" id=\"i5-fnref-n-2\" data-footnote-ref>1</a>"))
  }

  @Test func aNoteThatIsReferredToOnceHasNoId() throws {
    let html = try pack("One[^n].\n\n[^n]: The note.")
    #expect(html.hasPrefix("<p>One<span class=\"footnote\">The note.</span>.</p>\n"))
  }
}
