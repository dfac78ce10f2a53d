import ClerkCore

/// Where every page lives in an output tree (paths relative to the tree's
/// root). Item pages are named by agenda number, never by slug: an exempt
/// item's slug comes from its file name, which is not public.
public enum SiteLayout {
  public static let index = "index.html"
  /// The search page; its index is in `search/` (`Pagefind.folder`).
  public static let search = "search.html"
  public static let stylesheet = SiteFolders.assets + "/clerk.css"
  public static let packStylesheet = SiteFolders.assets + "/pack.css"
  public static let accessibility = "accessibility.html"
  public static let openDataIndex = "index.json"

  /// The feed and calendar of every committee; each committee has its own beside its page.
  public static let feed = "feed.atom"
  public static let calendar = "calendar.ics"

  public static func committee(_ slug: String) -> String { "\(slug)/index.html" }
  public static func committeeFeed(_ slug: String) -> String { "\(slug)/\(feed)" }
  public static func committeeCalendar(_ slug: String) -> String { "\(slug)/\(calendar)" }
  public static func meetingFolder(_ id: MeetingID) -> String { id.path }
  public static func meeting(_ id: MeetingID) -> String { "\(id.path)/index.html" }
  public static func item(_ id: MeetingID, number: AgendaNumber) -> String { "\(id.path)/item-\(number).html" }
  public static func minutes(_ id: MeetingID) -> String { "\(id.path)/minutes.html" }
  public static func nonPublicMinutes(_ id: MeetingID) -> String { "\(id.path)/minutes-non-public.html" }
  public static func pack(_ id: MeetingID) -> String { "\(id.path)/pack.html" }
  public static func packPDF(_ id: MeetingID) -> String { "\(id.path)/pack.pdf" }
  public static func meetingJSON(_ id: MeetingID) -> String { "\(id.path)/meeting.json" }
  public static func packPages(_ id: MeetingID) -> String { "\(id.path)/pack-pages.json" }
  public static func supplement(_ id: MeetingID, number: Int) -> String { "\(id.path)/supplement-\(number).html" }
  public static func supplementPDF(_ id: MeetingID, number: Int) -> String { "\(id.path)/supplement-\(number).pdf" }

  /// An item's file, published under the same relative path as in the
  /// content tree (`05-report/chart.png`), so links in markdown work as written.
  public static func itemFile(_ id: MeetingID, itemFolder: String, file: String) -> String {
    "\(id.path)/\(itemFolder)/\(file)"
  }

  /// A relative URL from the page at `from` to the file at `to`: up out of
  /// the folders the two do not share, then down to `to`. One pass over the
  /// bytes, as every link of every page goes through here.
  public static func relative(from: String, to: String) -> String {
    var from = from
    var to = to
    return from.withUTF8 { source in
      to.withUTF8 { target in
        // After the last folder both paths share.
        var shared = 0
        var index = 0
        while index < source.count, index < target.count, source[index] == target[index] {
          if source[index] == 47 { shared = index + 1 }
          index += 1
        }
        var ups = 0
        for byte in source[shared...] where byte == 47 { ups += 1 }
        var result = String(repeating: "../", count: ups)
        result += String(decoding: UnsafeBufferPointer(rebasing: target[shared...]), as: UTF8.self)
        return result
      }
    }
  }

  /// "../../" from a page to the tree's root ("" at the root).
  public static func root(from page: String) -> String {
    String(repeating: "../", count: page.split(separator: "/").count - 1)
  }
}
