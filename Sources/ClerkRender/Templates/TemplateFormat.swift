import Mustache

/// What a template writes, read from its name: `sitemap.xml.mustache` and
/// `feed.atom.mustache` are XML, `calendar.ics.mustache` iCalendar,
/// `robots.txt.mustache` plain text, anything else HTML. Each format escapes `{{values}}` its own way, so no
/// template can fall back to HTML escaping by accident (`{{{triple}}}`
/// never escapes, in any format).
public enum TemplateFormat: String, Sendable, CaseIterable {
  case html, xml, icalendar, text

  /// The format of the template named `name` (its path without `.mustache`).
  public init(templateName name: String) {
    switch name.split(separator: "/").last?.split(separator: ".").dropFirst().last {
    case "xml", "atom": self = .xml
    case "ics": self = .icalendar
    case "txt": self = .text
    default: self = .html
    }
  }

  /// The line put in front of each template as it is loaded: a standalone
  /// pragma tag, so it renders nothing.
  var pragma: String { Self.pragmas[self] ?? "" }

  static let pragmas: [TemplateFormat: String] = {
    var pragmas: [TemplateFormat: String] = [:]
    for format in TemplateFormat.allCases {
      let name = "CLERK_" + format.rawValue.uppercased()
      MustacheContentTypes.register(ContentType(format: format), named: name)
      pragmas[format] = "{{% CONTENT_TYPE: \(name)}}\n"
    }
    return pragmas
  }()

  struct ContentType: MustacheContentType {
    var format: TemplateFormat
    func escapeText(_ text: String) -> String { format.escape(text) }
  }

  /// `text` made safe as a value of this format.
  public func escape(_ text: String) -> String {
    switch self {
    case .html: return HTMLEscape.escape(text)
    case .xml: return HTMLEscape.escape(Self.withoutXMLControls(text))
    case .icalendar: return Self.icalendarText(text)
    case .text: return text
    }
  }

  /// The finished output of a template: iCalendar lines end in CRLF and
  /// are folded at 75 octets (RFC 5545 3.1); the others are as rendered.
  public func finish(_ output: String) -> String {
    guard self == .icalendar else { return output }
    var lines = output.split(separator: "\n", omittingEmptySubsequences: false).map {
      $0.hasSuffix("\r") ? $0.dropLast() : $0
    }
    if lines.last?.isEmpty == true { lines.removeLast() }
    var folded: [UInt8] = []
    folded.reserveCapacity(output.utf8.count + output.utf8.count / 24)
    for line in lines where !line.isEmpty {
      Self.fold(line, into: &folded)
      folded.append(contentsOf: "\r\n".utf8)
    }
    return String(decoding: folded, as: UTF8.self)
  }

  /// `fold(_:)` appended as bytes: an ASCII line is folded by its bytes
  /// (each a character), any other as `fold` folds it.
  static func fold(_ line: Substring, into folded: inout [UInt8]) {
    let bytes = line.utf8
    guard bytes.count > 75 else {
      folded.append(contentsOf: bytes)
      return
    }
    guard bytes.allSatisfy({ $0 < 0x80 }) else {
      folded.append(contentsOf: fold(String(line)).utf8)
      return
    }
    var start = bytes.startIndex
    var limit = 75
    while start != bytes.endIndex {
      let end = bytes.index(start, offsetBy: limit, limitedBy: bytes.endIndex) ?? bytes.endIndex
      if start != bytes.startIndex { folded.append(contentsOf: "\r\n ".utf8) }
      folded.append(contentsOf: bytes[start..<end])
      start = end
      limit = 74
    }
  }

  /// XML 1.0 allows no control characters but tab, line feed and carriage return.
  static func withoutXMLControls(_ text: String) -> String {
    guard text.unicodeScalars.contains(where: { $0.value < 32 && $0 != "\t" && $0 != "\n" && $0 != "\r" }) else {
      return text
    }
    return String(String.UnicodeScalarView(text.unicodeScalars.filter { $0.value >= 32 || $0 == "\t" || $0 == "\n" || $0 == "\r" }))
  }

  /// An iCalendar TEXT value (RFC 5545 3.3.11): backslash, semicolon and
  /// comma escaped, line breaks written `\n`.
  static func icalendarText(_ text: String) -> String {
    var out = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "\\": out += "\\\\"
      case ";": out += "\\;"
      case ",": out += "\\,"
      case "\n": out += "\\n"
      case "\r": continue
      default: out.unicodeScalars.append(scalar)
      }
    }
    return out
  }

  /// One content line folded into lines of at most 75 octets, each
  /// continuation starting with a space, never inside a UTF-8 character.
  static func fold(_ line: String) -> String {
    guard line.utf8.count > 75 else { return line }
    var parts: [String] = []
    var current = ""
    var size = 0
    for character in line {
      let length = character.utf8.count
      let limit = parts.isEmpty ? 75 : 74
      if size + length > limit {
        parts.append(current)
        current = ""
        size = 0
      }
      current.append(character)
      size += length
    }
    parts.append(current)
    return parts.joined(separator: "\r\n ")
  }
}
