/// Moves each footnote next to the place that refers to it, as a
/// `<span class="footnote">`, so the paged-media engine (CSS
/// `float: footnote`) prints it at the foot of that page. cmark-gfm puts
/// footnotes in a list at the end of the document; this rewrites its output.
enum PackFootnotes {
  static func inline(_ html: String) -> String {
    guard let sectionStart = html.range(of: "<section class=\"footnotes\" data-footnotes>"),
      let sectionEnd = html.range(of: "</section>", range: sectionStart.upperBound..<html.endIndex)
    else { return html }
    var notes: [String: String] = [:]
    var rest = html[sectionStart.upperBound..<sectionEnd.lowerBound]
    while let open = rest.range(of: "<li id=\""), let idEnd = rest.range(of: "\">", range: open.upperBound..<rest.endIndex),
      let close = rest.range(of: "</li>", range: idEnd.upperBound..<rest.endIndex)
    {
      var note = String(rest[idEnd.upperBound..<close.lowerBound])
      while let backref = note.range(of: "<a href=\"#"),
        let backrefEnd = note.range(of: "</a>", range: backref.upperBound..<note.endIndex),
        note[backref.lowerBound..<backrefEnd.upperBound].contains("footnote-backref")
      {
        note.removeSubrange(backref.lowerBound..<backrefEnd.upperBound)
      }
      note = note.replacingOccurrences(of: "<p>", with: "").replacingOccurrences(of: "</p>", with: " ")
      notes[String(rest[open.upperBound..<idEnd.lowerBound])] = note.trimmingCharacters(in: .whitespacesAndNewlines)
      rest = rest[close.upperBound...]
    }
    var output = String(html[..<sectionStart.lowerBound]) + String(html[sectionEnd.upperBound...])
    var used = Set<String>()
    var search = output.startIndex
    while let start = output.range(of: "<sup class=\"footnote-ref\"><a href=\"#", range: search..<output.endIndex),
      let idEnd = output.range(of: "\"", range: start.upperBound..<output.endIndex),
      let end = output.range(of: "</sup>", range: idEnd.upperBound..<output.endIndex)
    {
      let id = String(output[start.upperBound..<idEnd.lowerBound])
      guard let note = notes[id], used.insert(id).inserted else {
        search = end.upperBound
        continue
      }
      let replacement = "<span class=\"footnote\">\(note)</span>"
      let offset = output.distance(from: output.startIndex, to: start.lowerBound)
      output.replaceSubrange(start.lowerBound..<end.upperBound, with: replacement)
      search = output.index(output.startIndex, offsetBy: offset + replacement.count)
    }
    return output
  }
}
