/// The Content-Type of a file of the build, by its extension: what a
/// browser needs to show the pages, run the search (Pagefind's `.pf_*`
/// files and its WebAssembly) and open the feeds, calendars and packs.
enum MediaType {
  static let html = "text/html; charset=utf-8"

  static let byExtension: [String: String] = [
    "html": html, "htm": html,
    "css": "text/css; charset=utf-8",
    "js": "text/javascript; charset=utf-8", "mjs": "text/javascript; charset=utf-8",
    "json": "application/json",
    "xml": "application/xml",
    "atom": "application/atom+xml",
    "ics": "text/calendar; charset=utf-8",
    "txt": "text/plain; charset=utf-8",
    "pdf": "application/pdf",
    "png": "image/png", "jpg": "image/jpeg", "jpeg": "image/jpeg", "gif": "image/gif", "webp": "image/webp",
    "svg": "image/svg+xml", "ico": "image/x-icon",
    "woff2": "font/woff2", "woff": "font/woff",
    "wasm": "application/wasm",
  ]

  /// Pagefind's index files (`.pf_meta`, `.pf_index`, `.pf_fragment`, `.pf_filter`) and anything unknown are bytes.
  static func of(_ path: String) -> String {
    let name = path.split(separator: "/").last ?? ""
    guard let dot = name.lastIndex(of: ".") else { return "application/octet-stream" }
    return byExtension[name[name.index(after: dot)...].lowercased()] ?? "application/octet-stream"
  }
}
