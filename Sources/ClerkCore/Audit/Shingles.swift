/// Turns text into words and runs of words, normalised so that case, white
/// space, HTML entities and smart punctuation cannot hide a leak.
public enum Shingles {
  /// Runs of this many words are compared.
  public static let width = 8

  /// Words of `text` with the 1-based line each starts on.
  static func words(_ text: String) -> [(word: String, line: Int)] {
    var result: [(String, Int)] = []
    var current = ""
    var line = 1
    var startLine = 1
    func flush() {
      if !current.isEmpty {
        result.append((current, startLine))
        current = ""
      }
    }
    for scalar in decodeEntities(text).unicodeScalars {
      if scalar == "\n" { line += 1 }
      if let folded = fold(scalar) {
        if current.isEmpty { startLine = line }
        current.unicodeScalars.append(folded)
      } else if scalar == "'" || scalar == "\u{2019}" || scalar == "\u{2018}" {
        continue  // "don't" and "don’t" are one word either way
      } else {
        flush()
      }
    }
    flush()
    return result
  }

  /// Lowercased letters and digits; nil for anything that separates words.
  static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar? {
    let properties = scalar.properties
    guard properties.isAlphabetic || properties.numericType != nil else { return nil }
    if scalar.isASCII {
      return scalar.value >= 65 && scalar.value <= 90 ? Unicode.Scalar(scalar.value + 32) : scalar
    }
    return properties.lowercaseMapping.unicodeScalars.first ?? scalar
  }

  /// A stable 64-bit hash (FNV-1a) of a run of words.
  static func hash(_ words: ArraySlice<(word: String, line: Int)>) -> UInt64 {
    var hash: UInt64 = 0xcbf2_9ce4_8422_2325
    for entry in words {
      for byte in entry.word.utf8 {
        hash ^= UInt64(byte)
        hash = hash &* 0x100_0000_01b3
      }
      hash ^= 0x20
      hash = hash &* 0x100_0000_01b3
    }
    return hash
  }

  /// Every run of `width` words: its hash and the line it starts on.
  static func runs(_ text: String) -> [(hash: UInt64, line: Int)] {
    let list = words(text)
    guard list.count >= width else { return [] }
    return (0...(list.count - width)).map { start in
      (hash(list[start..<(start + width)]), list[start].line)
    }
  }

  /// Decodes the HTML entities that matter for text (named basics and numeric).
  static func decodeEntities(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = text[...]
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      let after = rest[rest.index(after: amp)...]
      guard let semicolon = after.prefix(12).firstIndex(of: ";") else {
        out += "&"
        rest = after
        continue
      }
      let name = after[..<semicolon]
      let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ", "ndash": "–", "mdash": "—", "rsquo": "’", "lsquo": "‘", "ldquo": "“", "rdquo": "”", "hellip": "…"]
      if let value = named[String(name)] {
        out += value
      } else if name.hasPrefix("#x") || name.hasPrefix("#X"), let code = UInt32(name.dropFirst(2), radix: 16), let scalar = Unicode.Scalar(code) {
        out.unicodeScalars.append(scalar)
      } else if name.hasPrefix("#"), let code = UInt32(name.dropFirst()), let scalar = Unicode.Scalar(code) {
        out.unicodeScalars.append(scalar)
      } else {
        out += "&" + name + ";"
      }
      rest = after[after.index(after: semicolon)...]
    }
    return out + rest
  }
}
