import ClerkCore

/// The ids of the markdown documents shown on one page, chosen so that no
/// two can be equal and none is one of the layout's own (`main`, `agenda`,
/// `item-3`…).
///
/// A document's ids are its prefix followed by a heading slug or a footnote
/// id (`fn-…`, `fnref-…`), and neither ever starts with `-`. So the item's
/// body takes `c-` + slug, and every document nested in the item (the
/// exempt reason, embedded minutes, appendices) lives under `c--`, in a
/// space the body cannot reach; each nested kind adds its own word, and an
/// appendix's anchor is its prefix without the final `-`. Layout ids never
/// start with `c-` or `iN-`.
struct ContentIDs {
  /// `c-` on item and minutes pages; `i<number>-` for an item in the pack.
  let prefix: String

  static let page = ContentIDs(prefix: "c-")

  static func packItem(_ number: AgendaNumber) -> ContentIDs { ContentIDs(prefix: "i\(number)-") }

  var body: String { prefix }
  var exemptReason: String { prefix + "-reason-" }
  var embeddedMinutes: String { prefix + "-minutes-" }
  /// Ids inside appendix `number` (1-based).
  func appendix(_ number: Int) -> String { prefix + "-appendix-\(number)-" }
  /// The appendix's own section.
  func appendixAnchor(_ number: Int) -> String { prefix + "-appendix-\(number)" }

  /// An item's summary, on whichever page lists it (each lists it once).
  static func summary(item number: AgendaNumber) -> String { "summary-\(number)-" }
  /// One of a meeting's notes, on the meeting page and the pack's front sheet.
  static func note(_ index: Int) -> String { "note-\(index + 1)-" }
}
