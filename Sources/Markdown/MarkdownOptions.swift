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
  /// Larger sources are refused with `MarkdownError.tooLarge`.
  public var maximumBytes: Int = 2_000_000
  /// Deeper nesting of blocks and inlines is refused with `MarkdownError.tooDeep`.
  public var maximumDepth: Int = 128

  public init(
    smartPunctuation: Bool = true, statusBadges: Bool = true,
    placeholderSchemes: [String] = ["item:", "meeting:"], relativeURLBase: String = "",
    maximumBytes: Int = 2_000_000, maximumDepth: Int = 128
  ) {
    self.smartPunctuation = smartPunctuation
    self.statusBadges = statusBadges
    self.placeholderSchemes = placeholderSchemes
    self.relativeURLBase = relativeURLBase
    self.maximumBytes = maximumBytes
    self.maximumDepth = maximumDepth
  }

  public static let standard = MarkdownOptions()
}
