import ClerkCore

/// Where every page lives in an output tree (paths relative to the tree's
/// root). Item pages are named by agenda number, never by slug: an exempt
/// item's slug comes from its file name, which is not public.
public enum SiteLayout {
  public static let index = "index.html"
  public static let stylesheet = "assets/clerk.css"
  public static let packStylesheet = "assets/pack.css"

  public static func committee(_ slug: String) -> String { "\(slug)/index.html" }
  public static func meetingFolder(_ id: MeetingID) -> String { id.path }
  public static func meeting(_ id: MeetingID) -> String { "\(id.path)/index.html" }
  public static func item(_ id: MeetingID, number: Int) -> String { "\(id.path)/item-\(number).html" }
  public static func minutes(_ id: MeetingID) -> String { "\(id.path)/minutes.html" }
  public static func nonPublicMinutes(_ id: MeetingID) -> String { "\(id.path)/minutes-non-public.html" }
  public static func pack(_ id: MeetingID) -> String { "\(id.path)/pack.html" }
  public static func packPDF(_ id: MeetingID) -> String { "\(id.path)/pack.pdf" }
  public static func packPages(_ id: MeetingID) -> String { "\(id.path)/pack-pages.json" }
  public static func supplement(_ id: MeetingID, number: Int) -> String { "\(id.path)/supplement-\(number).html" }
  public static func supplementPDF(_ id: MeetingID, number: Int) -> String { "\(id.path)/supplement-\(number).pdf" }

  /// An item's file, published under the same relative path as in the
  /// content tree (`05-report/chart.png`), so links in markdown work as written.
  public static func itemFile(_ id: MeetingID, itemFolder: String, file: String) -> String {
    "\(id.path)/\(itemFolder)/\(file)"
  }

  /// A relative URL from the page at `from` to the file at `to`.
  public static func relative(from: String, to: String) -> String {
    // Fast path: a page linking to a file in its own folder (most links).
    let fromBytes = from.utf8
    if let slash = fromBytes.lastIndex(of: 47) {
      let folderLength = fromBytes.distance(from: fromBytes.startIndex, to: slash) + 1
      let toBytes = to.utf8
      if toBytes.count > folderLength, toBytes.prefix(folderLength).elementsEqual(fromBytes.prefix(folderLength)),
        !toBytes.dropFirst(folderLength).contains(47)
      {
        return String(decoding: toBytes.dropFirst(folderLength), as: UTF8.self)
      }
    }
    let fromParts = from.split(separator: "/").dropLast()
    let toParts = to.split(separator: "/")
    var common = 0
    while common < fromParts.count, common < toParts.count - 1,
      fromParts[fromParts.startIndex + common] == toParts[common]
    {
      common += 1
    }
    let ups = Array(repeating: "..", count: fromParts.count - common)
    return (ups + toParts[common...].map(String.init)).joined(separator: "/")
  }

  /// "../../" from a page to the tree's root ("" at the root).
  public static func root(from page: String) -> String {
    String(repeating: "../", count: page.split(separator: "/").count - 1)
  }
}
