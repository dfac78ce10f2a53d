/// One pass over cmark-gfm's HTML at parse time for what its renderer cannot
/// be told to do:
///
/// - `<h2>` + heading marker → `<h2 id="⟨prefix⟩budget">`;
/// - status-badge marker → the badge's HTML;
/// - `<th` → `<th scope="col"` (not `<thead>`);
/// - `<ol>` of a list nested in another ordered list → `<ol type="a">`, one
///   level deeper `type="i"`, then decimal again (`OrderedListStyle`);
/// - `<ol start="4">` → `<ol start="4" style="counter-reset: list-item 3">`,
///   because WeasyPrint ignores `start` and would print 1, 2, 3 again;
/// - every ` id="` (cmark-gfm emits them only for footnotes) gets the id
///   prefix, and so does every `href="#…"` that points at a footnote
///   (`#fn-…`, `#fnref-…`) or at one of the document's headings.
///
/// Matching text is safe here: in safe mode cmark-gfm escapes `<` and `"` in
/// text, attribute values and code, and omits raw HTML, so these byte
/// sequences only occur in tags it generated.
struct HTMLPostProcessor {
  static let footnotesOpen = Array("<section class=\"footnotes\" data-footnotes>".utf8)

  /// Whether `output` ends in the footnote section's opening tag and a newline.
  static func endsWithFootnotesOpen(_ output: [UInt8]) -> Bool {
    let length = footnotesOpen.count
    guard output.count > length, output[output.count - 1] == UInt8(ascii: "\n") else { return false }
    return output[(output.count - 1 - length)..<(output.count - 1)].elementsEqual(footnotesOpen)
  }

  let headingIDs: [String]
  let headingIDSet: Set<String>

  init(headingIDs: [String]) {
    self.headingIDs = headingIDs
    self.headingIDSet = Set(headingIDs)
  }

  func process(_ html: UnsafeBufferPointer<UInt8>) -> [UInt8] {
    var output: [UInt8] = []
    output.reserveCapacity(html.count + html.count / 8)
    var copied = 0
    var index = 0
    let count = html.count

    func flush(upTo end: Int) {
      output.append(contentsOf: UnsafeBufferPointer(rebasing: html[copied..<end]))
    }
    func matches(_ literal: StaticString, at position: Int) -> Bool {
      let length = literal.utf8CodeUnitCount
      guard position + length <= count else { return false }
      let pointer = literal.utf8Start
      for offset in 0..<length where html[position + offset] != pointer[offset] {
        return false
      }
      return true
    }

    /// One entry per open `<ol>`: true for a markdown list, false for the
    /// list of footnotes that cmark-gfm opens right after
    /// `<section class="footnotes" data-footnotes>`.
    var openOrderedLists: [Bool] = []
    var orderedListDepth = 0

    func appendIDPrefix() {
      output.append(0xEE)
      output.append(0x80)
      output.append(Placeholder.idPrefix)
    }

    while index < count {
      let byte = html[index]
      if byte == UInt8(ascii: "<") {
        // `<th>` or `<th style=…>`: add the scope right after the name.
        if matches("<th", at: index), index + 3 < count,
          html[index + 3] == UInt8(ascii: ">") || html[index + 3] == UInt8(ascii: " ")
        {
          flush(upTo: index + 3)
          output.append(contentsOf: " scope=\"col\"".utf8)
          copied = index + 3
        }
        if matches("<ol", at: index), index + 3 < count,
          html[index + 3] == UInt8(ascii: ">") || html[index + 3] == UInt8(ascii: " ")
        {
          var tagEnd = index + 3
          while tagEnd < count, html[tagEnd] != UInt8(ascii: ">") { tagEnd += 1 }
          flush(upTo: index)
          if Self.endsWithFootnotesOpen(output) {
            openOrderedLists.append(false)
            copied = index
          } else {
            openOrderedLists.append(true)
            orderedListDepth += 1
            let tag = UnsafeBufferPointer(rebasing: html[index..<min(tagEnd + 1, count)])
            output.append(contentsOf: OrderedListStyle(depth: orderedListDepth, tag: tag).openingTag.utf8)
            copied = min(tagEnd + 1, count)
          }
          index = tagEnd
          continue
        }
        if matches("</ol>", at: index), let isMarkdownList = openOrderedLists.popLast() {
          if isMarkdownList { orderedListDepth -= 1 }
          index += 5
          continue
        }
        // The attributes of interest only occur inside tags.
        index += 1
        while index < count, html[index] != UInt8(ascii: ">") {
          if html[index] == UInt8(ascii: " ") {
            if matches(" id=\"", at: index) {
              flush(upTo: index + 5)
              appendIDPrefix()
              index += 5
              copied = index
              continue
            }
            if matches(" href=\"#", at: index) {
              let fragmentStart = index + 8
              var fragmentEnd = fragmentStart
              while fragmentEnd < count, html[fragmentEnd] != UInt8(ascii: "\"") { fragmentEnd += 1 }
              let fragment = UnsafeBufferPointer(rebasing: html[fragmentStart..<fragmentEnd])
              if fragment.starts(with: "fn-".utf8) || fragment.starts(with: "fnref-".utf8)
                || headingIDSet.contains(String(decoding: fragment, as: UTF8.self))
              {
                flush(upTo: fragmentStart)
                appendIDPrefix()
                copied = fragmentStart
              }
              index = fragmentEnd
              continue
            }
          }
          index += 1
        }
        continue
      }
      if byte == 0xEE, let marker = Placeholder.parseMarker(html, at: index) {
        switch marker.kind {
        case .statusBadge:
          flush(upTo: index)
          if marker.index < StatusBadge.allCases.count {
            output.append(contentsOf: StatusBadge.allCases[marker.index].html.utf8)
          }
          copied = marker.end
        case .heading:
          // cmark printed `<hN>` just before the marker; reopen the tag.
          flush(upTo: index)
          let tagEnd = output.count
          if tagEnd >= 4, output[tagEnd - 4] == UInt8(ascii: "<"),
            output[tagEnd - 3] == UInt8(ascii: "h"), output[tagEnd - 1] == UInt8(ascii: ">"),
            marker.index < headingIDs.count
          {
            output.removeLast()
            output.append(contentsOf: " id=\"".utf8)
            appendIDPrefix()
            output.append(contentsOf: headingIDs[marker.index].utf8)
            output.append(contentsOf: "\">".utf8)
          }
          copied = marker.end
        case .linkStart, .linkEnd, .linkText:
          break  // filled in by `RenderedHTML.render`
        }
        index = marker.end
        continue
      }
      index += 1
    }
    flush(upTo: count)
    return output
  }
}
