/// The text a reader sees in a fragment of Clerk's own HTML (a rendered
/// summary or note): tags dropped, entities decoded, white space
/// collapsed. Open data carries this rather than the markdown source,
/// whose link targets (`item:` slugs) are not for publication.
enum HTMLText {
  static func plain(_ html: String) -> String {
    var text = ""
    var tag: String?
    var entity: String?
    for character in html {
      if var pending = entity {
        if character == ";" {
          text += decode(pending) ?? "&\(pending);"
          entity = nil
        } else if pending.count < 10 && (character.isLetter || character.isNumber || character == "#") {
          pending.append(character)
          entity = pending
        } else {
          text += "&" + pending
          entity = nil
          text.append(character)
        }
        continue
      }
      if let name = tag {
        if character == ">" {
          if isBlock(name) { text += " " }
          tag = nil
        } else {
          tag = name + String(character)
        }
        continue
      }
      switch character {
      case "<": tag = ""
      case "&": entity = ""
      default: text.append(character)
      }
    }
    if let entity { text += "&" + entity }
    return text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
  }

  /// Whether a tag (its text between `<` and `>`) separates words, as a
  /// paragraph or a line break does; inline tags (`<em>`, `<a>`) do not.
  static func isBlock(_ tag: String) -> Bool {
    let name = tag.drop { $0 == "/" }.prefix { $0.isLetter || $0.isNumber }.lowercased()
    return !["a", "em", "strong", "code", "span", "del", "sup", "sub", "abbr", "b", "i", "s", "small"].contains(name)
  }

  static func decode(_ name: String) -> String? {
    switch name {
    case "amp": return "&"
    case "lt": return "<"
    case "gt": return ">"
    case "quot": return "\""
    case "apos": return "'"
    case "nbsp": return "\u{A0}"
    default:
      guard name.hasPrefix("#") else { return nil }
      let digits = name.dropFirst()
      let value = digits.hasPrefix("x") || digits.hasPrefix("X") ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits)
      return value.flatMap(Unicode.Scalar.init).map { String(Character($0)) }
    }
  }
}
