import Foundation
import Testing

@testable import ClerkServe

/// What serving adds to a page: the reload script (with the build it came
/// from) before `</body>`, and the errors box, escaped, only while there
/// are errors.
@Suite struct ErrorOverlayTests {
  let page = Data("<html><body><p>Agenda</p></body></html>\n".utf8)

  @Test func addsTheScriptBeforeTheEndOfBody() {
    let served = String(decoding: ErrorOverlay.inject(into: page, build: 3, errors: []), as: UTF8.self)
    #expect(
      served == "<html><body><p>Agenda</p><script src=\"/_clerk/reload.js\" data-build=\"3\"></script>\n</body></html>\n")
  }

  @Test func showsErrorsEscaped() {
    let error = "c/2020-02-10/01-report.md:2:1: error: unknown key 'titel' <in> item front matter"
    let served = String(decoding: ErrorOverlay.inject(into: page, build: 1, errors: [error, "b"]), as: UTF8.self)
    #expect(served.contains("role=\"alert\""))
    #expect(
      served.contains(
        ">c/2020-02-10/01-report.md:2:1: error: unknown key &#39;titel&#39; &lt;in&gt; item front matter\nb</div>"))
    #expect(served.hasSuffix("</script>\n</body></html>\n"))
  }

  @Test func eventsAreServerSentEvents() {
    #expect(String(decoding: ReloadChannel.build(4), as: UTF8.self) == "event: build\ndata: 4\n\n")
    #expect(
      String(decoding: ReloadChannel.errors(["a:1:1: error: \"x\""]), as: UTF8.self)
        == "event: errors\ndata: [\"a:1:1: error: \\\"x\\\"\"]\n\n")
  }
}
