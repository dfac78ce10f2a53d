import ClerkRender
import Foundation

/// What `clerk serve` adds to each HTML page as it serves it (never to the
/// build on disk): the reload script, told which build the page came from,
/// and, while the content has errors, a box listing them above the page.
/// The script opens `/_clerk/events`, reloads when a newer build is ready
/// and shows or updates the box when a build fails.
enum ErrorOverlay {
  static let scriptPath = "/_clerk/reload.js"
  static let eventsPath = "/_clerk/events"
  static let boxID = "clerk-serve-errors"

  static let boxStyle =
    "position:fixed;z-index:2147483647;top:0;left:0;right:0;max-height:60vh;overflow:auto;margin:0;padding:1em;"
    + "background:#fff0f0;color:#600;border-bottom:3px solid #c00;font:14px/1.4 monospace;white-space:pre-wrap"

  /// `reload.js`: reload on a newer build, show errors on a failed one.
  static let script = """
    (() => {
      const built = document.currentScript ? document.currentScript.dataset.build : null;
      const events = new EventSource("\(eventsPath)");
      const reload = (event) => { if (event.data !== built) location.reload(); };
      events.addEventListener("build", reload);
      events.addEventListener("errors", (event) => {
        let box = document.getElementById("\(boxID)");
        if (!box) {
          box = document.createElement("div");
          box.id = "\(boxID)";
          box.setAttribute("role", "alert");
          box.setAttribute("style", "\(boxStyle)");
          document.body.prepend(box);
        }
        box.textContent = JSON.parse(event.data).join("\\n");
      });
    })();

    """

  /// The markup added before `</body>`: the errors box (when there are
  /// errors) and the script tag.
  static func markup(build: Int, errors: [String]) -> String {
    var markup = ""
    if !errors.isEmpty {
      markup += "<div id=\"\(boxID)\" role=\"alert\" style=\"\(boxStyle)\">"
      markup += errors.map(HTMLEscape.escape).joined(separator: "\n") + "</div>\n"
    }
    return markup + "<script src=\"\(scriptPath)\" data-build=\"\(build)\"></script>\n"
  }

  /// `html` with the markup added before its last `</body>`, or at the end.
  static func inject(into html: Data, build: Int, errors: [String]) -> Data {
    let added = Data(markup(build: build, errors: errors).utf8)
    var page = html
    if let body = html.range(of: Data("</body>".utf8), options: .backwards)
      ?? html.range(of: Data("</BODY>".utf8), options: .backwards)
    {
      page.insert(contentsOf: added, at: body.lowerBound)
    } else {
      page.append(added)
    }
    return page
  }

  /// The page shown before the first build has succeeded: it reloads itself
  /// when one does, and lists the errors meanwhile.
  static func waitingPage(build: Int, errors: [String]) -> Data {
    let message = errors.isEmpty ? "Building the preview…" : "The content has errors; fix them and the page will reload."
    let page = """
      <!DOCTYPE html>
      <html lang="en"><head><meta charset="utf-8"><title>clerk serve</title></head>
      <body><p>\(message)</p></body></html>

      """
    return inject(into: Data(page.utf8), build: build, errors: errors)
  }
}
