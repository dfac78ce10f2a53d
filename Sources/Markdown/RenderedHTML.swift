#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// HTML rendered once at parse time, with placeholders for what depends on
/// where the document ends up: links to other items and meetings, and the
/// prefix that keeps heading and footnote ids unique on a page that shows
/// several documents.
public struct RenderedHTML: Sendable, Hashable {
  /// A link whose URL starts with a placeholder scheme.
  struct PlaceholderLink: Sendable, Hashable {
    var url: String
    var title: String
    /// Inside another link: rendered without an `<a>` of its own.
    var isNested: Bool
  }

  /// HTML containing the markers described in `Placeholder`.
  var template: String
  var links: [PlaceholderLink]
  /// Whether the template holds a marker at all. Without one (no link to
  /// resolve, no id to prefix) it is the final HTML whatever the page, and
  /// every page that shows it shares it rather than copying it.
  private var hasMarkers: Bool

  init(template: [UInt8], links: [PlaceholderLink]) {
    self.template = String(decoding: template, as: UTF8.self)
    self.links = links
    hasMarkers = template.withUnsafeBufferPointer { bytes in
      bytes.indices.dropLast().contains { bytes[$0] == 0xEE && bytes[$0 + 1] == 0x80 }
    }
  }

  /// Byte equality, not the canonical equivalence of `String ==`: two
  /// templates are equal when they print the same bytes.
  public static func == (a: RenderedHTML, b: RenderedHTML) -> Bool {
    a.links == b.links && a.template.utf8.elementsEqual(b.template.utf8)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(links)
    for byte in template.utf8 { hasher.combine(byte) }
  }

  /// No HTML at all.
  public static let empty = RenderedHTML(template: [], links: [])

  /// Wraps finished HTML (for documents that were not parsed from markdown).
  public init(html: String) {
    self.init(template: SourceText(html).bytes, links: [])
  }

  /// The final HTML with its footnotes where `footnotes` says.
  public func render(
    idPrefix: String, footnotes: FootnotePlacement, resolve: (String) throws -> ResolvedLink?
  ) rethrows -> String {
    let html = try render(idPrefix: idPrefix, resolve: resolve)
    switch footnotes {
    case .endOfDocument: return html
    case .inline: return FootnoteInliner.inline(html)
    }
  }

  /// The final HTML, in one pass over the template.
  ///
  /// - Parameters:
  ///   - idPrefix: put in front of every heading and footnote id and of the
  ///     fragments that point at them; `""` leaves them as they are.
  ///   - resolve: called at most once per placeholder link with its original
  ///     URL (`item:budget`); `nil` renders the link's text without a link.
  /// The offset of the first 0xEE byte (a marker's first) at or after
  /// `start`, or the end: `memchr`, not a loop of bounds-checked reads.
  static func nextMarkerByte(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
    guard start < bytes.count, let base = bytes.baseAddress else { return bytes.count }
    guard let found = memchr(base + start, 0xEE, bytes.count - start) else { return bytes.count }
    return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
  }

  public func render(
    idPrefix: String, resolve: (String) throws -> ResolvedLink?
  ) rethrows -> String {
    guard hasMarkers else { return template }
    // The template is valid UTF-8 and every marker a whole scalar, so the
    // output is built from slices of the template, with no second
    // validation.
    var source = template
    let utf8 = source.utf8
    func slice(_ from: Int, _ to: Int) -> Substring {
      Substring(utf8[utf8.index(utf8.startIndex, offsetBy: from)..<utf8.index(utf8.startIndex, offsetBy: to)])
    }
    var resolved = [ResolvedLink?](repeating: nil, count: links.count)
    var output = ""
    output.reserveCapacity(utf8.count + utf8.count / 16)
    let prefix = HTMLEscaping.escape(idPrefix)

    try source.withUTF8 { bytes in
      var copied = 0
      var index = 0
      let count = bytes.count
      while index < count {
        guard bytes[index] == 0xEE else {
          // Most of the HTML is no marker: jump to the next 0xEE byte.
          index = Self.nextMarkerByte(bytes, from: index + 1)
          continue
        }
        guard index + 2 < count, bytes[index + 1] == 0x80 else {
          index += 1
          continue
        }
        if bytes[index + 2] == Placeholder.idPrefix {
          output += slice(copied, index)
          output += prefix
          index += 3
          copied = index
          continue
        }
        guard let marker = Placeholder.parseMarker(bytes, at: index), marker.index < links.count
        else {
          index += 1
          continue
        }
        output += slice(copied, index)
        let link = links[marker.index]
        switch marker.kind {
        case .linkStart:
          resolved[marker.index] = try resolve(link.url)
          if let target = resolved[marker.index], !link.isNested {
            output += "<a href=\""
            output += HTMLEscaping.escape(target.href)
            if !link.title.isEmpty {
              output += "\" title=\""
              output += HTMLEscaping.escape(link.title)
            }
            output += "\">"
          }
        case .linkText:
          output += HTMLEscaping.escape(resolved[marker.index]?.text ?? link.url)
        case .linkEnd:
          if resolved[marker.index] != nil, !link.isNested {
            output += "</a>"
          }
        case .heading, .statusBadge:
          break  // replaced at parse time; never left in a template
        }
        index = marker.end
        copied = index
      }
      output += slice(copied, count)
    }
    return output
  }
}
