import Testing

@testable import ClerkRender

@Suite struct SiteLayoutTests {
  @Test func relativeLinksWorkFromAnyDepth() {
    #expect(SiteLayout.relative(from: "index.html", to: "c/2020-02-10/index.html") == "c/2020-02-10/index.html")
    #expect(SiteLayout.relative(from: "c/2020-02-10/item-3.html", to: "c/2020-02-10/item-4.html") == "item-4.html")
    #expect(SiteLayout.relative(from: "c/2020-02-10/item-3.html", to: "index.html") == "../../index.html")
    #expect(SiteLayout.relative(from: "c/index.html", to: "d/2021-01-01/index.html") == "../d/2021-01-01/index.html")
    #expect(SiteLayout.relative(from: "c/2020-02-10/index.html", to: "assets/clerk.css") == "../../assets/clerk.css")
    #expect(SiteLayout.relative(from: "c/index.html", to: "c/2020-02-10/item-2.html") == "2020-02-10/item-2.html")
    #expect(SiteLayout.relative(from: "c/2020-01-10/index.html", to: "c/2021-01-10/index.html") == "../2021-01-10/index.html")
    #expect(SiteLayout.relative(from: "cc/index.html", to: "c/index.html") == "../c/index.html")
    #expect(SiteLayout.root(from: "c/2020-02-10/index.html") == "../../")
    #expect(SiteLayout.root(from: "index.html") == "")
  }

  @Test func displayFormats() {
    #expect(DisplayFormat.time("18:30") == "6.30 pm")
    #expect(DisplayFormat.time("11:00") == "11.00 am")
    #expect(DisplayFormat.time("12:05") == "12.05 pm")
    #expect(DisplayFormat.time("00:15") == "12.15 am")
    #expect(DisplayFormat.letter(1) == "A")
    #expect(DisplayFormat.letter(26) == "Z")
    #expect(DisplayFormat.letter(27) == "AA")
    #expect(DisplayFormat.size(5_120) == "5 KB")
    #expect(DisplayFormat.size(1_250_000) == "1.3 MB")
  }

  @Test func escaping() {
    #expect(HTMLEscape.escape("<a href=\"x\">Tom & Jerry's</a>") == "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;")
  }
}
