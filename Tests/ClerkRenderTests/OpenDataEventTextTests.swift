import Foundation
import Testing

@testable import ClerkRender

/// `meeting.json` as written by hand (`OpenDataEvent.text`) against the
/// straightforward version, `JSONEncoder` (`OpenData.encode`): byte for
/// byte, with every optional there and absent, empty lists, and text that
/// needs escaping.
@Suite struct OpenDataEventTextTests {
  static let awkward = "Quotes \"x\", a \\ backslash, a / slash, a tab\t, a newline\n, a bell \u{07}, é, “curly”, 🦆 and \u{2028}"

  static func event(full: Bool) -> OpenDataEvent {
    let entity = OpenDataEvent.Entity(name: full ? awkward : "Officer", entityType: "person", note: "author")
    let itemExtras = OpenDataEvent.ItemExtras(
      url: "https://example.org/c/m/item-1.html", purpose: full ? "decision" : nil, summary: full ? awkward : nil,
      slug: full ? "report" : nil, supplement: full ? 2 : nil, released: full ? "2026-01-02" : nil,
      exemptReason: full ? "Paragraph 3" : nil, generated: full ? true : nil,
      appendices: full
        ? [
          OpenDataEvent.Appendix(label: "A", title: awkward, url: "https://example.org/a.pdf"),
          OpenDataEvent.Appendix(label: "B", title: "Plan", url: nil),
        ] : nil)
    let item = OpenDataEvent.FullEntry(
      order: "5A", description: awkward, public: true, paragraphs: full ? [3, 5] : nil, notes: full ? [awkward, "x"] : [],
      relatedEntities: full ? [entity] : [], extras: .init(clerk: itemExtras))
    let withheld = OpenDataEvent.WithheldEntry(order: "6", description: "Exempt item", paragraphs: [3])
    return OpenDataEvent(
      name: awkward, description: "", startDate: "2026-03-10T18:30:00+00:00", status: "confirmed",
      location: .init(name: full ? awkward : ""), participants: full ? [entity, entity] : [],
      documents: [
        OpenDataEvent.Document(
          note: "Agenda pack", date: full ? "2026-03-02" : nil,
          links: full ? [OpenDataEvent.MediaLink(mediaType: "application/pdf", url: "https://example.org/pack.pdf")] : [])
      ],
      sources: full ? [OpenDataEvent.Link(note: "web page", url: "https://example.org/c/m/")] : [],
      agenda: full ? [.full(item), .withheld(withheld)] : [.full(item)],
      extras: .init(
        clerk: OpenDataEvent.MeetingExtras(
          committee: "c", meeting: "2026-03-10", audience: "public", time: "18:30", published: full ? "2026-03-02" : nil,
          revisions: full ? [OpenDataEvent.Revision(date: "2026-03-04", note: awkward)] : [], notes: full ? [awkward] : [])))
  }

  @Test(arguments: [true, false])
  func theTextIsWhatJSONEncoderWrites(full: Bool) {
    let event = Self.event(full: full)
    #expect(event.text == OpenData.encode(event))
  }
}
