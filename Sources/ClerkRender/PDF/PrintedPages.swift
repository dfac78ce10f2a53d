import ClerkCore
import Foundation

/// What the PDF engine printed for one meeting: where each item's pages
/// are, and how many pages each pack has. The meeting page is rendered
/// again with them (its template shows "(Pages 3 - 4)" and the PDF links),
/// so no page is patched after it was rendered.
public struct PrintedPages: Sendable {
  public struct Range: Sendable {
    /// The PDF, relative to its tree (`c/2020-02-10/pack.pdf`).
    public var pdf: String
    public var first: Int
    public var last: Int
  }

  public var ranges: [AgendaNumber: Range] = [:]
  /// Pack PDF (relative to its tree) → its page count.
  public var pageCounts: [String: Int] = [:]

  public init() {}

  /// `pack-pages.json`: each item's range, for `clerk check --build`.
  var sidecar: String {
    let json = ranges.sorted(by: { $0.key < $1.key }).map { number, range in
      "  \"\(number)\": {\"pdf\": \"\((range.pdf as NSString).lastPathComponent)\", \"first\": \(range.first), \"last\": \(range.last)}"
    }.joined(separator: ",\n")
    return "{\n\(json)\n}\n"
  }
}
