/// Why a markdown source was refused before or while parsing.
///
/// Both cases protect the build from hostile or broken files: the cmark-gfm
/// in Debian is quadratic on some inputs, and deep trees could overflow the
/// stack of code that walks them recursively.
public enum MarkdownError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The source has more UTF-8 bytes than `MarkdownOptions.maximumBytes`.
  case tooLarge(bytes: Int, limit: Int)
  /// Blocks or inlines nest deeper than `MarkdownOptions.maximumDepth`, or one
  /// block repeats brackets, `<`, quotes, emphasis marks, `@` or table cells
  /// so often that parsing would take too long. Points at the first offender.
  case tooDeep(SourcePoint)

  public var description: String {
    switch self {
    case .tooLarge(let bytes, let limit):
      return "markdown is \(bytes) bytes; the limit is \(limit)"
    case .tooDeep:
      return "markdown is nested too deeply or repeats brackets, emphasis, quotes, "
        + "'<', '@' or table cells too often in one block to be parsed safely"
    }
  }
}
