import Foundation
import Testing

@testable import ClerkCore

/// `PathName` answers as `NSString` does, for the paths a build writes and
/// audits and for the odd ones.
@Suite struct PathNameTests {
  static let paths = [
    "a/b", "/a", "/a/b/c.html", "a/b/", "a//b", "", "/", "./a", "../a/b", "a/./b", "é/ü.html", "a/.htaccess", "a/b.",
    "a/b.tar.gz", "a.b/c", ".x", "a/..", "a/.", "x.HTML", "a/b..c", "a/.b.c", "/tmp/.out.clerk-tmp-12/public/c/2025-06-18/item-9.html",
    "public/c/2025-06-18/agenda-pack.PDF", "public/pagefind/fragment/en_1.pf_fragment", "a/b c/d e.json",
  ]

  @Test func answersAsNSString() {
    for path in Self.paths {
      #expect(PathName.parent(of: path) == (path as NSString).deletingLastPathComponent, "parent of '\(path)'")
      #expect(PathName.fileExtension(of: path) == (path as NSString).pathExtension, "extension of '\(path)'")
    }
  }
}
