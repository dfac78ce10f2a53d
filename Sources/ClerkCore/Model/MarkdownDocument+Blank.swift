import Markdown

extension MarkdownDocument {
  /// True when the document has nothing a reader would see.
  public var isBlank: Bool {
    plainText.allSatisfy { $0.isWhitespace }
  }
}
