/// The text a JSON reader gets from a JSON file: string escapes decoded.
/// Read raw, `offered\nfour` is the words "offered" and "nfour", and
/// `caf\u00e9` is "caf" and "u00e9": escapes would hide a run of
/// non-public words from the scan. Decoding every escape wherever it
/// stands (a valid file has them only in strings) needs no parse, so a
/// broken file is read as well as a valid one.
enum JSONText {
  static func decoded(_ text: String) -> String {
    guard text.utf8.contains(UInt8(ascii: "\\")) else { return text }
    let bytes = Array(text.utf8)
    var output = String.UnicodeScalarView()
    var copied = 0  // bytes before this index are in `output`
    var index = 0
    func flush(upTo end: Int) {
      if end > copied { output.append(contentsOf: String(decoding: bytes[copied..<end], as: UTF8.self).unicodeScalars) }
    }
    func hex(at start: Int) -> UInt32? {
      guard start + 4 <= bytes.count else { return nil }
      return UInt32(String(decoding: bytes[start..<start + 4], as: UTF8.self), radix: 16)
    }
    while index < bytes.count {
      guard bytes[index] == UInt8(ascii: "\\"), index + 1 < bytes.count else {
        index += 1
        continue
      }
      flush(upTo: index)
      var next = index + 2
      switch bytes[index + 1] {
      case UInt8(ascii: "n"): output.append("\n")
      case UInt8(ascii: "r"), UInt8(ascii: "t"), UInt8(ascii: "b"), UInt8(ascii: "f"): output.append(" ")
      case UInt8(ascii: "u"):
        guard let unit = hex(at: index + 2) else {
          output.append("\u{FFFD}")
          break
        }
        next = index + 6
        var value = unit
        // A surrogate pair spells one character above U+FFFF.
        if (0xD800..<0xDC00).contains(unit), next + 1 < bytes.count, bytes[next] == UInt8(ascii: "\\"),
          bytes[next + 1] == UInt8(ascii: "u"), let low = hex(at: next + 2), (0xDC00..<0xE000).contains(low)
        {
          value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
          next += 6
        }
        output.append(Unicode.Scalar(value) ?? "\u{FFFD}")
      case let byte where byte < 0x80:
        // `\"`, `\\`, `\/`: the character itself.
        output.append(Unicode.Scalar(byte))
      default:
        next = index + 1  // a stray backslash before a character outside ASCII
      }
      index = next
      copied = next
    }
    flush(upTo: bytes.count)
    return String(output)
  }
}
