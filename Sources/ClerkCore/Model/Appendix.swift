import Markdown

/// A file attached to an agenda item, listed under `appendices:`.
public struct Appendix: Sendable {
  public enum Content: Sendable {
    case markdown(MarkdownDocument)
    case table(CSVTable)
    case pdf(bytes: Int)
    case image(bytes: Int, mediaType: String)
  }

  public var title: String
  /// The file name as written in front matter, relative to the item's folder.
  public var file: String
  /// Path relative to the content root.
  public var path: String
  public var content: Content
  /// `orientation: landscape` prints this appendix on landscape pages of
  /// the pack while its report stays portrait (a wide action plan).
  public var orientation: Orientation

  /// The folder of the file, relative to the content root: relative links
  /// in a markdown appendix start from here.
  public var folder: String {
    path.lastIndex(of: "/").map { String(path[..<$0]) } ?? ""
  }

  public init(title: String, file: String, path: String, content: Content, orientation: Orientation = .portrait) {
    self.title = title
    self.file = file
    self.path = path
    self.content = content
    self.orientation = orientation
  }
}

/// A CSV appendix: a header row and data rows, all cells as text.
public struct CSVTable: Hashable, Sendable {
  public var header: [String]
  public var rows: [[String]]
  public init(header: [String], rows: [[String]]) {
    self.header = header
    self.rows = rows
  }
}
