// libFuzzer target: ClerkCore.ItemText.read — front matter, YAML (Yams),
// field checks, markdown body, summary and exempt reason. Build and run
// with Fuzz/run.sh.
//
// Text with a byte-order mark, a carriage return or invalid UTF-8 is also
// read the way the loader reads a file (ContentFiles.readText: BOM dropped,
// line ends normalised, invalid UTF-8 refused with a position), through a
// scratch file in /dev/shm.
import ClerkCore
import Foundation
import Markdown

private let scratchFolder = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
private let scratchName = "clerk-fuzz-item-\(getpid()).md"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ start: UnsafeRawPointer, _ count: Int) -> CInt {
  let bytes = UnsafeRawBufferPointer(start: start, count: count)
  read(String(decoding: bytes, as: UTF8.self))

  let valid = String(validating: bytes, as: UTF8.self) != nil
  if !valid || bytes.contains(13) || bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
    let files = ContentFiles(root: scratchFolder)
    guard FileManager.default.createFile(atPath: files.absolute(scratchName), contents: Data(bytes)) else {
      fatalError("cannot write \(files.absolute(scratchName))")
    }
    defer { try? FileManager.default.removeItem(atPath: files.absolute(scratchName)) }
    do {
      let text = try files.readText(scratchName)
      if !valid { fatalError("readText accepted invalid UTF-8") }
      if text.utf8.contains(13) { fatalError("readText left a carriage return") }
      read(text)
    } catch {
      guard case .invalidUTF8(let line, let column) = error, !valid, line >= 1, column >= 1 else {
        fatalError("readText: unexpected \(error) (valid UTF-8: \(valid))")
      }
    }
  }
  return 0
}

private func read(_ text: String) {
  let (item, diagnostics) = ItemText.read(text)
  for diagnostic in diagnostics.all {
    if diagnostic.location.line < 1 || diagnostic.location.column < 1 {
      fatalError("diagnostic at a position that is not 1-based: \(diagnostic)")
    }
    _ = diagnostic.description
  }
  _ = diagnostics.sorted.count
  guard let item else {
    if !diagnostics.hasErrors { fatalError("no item and no error") }
    return
  }
  let resolve: (String) -> ResolvedLink? = { _ in ResolvedLink(href: "x.html", text: "Agenda Item 1") }
  for document in [item.body, item.summary, item.exemptReason].compactMap({ $0 }) {
    let html = document.html.render(idPrefix: "p-", resolve: resolve)
    if html.unicodeScalars.contains(where: { (0xE000...0xE002).contains($0.value) }) {
      fatalError("render marker left in the HTML")
    }
    _ = document.plainText.utf8.count + document.links.count + document.headings.count + document.footnotes.count
  }
  for link in item.body.links { _ = item.bodyLocation(link.position) }
  _ = item.title.utf8.count + item.authors.count + item.seeAlso.count + item.appendices.count
  _ = item.location(of: "title")
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

@_cdecl("FuzzItemText_main")
public func entry(
  _ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
) -> CInt {
  var argc = argc
  var argv = argv
  return runDriver(&argc, &argv) { fuzz($0, $1) }
}
