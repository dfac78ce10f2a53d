import Testing

@testable import ClerkServe

/// Each file of a build goes out with the type a browser needs: pages,
/// styles, feeds, calendars, packs, fonts, and Pagefind's files for search.
@Suite struct MediaTypeTests {
  @Test(arguments: [
    ("index.html", "text/html; charset=utf-8"), ("assets/site.css", "text/css; charset=utf-8"),
    ("search/pagefind.js", "text/javascript; charset=utf-8"), ("c/2020-02-10/meeting.json", "application/json"),
    ("sitemap.xml", "application/xml"), ("feed.atom", "application/atom+xml"),
    ("calendar.ics", "text/calendar; charset=utf-8"), ("c/2020-02-10/pack.pdf", "application/pdf"),
    ("logo.PNG", "image/png"), ("logo.svg", "image/svg+xml"), ("fonts/a.woff2", "font/woff2"),
    ("search/wasm.en.pagefind", "application/octet-stream"), ("search/pagefind.wasm", "application/wasm"),
    ("search/pagefind.en_1a2b.pf_meta", "application/octet-stream"),
    ("search/index/en_3c4d.pf_index", "application/octet-stream"), ("README", "application/octet-stream"),
  ])
  func mediaType(_ path: String, _ type: String) {
    #expect(MediaType.of(path) == type)
  }
}
