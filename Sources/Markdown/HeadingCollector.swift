/// Collects headings with ids that are stable (derived from the text) and
/// unique within the document.
struct HeadingCollector {
  private(set) var headings: [MarkdownHeading] = []
  private var text: String?
  private var start = SourcePoint(line: 1, column: 1)
  private var usedIDs: Set<String> = []
  /// Next suffix to try per slug, so that many equal headings stay linear.
  private var nextSuffix: [String: Int] = [:]

  mutating func visit(_ visit: Visit, positions: inout SourcePositions) {
    switch (visit.event, visit.kind) {
    case (.enter, .heading):
      text = ""
      start = positions.point(of: visit.node, kind: .heading)
    case (.exit, .heading):
      let plain = (text ?? "").trimmingWhitespace
      headings.append(
        MarkdownHeading(
          level: visit.node.headingLevel, text: plain, id: uniqueID(for: plain), position: start))
      text = nil
    default:
      if text != nil, let inline = visit.visibleInlineText { text? += inline }
    }
  }

  /// `slug`, or `slug-2`, `slug-3`… when taken.
  private mutating func uniqueID(for text: String) -> String {
    let base = HeadingCollector.outsideFootnotes(HeadingCollector.slug(text))
    var id = base
    var number = nextSuffix[base, default: 2]
    while usedIDs.contains(id) {
      id = "\(base)-\(number)"
      number += 1
    }
    nextSuffix[base] = number
    usedIDs.insert(id)
    return id
  }

  /// cmark-gfm names footnotes `fn-<label>` and their references
  /// `fnref-<label>`, `fnref-<label>-2`…, under the same prefix as headings:
  /// a heading slugged into that space ("fn 1") would take a note's id, so
  /// it moves out of it ("section-fn-1").
  static func outsideFootnotes(_ slug: String) -> String {
    slug.hasPrefix("fn-") || slug.hasPrefix("fnref-") ? "section-" + slug : slug
  }

  /// Lowercase ASCII letters and digits, every run of anything else one
  /// `-`, trimmed; "section" when nothing is left. Latin letters with
  /// accents count as their base letter ("Café" → "cafe").
  static func slug(_ text: String) -> String {
    var output: [UInt8] = []
    var pendingDash = false
    func append(_ byte: UInt8) {
      if pendingDash, !output.isEmpty { output.append(UInt8(ascii: "-")) }
      pendingDash = false
      output.append(byte)
    }
    for scalar in text.unicodeScalars {
      switch scalar.value {
      case 0x61...0x7A, 0x30...0x39:
        append(UInt8(scalar.value))
      case 0x41...0x5A:
        append(UInt8(scalar.value) + 0x20)
      case 0x80...:
        if let base = latinBaseLetters(scalar) {
          base.forEach(append)
        } else {
          pendingDash = true
        }
      default:
        pendingDash = true
      }
    }
    return output.isEmpty ? "section" : String(decoding: output, as: UTF8.self)
  }

  /// "é" → "e", "Æ" → "ae": the letters named in a Latin letter's Unicode
  /// name ("LATIN SMALL LETTER E WITH ACUTE").
  private static func latinBaseLetters(_ scalar: Unicode.Scalar) -> [UInt8]? {
    guard scalar.value < 0x0250, let name = scalar.properties.name else { return nil }
    let prefixes = ["LATIN SMALL LETTER ", "LATIN CAPITAL LETTER "]
    guard let prefix = prefixes.first(where: name.hasPrefix) else { return nil }
    let letters = name.dropFirst(prefix.count).prefix { $0 != " " }
    guard (1...2).contains(letters.count), letters.allSatisfy({ $0 >= "A" && $0 <= "Z" }) else {
      return nil
    }
    return letters.utf8.map { $0 + 0x20 }
  }
}
