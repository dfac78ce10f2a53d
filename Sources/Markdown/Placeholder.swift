/// Markers left in the parse-time HTML for what is only known at render time.
///
/// `U+E002` alone stands for the id prefix; `U+E000`, a kind letter, a
/// decimal index and `U+E001` stand for part of a placeholder link, a
/// heading id or a status badge. They reach the HTML as the text of text
/// nodes, which cmark-gfm copies unescaped. Sources cannot contain these characters (`SourceText` turns
/// them into U+FFFD) and cmark-gfm never emits them, so every marker in the
/// HTML was put there by this module.
enum Placeholder {
  static let open: UInt8 = 0x80  // third byte of U+E000 (EE 80 80)
  static let close: UInt8 = 0x81  // third byte of U+E001
  static let idPrefix: UInt8 = 0x82  // third byte of U+E002
  static let idPrefixString = "\u{E002}"

  enum Kind: UInt8 {
    /// First child of a heading; replaced by an `id` attribute at parse time.
    case heading = 0x48  // H
    /// `<a href=… title=…>` of a placeholder link, or nothing if unresolved.
    case linkStart = 0x4C  // L
    /// `</a>`, or nothing if unresolved.
    case linkEnd = 0x45  // E
    /// The resolved link text, for a link written without text.
    case linkText = 0x54  // T
    /// A status badge (index into `StatusBadge.allCases`); replaced at parse time.
    case statusBadge = 0x42  // B
  }

  static func marker(_ kind: Kind, _ index: Int) -> String {
    "\u{E000}\(Character(Unicode.Scalar(kind.rawValue)))\(index)\u{E001}"
  }

  /// Parses a marker whose first byte (0xEE) is at `start`: its kind, index
  /// and the index just past it.
  static func parseMarker(
    _ bytes: UnsafeBufferPointer<UInt8>, at start: Int
  ) -> (kind: Kind, index: Int, end: Int)? {
    var position = start + 3
    guard position < bytes.count, bytes[start + 2] == open,
      let kind = Kind(rawValue: bytes[position])
    else { return nil }
    position += 1
    var index = 0
    while position < bytes.count, bytes[position] >= 0x30, bytes[position] <= 0x39 {
      index = index &* 10 &+ Int(bytes[position] - 0x30)
      position += 1
    }
    guard position + 2 < bytes.count, bytes[position] == 0xEE, bytes[position + 1] == 0x80,
      bytes[position + 2] == close
    else { return nil }
    return (kind, index, position + 3)
  }
}

/// HTML escaping for text and double-quoted attribute values.
enum HTMLEscaping {
  static func append(_ text: String, to output: inout [UInt8]) {
    for byte in text.utf8 {
      switch byte {
      case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
      case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
      case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
      case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
      case UInt8(ascii: "'"): output.append(contentsOf: "&#39;".utf8)
      default: output.append(byte)
      }
    }
  }

  static func escape(_ text: String) -> String {
    var output: [UInt8] = []
    output.reserveCapacity(text.utf8.count)
    append(text, to: &output)
    return String(decoding: output, as: UTF8.self)
  }
}
