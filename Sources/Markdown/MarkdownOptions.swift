/// How `MarkdownDocument.parse` reads and renders markdown.
public struct MarkdownOptions: Sendable, Hashable {
  /// Curly quotes, en and em dashes, ellipses.
  public var smartPunctuation = true
  /// Table cells reading Red, Amber, Green, Blue or Complete(d) become status
  /// badges with a shape as well as a colour.
  public var statusBadges = true
  /// Link and image URLs starting with one of these (case-insensitive) are
  /// resolved at render time by `RenderedHTML.render(idPrefix:resolve:)`.
  public var placeholderSchemes: [String] = ["item:", "meeting:"]
  /// Put in front of every relative link and image URL (`chart.png` →
  /// `05-report/chart.png`), for a document that lives in another folder
  /// than the page showing it. `MarkdownDocument.links` keep the URLs as
  /// written.
  public var relativeURLBase: String = ""
  /// No heading is rendered above this level (1 = `<h1>`): when the
  /// document's highest heading is above it, every heading moves down by the
  /// same number of levels, to `<h6>` at most. For a document shown under a
  /// heading of its own, such as an appendix under its title.
  /// `MarkdownDocument.headings` keep the levels as written.
  public var topHeadingLevel: Int = 1
  /// Larger sources are refused with `MarkdownError.tooLarge`.
  public var maximumBytes: Int = 2_000_000
  /// Deeper nesting of blocks and inlines is refused with `MarkdownError.tooDeep`.
  public var maximumDepth: Int = 128

  public init(
    smartPunctuation: Bool = true, statusBadges: Bool = true,
    placeholderSchemes: [String] = ["item:", "meeting:"], relativeURLBase: String = "",
    topHeadingLevel: Int = 1, maximumBytes: Int = 2_000_000, maximumDepth: Int = 128
  ) {
    self.smartPunctuation = smartPunctuation
    self.statusBadges = statusBadges
    self.placeholderSchemes = placeholderSchemes
    self.relativeURLBase = relativeURLBase
    self.topHeadingLevel = topHeadingLevel
    self.maximumBytes = maximumBytes
    self.maximumDepth = maximumDepth
  }

  public static let standard = MarkdownOptions()
}

/// Where a rendered document's footnotes go.
public enum FootnotePlacement: Sendable, Hashable {
  /// cmark-gfm's list of notes at the end of the document (web pages).
  case endOfDocument
  /// Each note as a `<span class="footnote">` at its reference, for paged
  /// media's `float: footnote`; when a note holds blocks (a list, a
  /// quotation, code, a table), every note stays at the end, as end notes.
  case inline
}
