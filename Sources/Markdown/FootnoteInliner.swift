import Foundation

/// Moves each footnote next to the place that refers to it, as a
/// `<span class="footnote">`, so a paged-media engine (CSS
/// `float: footnote`) prints it at the foot of that page:
/// `RenderedHTML.render(idPrefix:footnotes: .inline, resolve:)`. cmark-gfm
/// puts footnotes in a list at the end of the document; this rewrites its
/// output, whose shape only this module knows.
///
/// A reference sits in phrasing content (a paragraph, a heading, a cell), so
/// only a note of phrasing content can take its place. When a note holds
/// blocks (a list, a quotation, code, a table), the document keeps
/// cmark-gfm's list of notes at its end, which prints as end notes: every
/// reference of the document then keeps its number and its link, so the
/// numbers on the page never mix two countings.
enum FootnoteInliner {
  static let sectionOpen = "<section class=\"footnotes\" data-footnotes>"

  static func inline(_ html: String) -> String {
    guard ByteSearch.contains(sectionOpen, in: html) else { return html }
    let bytes = Array(html.utf8)
    func text(_ range: Range<Int>) -> String { String(decoding: bytes[range], as: UTF8.self) }
    guard let sectionStart = ByteSearch.find(sectionOpen, in: bytes),
      let sectionEnd = ByteSearch.find("</section>", in: bytes, from: sectionStart),
      let notes = notes(in: bytes, from: sectionStart + sectionOpen.utf8.count, to: sectionEnd)
    else { return html }

    let reference = "<sup class=\"footnote-ref\"><a href=\"#"
    var output: [UInt8] = []
    output.reserveCapacity(bytes.count)
    var used = Set<String>()
    var copied = 0
    let body = Array(bytes[..<sectionStart]) + bytes[(sectionEnd + 10)...]
    // A note referred to again keeps its id, for the later references' links.
    var referenceCount: [String: Int] = [:]
    var search = 0
    while let start = ByteSearch.find(reference, in: body, from: search) {
      let idStart = start + reference.utf8.count
      guard let idEnd = body[idStart...].firstIndex(of: 34) else { break }
      referenceCount[String(decoding: body[idStart..<idEnd], as: UTF8.self), default: 0] += 1
      search = idEnd
    }
    while let start = ByteSearch.find(reference, in: body, from: copied) {
      let idStart = start + reference.utf8.count
      guard let idEnd = body[idStart...].firstIndex(of: 34), let end = ByteSearch.find("</sup>", in: body, from: idEnd) else { break }
      let id = String(decoding: body[idStart..<idEnd], as: UTF8.self)
      output += body[copied..<start]
      if let note = notes[id], used.insert(id).inserted {
        let idAttribute = referenceCount[id, default: 0] > 1 ? " id=\"\(id)\"" : ""
        output += Array("<span class=\"footnote\"\(idAttribute)>\(note)</span>".utf8)
      } else {
        output += body[start..<end + 6]
      }
      copied = end + 6
    }
    output += body[copied...]
    return String(decoding: output, as: UTF8.self)
  }

  /// The notes of the list between `start` and `end`, by id, as phrasing
  /// content; nil when one holds blocks. A note is everything from its
  /// `<li id="…">` to the last `</li>` before the next note's: the list
  /// items of a note's own lists have no id.
  static func notes(in bytes: [UInt8], from start: Int, to end: Int) -> [String: String]? {
    var starts: [(id: String, content: Int)] = []
    var cursor = start
    while let open = ByteSearch.find("<li id=\"", in: bytes, from: cursor), open < end,
      let idEnd = ByteSearch.find("\">", in: bytes, from: open + 8), idEnd < end
    {
      starts.append((String(decoding: bytes[open + 8..<idEnd], as: UTF8.self), idEnd + 2))
      cursor = idEnd + 2
    }
    var notes: [String: String] = [:]
    for (index, note) in starts.enumerated() {
      let limit = index + 1 < starts.count ? starts[index + 1].content : end
      var close = note.content
      var last: Int?
      while let found = ByteSearch.find("</li>", in: bytes, from: close), found < limit {
        last = found
        close = found + 5
      }
      guard let last else { return nil }
      let content = Array(bytes[note.content..<last])
      guard isPhrasing(content) else { return nil }
      notes[note.id] = noteText(content)
    }
    return notes
  }

  /// Tags that may stand inside a `<span>`, as cmark-gfm writes them, plus
  /// the paragraphs that `noteText` removes and its comments for raw HTML.
  static let phrasingTags: Set<String> = ["a", "em", "strong", "code", "del", "sup", "img", "br", "span", "p", "!--"]

  /// Whether every tag in a note is one of `phrasingTags`. In safe mode
  /// cmark-gfm escapes `<` in text, so every `<` opens a tag it wrote.
  static func isPhrasing(_ note: [UInt8]) -> Bool {
    var index = 0
    while let open = note[index...].firstIndex(of: UInt8(ascii: "<")) {
      var nameStart = open + 1
      if nameStart < note.count, note[nameStart] == UInt8(ascii: "/") { nameStart += 1 }
      var nameEnd = nameStart
      while nameEnd < note.count, note[nameEnd] != UInt8(ascii: " "), note[nameEnd] != UInt8(ascii: ">"),
        note[nameEnd] != UInt8(ascii: "\n"), nameEnd - nameStart < 10
      {
        nameEnd += 1
      }
      let name = String(decoding: note[nameStart..<nameEnd], as: UTF8.self)
      guard phrasingTags.contains(name) || name.hasPrefix("!--") else { return false }
      index = nameEnd
    }
    return true
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
