/// Turns text into runs of eight words, normalised so that case, white
/// space, HTML entities and smart punctuation cannot hide a leak. Runs never
/// cross a block boundary (a paragraph, a table cell, a heading, an
/// attribute value), so text that merely sits side by side on a page cannot
/// look like a sentence of the source. Works on UTF-8 bytes: audits read
/// every page of an archive.
public enum Shingles {
  /// Runs of this many words are compared.
  public static let width = 8

  /// Every run of `width` words: its hash and the line it starts on.
  /// With `markup`, the text is HTML: tags are dropped (block tags end a
  /// run), attribute values are read as text of their own.
  static func runs(_ text: String, markup: Bool = false) -> [(hash: UInt64, line: Int)] {
    var tokenizer = Tokenizer()
    var bytes = Array(text.utf8)
    bytes.append(0)
    bytes.withUnsafeBufferPointer { buffer in
      tokenizer.scan(buffer, markup: markup)
    }
    return tokenizer.runs
  }

  struct Tokenizer {
    var runs: [(hash: UInt64, line: Int)] = []
    var word: UInt64 = Tokenizer.offset
    var wordLength = 0
    var wordLine = 1
    var line = 1

    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3

    mutating func letter(_ scalar: UInt32) {
      if wordLength == 0 { wordLine = line }
      var value = scalar
      if value >= 65 && value <= 90 { value += 32 }
      while value != 0 {
        word = (word ^ UInt64(value & 0xFF)) &* Self.prime
        value >>= 8
      }
      wordLength += 1
    }

    /// The last `width` words, as a ring.
    var ring = [(hash: UInt64, line: Int)](repeating: (0, 0), count: Shingles.width)
    var filled = 0
    var head = 0

    mutating func endWord() {
      guard wordLength > 0 else { return }
      ring[head] = (word, wordLine)
      head = (head + 1) % Shingles.width
      filled += 1
      if filled >= Shingles.width {
        var hash = Self.offset
        var position = head
        for _ in 0..<Shingles.width {
          hash = (hash ^ ring[position].hash) &* Self.prime
          position = (position + 1) % Shingles.width
        }
        runs.append((hash, ring[head].line))
      }
      word = Self.offset
      wordLength = 0
    }

    /// Ends the current run of words: nothing before joins anything after.
    mutating func barrier() {
      endWord()
      filled = 0
    }

    mutating func character(_ scalar: UInt32) {
      if scalar == 10 {
        line += 1
        endWord()
        return
      }
      if scalar < 128 {
        let isLetter = (scalar >= 97 && scalar <= 122) || (scalar >= 65 && scalar <= 90) || (scalar >= 48 && scalar <= 57)
        if isLetter {
          letter(scalar)
        } else if scalar != 39 {  // "don't": the apostrophe joins
          endWord()
        }
        return
      }
      if scalar == 0x2019 || scalar == 0x2018 { return }
      guard let unicode = Unicode.Scalar(scalar) else { return endWord() }
      let properties = unicode.properties
      if properties.isAlphabetic || properties.numericType != nil {
        let lower = properties.lowercaseMapping.unicodeScalars.first?.value ?? scalar
        letter(lower)
      } else {
        endWord()
      }
    }

    static let blockTags: Set<String> = [
      "p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "br", "dt", "dd",
      "caption", "title", "blockquote", "pre", "figcaption", "nav", "header", "footer", "main", "table", "ul",
      "ol", "dl", "article", "aside", "hr", "body", "head", "html", "figure", "details", "summary", "option",
    ]

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, markup: Bool) {
      var index = 0
      let count = bytes.count - 1  // trailing 0
      var blankLine = true
      while index < count {
        let byte = bytes[index]
        if markup && byte == 60 {  // <
          index = tag(bytes, from: index + 1)
          continue
        }
        if byte == 38, let (scalar, next) = Self.entity(bytes, from: index + 1) {  // &
          character(scalar)
          index = next
          continue
        }
        if !markup {
          // Source text: blank lines and table cells end a run too.
          if byte == 124 { barrier() }
          if byte == 10 {
            if blankLine { barrier() }
            blankLine = true
          } else if byte != 32 && byte != 9 && byte != 13 {
            blankLine = false
          }
        }
        let (scalar, length) = Self.decode(bytes, at: index)
        character(scalar)
        index += length
      }
      endWord()
    }

    /// Reads a tag; block tags end a run, attribute values are words of their own.
    mutating func tag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
      let count = bytes.count - 1
      var index = start
      if index < count && bytes[index] == 47 { index += 1 }  // </
      var name = ""
      while index < count, let scalar = Optional(bytes[index]), (scalar >= 97 && scalar <= 122) || (scalar >= 65 && scalar <= 90) || (scalar >= 48 && scalar <= 57) {
        name.unicodeScalars.append(Unicode.Scalar(scalar >= 65 && scalar <= 90 ? scalar + 32 : scalar))
        index += 1
      }
      if Self.blockTags.contains(name) { barrier() } else { endWord() }
      while index < count && bytes[index] != 62 {
        let byte = bytes[index]
        if byte == 34 || byte == 39 {
          barrier()
          index += 1
          while index < count && bytes[index] != byte {
            if bytes[index] == 38, let (scalar, next) = Self.entity(bytes, from: index + 1) {
              character(scalar)
              index = next
              continue
            }
            let (scalar, length) = Self.decode(bytes, at: index)
            character(scalar)
            index += length
          }
          barrier()
        }
        if bytes[index] == 10 { line += 1 }
        index += 1
      }
      return index + 1
    }

    /// One UTF-8 scalar and its length (invalid bytes count as a separator).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
      let lead = bytes[index]
      if lead < 0x80 { return (UInt32(lead), 1) }
      let count = bytes.count - 1
      var length = 0
      var value: UInt32 = 0
      if lead >> 5 == 0x6 {
        length = 2
        value = UInt32(lead & 0x1F)
      } else if lead >> 4 == 0xE {
        length = 3
        value = UInt32(lead & 0x0F)
      } else if lead >> 3 == 0x1E {
        length = 4
        value = UInt32(lead & 0x07)
      } else {
        return (32, 1)
      }
      guard index + length <= count else { return (32, 1) }
      for offset in 1..<length {
        let byte = bytes[index + offset]
        guard byte >> 6 == 0x2 else { return (32, 1) }
        value = value << 6 | UInt32(byte & 0x3F)
      }
      return (value, length)
    }

    static let named: [String: UInt32] = [
      "amp": 38, "lt": 60, "gt": 62, "quot": 34, "apos": 39, "nbsp": 32, "ndash": 0x2013, "mdash": 0x2014,
      "rsquo": 0x2019, "lsquo": 0x2018, "ldquo": 0x201C, "rdquo": 0x201D, "hellip": 0x2026,
    ]

    /// `&name;`, `&#NN;` or `&#xHH;` starting after the `&`.
    static func entity(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> (UInt32, Int)? {
      let count = bytes.count - 1
      var end = start
      while end < count && end - start < 10 && bytes[end] != 59 { end += 1 }
      guard end < count, bytes[end] == 59, end > start else { return nil }
      let body = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      if body.hasPrefix("#x") || body.hasPrefix("#X") {
        return UInt32(body.dropFirst(2), radix: 16).map { ($0, end + 1) }
      }
      if body.hasPrefix("#") { return UInt32(body.dropFirst()).map { ($0, end + 1) } }
      return named[body].map { ($0, end + 1) }
    }
  }
}
