import Foundation

/// Moves each footnote next to the place that refers to it, as a
/// `<span class="footnote">`, so the paged-media engine (CSS
/// `float: footnote`) prints it at the foot of that page. cmark-gfm puts
/// footnotes in a list at the end of the document; this rewrites its output.
enum PackFootnotes {
  static let sectionOpen = "<section class=\"footnotes\" data-footnotes>"

  static func inline(_ html: String) -> String {
    guard ByteSearch.contains(sectionOpen, in: html) else { return html }
    let bytes = Array(html.utf8)
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    guard let sectionStart = ByteSearch.find(sectionOpen, in: bytes),
      let sectionEnd = ByteSearch.find("</section>", in: bytes, from: sectionStart)
    else { return html }

    var notes: [String: String] = [:]
    var cursor = sectionStart + sectionOpen.utf8.count
    while let open = ByteSearch.find("<li id=\"", in: bytes, from: cursor), open < sectionEnd,
      let idEnd = ByteSearch.find("\">", in: bytes, from: open + 8),
      let close = ByteSearch.find("</li>", in: bytes, from: idEnd + 2), close < sectionEnd
    {
      notes[text(open + 8..<idEnd)] = noteText(Array(bytes[idEnd + 2..<close]))
      cursor = close + 5
    }

    let reference = "<sup class=\"footnote-ref\"><a href=\"#"
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var used = Set<String>()
    var copied = 0
    let body = Array(bytes[..<sectionStart]) + bytes[(sectionEnd + 10)...]
    while let start = ByteSearch.find(reference, in: body, from: copied) {
      let idStart = start + reference.utf8.count
      guard let idEnd = body[idStart...].firstIndex(of: 34), let end = ByteSearch.find("</sup>", in: body, from: idEnd) else { break }
      let id = String(decoding: body[idStart..<idEnd], as: UTF8.self)
      output += body[copied..<start]
      if let note = notes[id], used.insert(id).inserted {
        output += Array("<span class=\"footnote\">\(note)</span>".utf8)
      } else {
        output += body[start..<end + 6]
      }
      copied = end + 6
    }
    output += body[copied...]
    return String(decoding: output, as: UTF8.self)
  }

  /// A note's HTML without its back-reference links and paragraph tags.
  static func noteText(_ note: [UInt8]) -> String {
    var note = note
    var search = 0
    while let link = ByteSearch.find("<a href=\"#", in: note, from: search), let linkEnd = ByteSearch.find("</a>", in: note, from: link) {
      if ByteSearch.find("footnote-backref", in: Array(note[link..<linkEnd])) != nil {
        note.removeSubrange(link..<linkEnd + 4)
        search = link
      } else {
        search = linkEnd + 4
      }
    }
    let text = String(decoding: note, as: UTF8.self)
    return text.split(separator: "<p>", omittingEmptySubsequences: false).joined()
      .split(separator: "</p>", omittingEmptySubsequences: false).joined(separator: " ")
      .trimmingCharacters(in: .whitespacesAndNewlines)
  }
}
