// libFuzzer target: MarkdownDocument.parse, the walkers' outputs and the
// render-time placeholder pass. Build and run with Fuzz/run.sh.
//
// Besides crashes (ASan, Swift traps), it stops on broken promises of the
// Markdown module: a render marker (U+E000–U+E002) left in the final HTML,
// raw HTML or a `javascript:` URL getting through safe mode, duplicate or
// missing heading ids, positions that are not 1-based.
import Markdown

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  // Invalid UTF-8 never reaches the parser through the loader (it refuses
  // such files); the lossy decoding is what any other caller would pass.
  let source = String(decoding: bytes, as: UTF8.self)
  let document: MarkdownDocument
  do {
    document = try MarkdownDocument.parse(source)
  } catch {
    _ = error.description
    return 0
  }

  var resolved = 0
  let html = document.html.render(idPrefix: "p-") { url in
    resolved += 1
    return ResolvedLink(href: "x.html", text: "Agenda Item 1")
  }
  // Unresolved links (nil) and no prefix take the other branches.
  let plain = document.html.render(idPrefix: "") { url in
    url.utf8.count % 2 == 0 ? nil : ResolvedLink(href: "a\"<b>&'.html", text: "<T&\">")
  }

  let htmlIDs = check(html)
  _ = check(plain)

  let lineLimit = source.utf8.count + 2
  func checkPoint(_ point: SourcePoint, _ what: String) {
    if point.line < 1 || point.column < 1 || point.line > lineLimit {
      fatalError("\(what) position out of range: \(point)")
    }
  }
  var ids = Set<String>()
  for heading in document.headings {
    checkPoint(heading.position, "heading")
    if !(1...6).contains(heading.level) { fatalError("heading level \(heading.level)") }
    if !ids.insert(heading.id).inserted { fatalError("duplicate heading id \(heading.id)") }
    if !heading.id.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x2D }) {
      fatalError("heading id \(heading.id) has characters outside [a-z0-9-]")
    }
    if !htmlIDs.contains("p-" + heading.id) { fatalError("heading id p-\(heading.id) missing from HTML") }
  }
  var previous: SourcePoint?
  for link in document.links {
    checkPoint(link.position, "link")
    if let previous, link.position < previous { fatalError("links not in source order") }
    previous = link.position
    _ = link.url.utf8.count + link.title.utf8.count + link.text.utf8.count
  }
  for note in document.footnotes {
    checkPoint(note.position, "footnote")
    _ = note.label.utf8.count + note.text.utf8.count
  }
  _ = document.plainText.utf8.count
  _ = document.isSingleParagraph
  _ = resolved
  return 0
}

/// Checks one rendered page (byte by byte: `String.contains` goes through
/// Foundation and took a fifth of the time) and returns its `id` values.
private func check(_ html: String) -> Set<String> {
  var ids = Set<String>()
  var bytes = Array(html.utf8)
  // ASCII lowercase, for the safe-mode checks.
  for index in bytes.indices where bytes[index] >= 0x41 && bytes[index] <= 0x5A { bytes[index] += 0x20 }
  bytes.withUnsafeBufferPointer { bytes in
    let count = bytes.count
    func matches(_ literal: StaticString, at position: Int) -> Bool {
      let length = literal.utf8CodeUnitCount
      guard position + length <= count else { return false }
      for offset in 0..<length where bytes[position + offset] != literal.utf8Start[offset] { return false }
      return true
    }
    for index in 0..<count {
      switch bytes[index] {
      case 0xEE:
        if index + 2 < count, bytes[index + 1] == 0x80, bytes[index + 2] <= 0x82 {
          fatalError("render marker U+E00\(bytes[index + 2] - 0x80) left in the HTML at byte \(index)")
        }
      case UInt8(ascii: "<"):
        // `<` in text is escaped, so these can only be tags.
        if matches("<script", at: index) || matches("<iframe", at: index) || matches("<object", at: index)
          || matches("<embed", at: index) || matches("<style", at: index)
        {
          fatalError("safe mode let through a tag: \(String(decoding: bytes[index..<min(count, index + 40)], as: UTF8.self))")
        }
      case UInt8(ascii: "="):
        // `"` in text is escaped, so `="` is always an attribute value
        // (titles and alt texts may hold anything: only URLs are checked).
        guard index + 1 < count, bytes[index + 1] == UInt8(ascii: "\"") else { continue }
        let value = index + 2
        let isURL = (index >= 5 && matches(" href=", at: index - 5)) || (index >= 4 && matches(" src=", at: index - 4))
        if isURL, matches("javascript:", at: value) || matches("vbscript:", at: value) || matches("file:", at: value)
          || (matches("data:", at: value) && !matches("data:image/png", at: value)
            && !matches("data:image/gif", at: value) && !matches("data:image/jpeg", at: value)
            && !matches("data:image/webp", at: value))
        {
          fatalError("safe mode let through a URL: \(String(decoding: bytes[index..<min(count, index + 40)], as: UTF8.self))")
        }
        if index >= 3, matches(" id=\"", at: index - 3) {
          var end = value
          while end < count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
          ids.insert(String(decoding: bytes[value..<end], as: UTF8.self))
        }
      default:
        break
      }
    }
  }
  return ids
}

// `swift build -c debug` on Linux links executables with
// `--defsym main=<Module>_main` (so tests can import them); with
// `-parse-as-library` there is no Swift main, so this hands over to
// libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
private func runDriver(
  _ argc: UnsafeMutablePointer<CInt>,
  _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
  _ callback: @convention(c) (UnsafeRawPointer, Int) -> CInt
) -> CInt

@_cdecl("FuzzMarkdown_main")
public func entry(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  var argc = argc
  var argv = argv
  return runDriver(&argc, &argv) { fuzz($0, $1) }
}
