/// A parsed markdown document, copied out of cmark-gfm into Swift values.
///
/// Parsing happens once per file; the rendered HTML keeps placeholders for
/// everything that depends on where the document ends up (links to other
/// agenda items, id prefixes), so the same parse serves the item page and
/// the pack in both audiences.
public struct MarkdownDocument: Sendable {
  /// Links and images in document order, with their source positions.
  public var links: [MarkdownLink]
  /// Headings in document order.
  public var headings: [MarkdownHeading]
  /// Referenced footnote definitions in document order (cmark-gfm drops
  /// definitions that nothing refers to).
  public var footnotes: [MarkdownFootnote]
  /// Every piece of text a reader could see or a crawler could read: text,
  /// code, link and image URLs and titles, alt texts. Used by the leak audit.
  public var plainText: String
  /// The rendered HTML with placeholders; see `RenderedHTML.render`.
  public var html: RenderedHTML
  /// True when the document is exactly one paragraph, as a `summary` must be.
  public var isSingleParagraph: Bool

  public init(
    links: [MarkdownLink], headings: [MarkdownHeading], footnotes: [MarkdownFootnote],
    plainText: String, html: RenderedHTML, isSingleParagraph: Bool = false
  ) {
    self.links = links
    self.headings = headings
    self.footnotes = footnotes
    self.plainText = plainText
    self.html = html
    self.isSingleParagraph = isSingleParagraph
  }

  /// A document with nothing in it, for callers that must show something
  /// where a parse failed and should not build one by hand.
  public static let empty = MarkdownDocument(links: [], headings: [], footnotes: [], plainText: "", html: .empty)
}

/// A 1-based line and column in the markdown text that was parsed.
public struct SourcePoint: Sendable, Hashable, Comparable {
  public var line: Int
  public var column: Int
  public init(line: Int, column: Int) {
    self.line = line
    self.column = column
  }
  public static func < (a: SourcePoint, b: SourcePoint) -> Bool {
    (a.line, a.column) < (b.line, b.column)
  }
}

public struct MarkdownLink: Sendable, Hashable {
  public var url: String
  public var title: String
  /// The plain text of the link's children (the alt text for an image).
  public var text: String
  public var isImage: Bool
  public var position: SourcePoint
  public init(url: String, title: String, text: String, isImage: Bool, position: SourcePoint) {
    self.url = url
    self.title = title
    self.text = text
    self.isImage = isImage
    self.position = position
  }
}

public struct MarkdownHeading: Sendable, Hashable {
  public var level: Int
  public var text: String
  /// A stable id, unique within the document (without the render prefix).
  public var id: String
  public var position: SourcePoint
  public init(level: Int, text: String, id: String, position: SourcePoint) {
    self.level = level
    self.text = text
    self.id = id
    self.position = position
  }
}

public struct MarkdownFootnote: Sendable, Hashable {
  public var label: String
  public var text: String
  public var position: SourcePoint
  public init(label: String, text: String, position: SourcePoint) {
    self.label = label
    self.text = text
    self.position = position
  }
}

/// What a placeholder link (`item:`, `meeting:` …) resolves to at render time.
public struct ResolvedLink: Sendable, Hashable {
  /// Already a URL; it is HTML-escaped when written.
  public var href: String
  /// Used as the link text when the markdown gave none (`[](item:x)`).
  public var text: String
  public init(href: String, text: String) {
    self.href = href
    self.text = text
  }
}
