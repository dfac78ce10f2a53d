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

  /// UTF-8 HTML containing the markers described in `Placeholder`.
  var template: [UInt8]
  var links: [PlaceholderLink]
  /// The template as a string when it holds no marker at all (no link to
  /// resolve, no id to prefix): the final HTML whatever the page, shared
  /// rather than copied by every page that shows it.
  private var plain: String?

  init(template: [UInt8], links: [PlaceholderLink]) {
    self.template = template
    self.links = links
    let hasMarker = template.withUnsafeBufferPointer { bytes in
      bytes.indices.dropLast().contains { bytes[$0] == 0xEE && bytes[$0 + 1] == 0x80 }
    }
    plain = hasMarker ? nil : String(decoding: template, as: UTF8.self)
  }

  /// No HTML at all.
  public static let empty = RenderedHTML(template: [], links: [])

  /// Wraps finished HTML (for documents that were not parsed from markdown).
  public init(html: String) {
    self.init(template: SourceText(html).bytes, links: [])
  }

  /// The final HTML, in one pass over the template.
  ///
  /// - Parameters:
  ///   - idPrefix: put in front of every heading and footnote id and of the
  ///     fragments that point at them; `""` leaves them as they are.
  ///   - resolve: called at most once per placeholder link with its original
  ///     URL (`item:budget`); `nil` renders the link's text without a link.
  public func render(
    idPrefix: String, resolve: (String) throws -> ResolvedLink?
  ) rethrows -> String {
    if let plain { return plain }
    var prefix: [UInt8] = []
    HTMLEscaping.append(idPrefix, to: &prefix)
    var resolved = [ResolvedLink?](repeating: nil, count: links.count)
    var output: [UInt8] = []
    output.reserveCapacity(template.count + template.count / 16)

    try template.withUnsafeBufferPointer { bytes in
      var copied = 0
      var index = 0
      let count = bytes.count
      while index < count {
        guard bytes[index] == 0xEE, index + 2 < count, bytes[index + 1] == 0x80 else {
          index += 1
          continue
        }
        if bytes[index + 2] == Placeholder.idPrefix {
          output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
          output.append(contentsOf: prefix)
          index += 3
          copied = index
          continue
        }
        guard let marker = Placeholder.parseMarker(bytes, at: index), marker.index < links.count
        else {
          index += 1
          continue
        }
        output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<index]))
        let link = links[marker.index]
        switch marker.kind {
        case .linkStart:
          resolved[marker.index] = try resolve(link.url)
          if let target = resolved[marker.index], !link.isNested {
            output.append(contentsOf: "<a href=\"".utf8)
            HTMLEscaping.append(target.href, to: &output)
            if !link.title.isEmpty {
              output.append(contentsOf: "\" title=\"".utf8)
              HTMLEscaping.append(link.title, to: &output)
            }
            output.append(contentsOf: "\">".utf8)
          }
        case .linkText:
          HTMLEscaping.append(resolved[marker.index]?.text ?? link.url, to: &output)
        case .linkEnd:
          if resolved[marker.index] != nil, !link.isNested {
            output.append(contentsOf: "</a>".utf8)
          }
        case .heading, .statusBadge:
          break  // replaced at parse time; never left in a template
        }
        index = marker.end
        copied = index
      }
      output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<count]))
    }
    return String(decoding: output, as: UTF8.self)
  }
}
