import Foundation

/// Everything the PDF engine may load for a pack, for the cache key:
/// stylesheets (`<link>`, `<style>`, `style=""`) with their `@import`s and
/// `url()`s (fonts, images), images and embedded objects — followed through
/// stylesheets, local files by path, anything else by URL. `data:` URLs are
/// part of the HTML already.
enum PackReferences {
  enum Reference: Hashable, Comparable {
    case file(String)
    case url(String)
  }

  /// The references of the HTML at `path`, sorted, each once.
  static func scan(html: String, path: String) -> [Reference] {
    let tags = tags(in: html)
    var base = URL(fileURLWithPath: path)
    if let href = tags.first(where: { $0.name == "base" })?.attributes["href"],
      let url = URL(string: href, relativeTo: base)
    {
      base = url
    }
    var todo: [(url: URL, isCSS: Bool)] = []
    func add(_ reference: String, relativeTo base: URL, isCSS: Bool) {
      let reference = reference.trimmingCharacters(in: .whitespacesAndNewlines)
      guard !reference.isEmpty, !reference.hasPrefix("#"), let url = URL(string: reference, relativeTo: base) else {
        return
      }
      todo.append((url.absoluteURL, isCSS))
    }
    for tag in tags {
      let attributes = tag.attributes
      if let style = attributes["style"] {
        for reference in cssReferences(style) {
          add(reference, relativeTo: base, isCSS: reference.lowercased().hasSuffix(".css"))
        }
      }
      switch tag.name {
      case "link":
        if let href = attributes["href"] {
          add(
            href, relativeTo: base,
            isCSS: (attributes["rel"] ?? "").lowercased().split(separator: " ").contains("stylesheet"))
        }
      case "img", "embed", "input", "source", "video", "audio":
        if let src = attributes["src"] { add(src, relativeTo: base, isCSS: false) }
      case "object":
        if let data = attributes["data"] { add(data, relativeTo: base, isCSS: false) }
      case "image", "use", "feimage":
        for name in ["href", "xlink:href"] {
          if let href = attributes[name] { add(href, relativeTo: base, isCSS: false) }
        }
      case "a":
        if (attributes["rel"] ?? "").lowercased().split(separator: " ").contains("attachment"),
          let href = attributes["href"]
        {
          add(href, relativeTo: base, isCSS: false)
        }
      case "style":
        for reference in cssReferences(tag.text) {
          add(reference, relativeTo: base, isCSS: reference.lowercased().hasSuffix(".css"))
        }
      default:
        break
      }
    }
    var seen = Set<Reference>()
    while let next = todo.popLast() {
      let (url, isCSS) = next
      let scheme = url.scheme?.lowercased() ?? ""
      guard scheme == "file" else {
        if scheme != "data" { seen.insert(.url(url.absoluteString)) }
        continue
      }
      let file = url.standardizedFileURL.path
      guard seen.insert(.file(file)).inserted else { continue }
      if isCSS || file.hasSuffix(".css"), let data = FileManager.default.contents(atPath: file) {
        let sheet = URL(fileURLWithPath: file)
        for reference in cssReferences(String(decoding: data, as: UTF8.self)) {
          let name = reference.split(separator: "?", maxSplits: 1).first.map(String.init) ?? reference
          add(reference, relativeTo: sheet, isCSS: name.lowercased().hasSuffix(".css"))
        }
      }
    }
    return seen.sorted()
  }

  /// `url(…)` and `@import "…"` in CSS, comments left out.
  static func cssReferences(_ css: String) -> [String] {
    let text = css.replacing(#/\/\*[\s\S]*?\*\//#, with: "")
    let pattern = /(?i)url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)|@import\s+(?:"([^"]*)"|'([^']*)')/
    return text.matches(of: pattern).compactMap { match in
      (match.1 ?? match.2 ?? match.3 ?? match.4 ?? match.5).map { String($0) }
    }
  }

  struct Tag {
    var name: String
    var attributes: [String: String]
    /// The text up to the closing tag, for `<style>` only.
    var text: String = ""
  }

  /// The start tags of an HTML document, lower-cased names, entity-decoded
  /// values. Enough for the HTML Clerk writes, not a general parser.
  static func tags(in html: String) -> [Tag] {
    var tags: [Tag] = []
    let scalars = Array(html.unicodeScalars)
    var index = 0
    func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
      !CharacterSet.whitespacesAndNewlines.contains(scalar) && scalar != ">" && scalar != "/" && scalar != "="
    }
    func skipSpace() {
      while index < scalars.count, CharacterSet.whitespacesAndNewlines.contains(scalars[index]) { index += 1 }
    }
    while index < scalars.count {
      guard scalars[index] == "<" else {
        index += 1
        continue
      }
      if scalars.count > index + 3, scalars[index + 1] == "!", scalars[index + 2] == "-", scalars[index + 3] == "-" {
        index += 4
        while index + 2 < scalars.count,
          !(scalars[index] == "-" && scalars[index + 1] == "-" && scalars[index + 2] == ">")
        { index += 1 }
        index += 3
        continue
      }
      index += 1
      guard index < scalars.count, CharacterSet.letters.contains(scalars[index]) else { continue }
      var name = ""
      while index < scalars.count, isNameCharacter(scalars[index]) {
        name.unicodeScalars.append(scalars[index])
        index += 1
      }
      var tag = Tag(name: name.lowercased(), attributes: [:])
      while index < scalars.count, scalars[index] != ">" {
        skipSpace()
        guard index < scalars.count, scalars[index] != ">" else { break }
        if scalars[index] == "/" {
          index += 1
          continue
        }
        var attribute = ""
        while index < scalars.count, isNameCharacter(scalars[index]) {
          attribute.unicodeScalars.append(scalars[index])
          index += 1
        }
        skipSpace()
        var value = ""
        if index < scalars.count, scalars[index] == "=" {
          index += 1
          skipSpace()
          if index < scalars.count, scalars[index] == "\"" || scalars[index] == "'" {
            let quote = scalars[index]
            index += 1
            while index < scalars.count, scalars[index] != quote {
              value.unicodeScalars.append(scalars[index])
              index += 1
            }
            index += 1
          } else {
            while index < scalars.count, !CharacterSet.whitespacesAndNewlines.contains(scalars[index]),
              scalars[index] != ">"
            {
              value.unicodeScalars.append(scalars[index])
              index += 1
            }
          }
        }
        if !attribute.isEmpty, tag.attributes[attribute.lowercased()] == nil {
          tag.attributes[attribute.lowercased()] = decodeEntities(value)
        }
      }
      index += 1
      if tag.name == "style" {
        let start = index
        while index < scalars.count, !(scalars[index] == "<" && index + 1 < scalars.count && scalars[index + 1] == "/")
        { index += 1 }
        var text = ""
        text.unicodeScalars.append(contentsOf: scalars[start..<min(index, scalars.count)])
        tag.text = text
      }
      tags.append(tag)
    }
    return tags
  }

  static func decodeEntities(_ value: String) -> String {
    guard value.contains("&") else { return value }
    return value.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
      .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&amp;", with: "&")
  }

  /// `path` relative to `folder`, with `..` where needed.
  static func relative(_ path: String, from folder: String) -> String {
    let target = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
    let base = URL(fileURLWithPath: folder).standardizedFileURL.pathComponents
    var common = 0
    while common < target.count, common < base.count, target[common] == base[common] { common += 1 }
    let parts = Array(repeating: "..", count: base.count - common) + target[common...]
    return parts.isEmpty ? "." : parts.joined(separator: "/")
  }
}
