/// The text a calendar's reader gets from an `.ics` file (RFC 5545): folded
/// lines joined again (3.1) and TEXT escapes undone (3.3.11). A fold may
/// fall inside a word, and `\,` or `\n` sit between words; read as written,
/// either would cut a run of words, so a leak could hide across a fold.
enum CalendarText {
  static func read(_ text: String) -> String {
    var bytes = Array(text.utf8)
    bytes = unfolded(bytes)
    return String(decoding: unescaped(bytes), as: UTF8.self)
  }

  /// Every line break followed by a space or tab removed with that space.
  static func unfolded(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      let breakLength = bytes[index] == 13 && index + 1 < bytes.count && bytes[index + 1] == 10 ? 2 : bytes[index] == 10 ? 1 : 0
      if breakLength > 0, index + breakLength < bytes.count, bytes[index + breakLength] == 32 || bytes[index + breakLength] == 9 {
        index += breakLength + 1
        continue
      }
      out.append(bytes[index])
      index += 1
    }
    return out
  }

  /// `\n` and `\N` as a line break; `\,`, `\;` and `\\` as the character.
  static func unescaped(_ bytes: [UInt8]) -> [UInt8] {
    var out: [UInt8] = []
    out.reserveCapacity(bytes.count)
    var index = 0
    while index < bytes.count {
      if bytes[index] == 92, index + 1 < bytes.count {
        switch bytes[index + 1] {
        case 110, 78: out.append(10)
        case 44, 59, 92: out.append(bytes[index + 1])
        default:
          out.append(92)
          index += 1
          continue
        }
        index += 2
        continue
      }
      out.append(bytes[index])
      index += 1
    }
    return out
  }
}
