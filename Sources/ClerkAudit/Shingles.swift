/// Turns text into runs of eight words, normalised so that case, white
/// space, HTML entities and smart punctuation cannot hide a leak. Runs never
/// cross a block boundary (a paragraph, a table cell, a heading, an
/// attribute value), so text that merely sits side by side on a page cannot
/// look like a sentence of the source. Works on UTF-8 bytes, one table
/// lookup per byte: the build audits every public page it writes.
public enum Shingles {
  /// Runs of this many words are compared.
  public static let width = 8

  /// Every run of `width` words: its hash and the line it starts on.
  /// With `markup`, the text is HTML: tags are dropped (block tags end a
  /// run), attribute values are read as text of their own.
  static func runs(_ text: String, markup: Bool = false) -> [(hash: UInt64, line: Int)] {
    var found: [(hash: UInt64, line: Int)] = []
    forEachRun(text, markup: markup) { hash, line in found.append((hash, line)) }
    return found
  }

  /// Calls `body` with the hash and first line of every run, in order.
  /// With `masked`, every word holding a digit and every month name
  /// counts as one and the same word, so "held on 11 November 2025" and
  /// "held on 8 July 2025" give the same runs: how the pasted-text check
  /// recognises a formula sentence.
  static func forEachRun(_ text: String, markup: Bool = false, masked: Bool = false, _ body: (UInt64, Int) -> Void) {
    var text = text
    text.withUTF8 { bytes in
      var tokenizer = Tokenizer(markup: markup, masked: masked)
      withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * width) { ring in
        tokenizer.scan(bytes, ring: ring.baseAddress!, body)
      }
    }
  }

  /// Where each of `wanted` first starts in source text: the line, and the
  /// column (in bytes, from 1) of its first word. The slow, careful path,
  /// for the few runs a check reports: each word start of the line is
  /// tried as the start of a run.
  static func places(of wanted: Set<UInt64>, in text: String) -> [UInt64: (line: Int, column: Int)] {
    var lines: [UInt64: Int] = [:]
    forEachRun(text) { hash, line in
      if wanted.contains(hash), lines[hash] == nil { lines[hash] = line }
    }
    let bytes = Array(text.utf8)
    var lineStarts = [0]
    for (offset, byte) in bytes.enumerated() where byte == 10 { lineStarts.append(offset + 1) }
    func isWordByte(_ byte: UInt8) -> Bool { byte >= 128 || classes[Int(byte)].0 == .letter }
    var places: [UInt64: (line: Int, column: Int)] = [:]
    for (hash, line) in lines {
      let start = lineStarts[line - 1]
      let end = line < lineStarts.count ? lineStarts[line] : bytes.count
      var column = 1
      for offset in start..<end where isWordByte(bytes[offset]) && (offset == start || !isWordByte(bytes[offset - 1])) {
        let tail = String(decoding: bytes[offset..<min(bytes.count, offset + 4000)], as: UTF8.self)
        var first: (UInt64, Int)?
        forEachRun(tail) { hash, line in if first == nil { first = (hash, line) } }
        if let first, first.0 == hash, first.1 == 1 {
          column = offset - start + 1
          break
        }
      }
      places[hash] = (line, column)
    }
    return places
  }

  /// Byte classes of the tokenizer's table.
  enum Class: UInt8 {
    case space = 0, punctuation, letter, apostrophe, newline, tag, entity, bar, unicode
  }

  /// The class of each byte, and for letters the lowercased byte; kept at
  /// a fixed address so the scanning loop reads it without retaining.
  nonisolated(unsafe) static let table: UnsafePointer<(Class, UInt8)> = {
    let table = UnsafeMutablePointer<(Class, UInt8)>.allocate(capacity: 256)
    table.initialize(from: classes, count: 256)
    return UnsafePointer(table)
  }()

  static let classes: [(Class, UInt8)] = (0..<256).map { value -> (Class, UInt8) in
    let byte = UInt8(value)
    switch byte {
    case 97...122, 48...57: return (.letter, byte)
    case 65...90: return (.letter, byte + 32)
    case 32, 9, 13: return (.space, 0)
    case 10: return (.newline, 0)
    case 39: return (.apostrophe, 0)
    case 60: return (.tag, 0)
    case 38: return (.entity, 0)
    case 124: return (.bar, 0)
    case 128...255: return (.unicode, 0)
    default: return (.punctuation, 0)
    }
  }

  struct Tokenizer {
    let markup: Bool
    let table = Shingles.table
    let blocks = Tokenizer.blockTable
    var word: UInt64 = Self.offset
    var wordLength = 0
    var wordLine = 1
    var line = 1
    /// Words in the current run (capped at `width`), and the rolling hash
    /// of the last `width` of them.
    var filled = 0
    var head = 0
    var rolling: UInt64 = 0

    let masked: Bool
    var wordHasDigit = false

    init(markup: Bool, masked: Bool = false) {
      self.markup = markup
      self.masked = masked
    }

    /// What a masked number or month hashes to.
    static let maskedWord: UInt64 = 0x4E55_4D42_4552_0001

    /// FNV-1a of the month names and their abbreviations.
    static let months: Set<UInt64> = Set(
      ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
       "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"].map { name in
        name.utf8.reduce(offset) { ($0 ^ UInt64($1)) &* prime }
      })

    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x100_0000_01b3
    /// Multiplier of the rolling hash, and its `width`-th power (a
    /// literal: a computed static would cost a `swift_once` per word).
    static let base: UInt64 = 0x9E37_79B9_7F4A_7C15
    static let basePower: UInt64 = 0x06d4_b261_1beb_6861

    @inline(__always) mutating func letter(_ scalar: UInt32) {
      if wordLength == 0 { wordLine = line }
      if masked && scalar >= 48 && scalar <= 57 { wordHasDigit = true }
      var value = scalar
      repeat {
        word = (word ^ UInt64(value & 0xFF)) &* Self.prime
        value >>= 8
      } while value != 0
      wordLength += 1
    }

    /// Ends a word; `ring` holds the last words' hashes, then their lines.
    @inline(__always) mutating func endWord(_ ring: UnsafeMutablePointer<UInt64>, _ body: (UInt64, Int) -> Void) {
      guard wordLength > 0 else { return }
      if masked {
        if wordHasDigit || Self.months.contains(word) { word = Self.maskedWord }
        wordHasDigit = false
      }
      let slot = head & (Shingles.width - 1)
      let evicted = filled >= Shingles.width ? ring[slot] : 0
      ring[slot] = word
      ring[Shingles.width + slot] = UInt64(wordLine)
      rolling = rolling &* Self.base &+ word &- evicted &* Self.basePower
      head += 1
      filled = min(filled + 1, Shingles.width)
      if filled == Shingles.width {
        body(Self.mix(rolling), Int(ring[Shingles.width + (head & (Shingles.width - 1))]))
      }
      word = Self.offset
      wordLength = 0
    }

    /// Ends the current run of words: nothing before joins anything after.
    @inline(__always) mutating func barrier(_ ring: UnsafeMutablePointer<UInt64>, _ body: (UInt64, Int) -> Void) {
      endWord(ring, body)
      filled = 0
      rolling = 0
    }

    /// A final mix (murmur3's), so nearby runs spread over a hash table.
    @inline(__always) static func mix(_ value: UInt64) -> UInt64 {
      var hash = value
      hash ^= hash >> 33
      hash &*= 0xff51_afd7_ed55_8ccd
      hash ^= hash >> 33
      hash &*= 0xc4ce_b9fe_1a85_ec53
      hash ^= hash >> 33
      return hash
    }

    /// A character outside ASCII, or one an entity spells.
    mutating func scalar(_ value: UInt32, _ ring: UnsafeMutablePointer<UInt64>, _ body: (UInt64, Int) -> Void) {
      if value < 128 {
        let (kind, lower) = table[Int(value)]
        switch kind {
        case .letter: letter(UInt32(lower))
        case .apostrophe: break
        case .newline:
          line += 1
          endWord(ring, body)
        default: endWord(ring, body)
        }
        return
      }
      if value == 0x2019 || value == 0x2018 { return }  // "don’t": the apostrophe joins
      // Dashes, smart quotes, spaces: the General Punctuation block (and
      // the no-break space) separates words; skip the property lookup.
      if (value >= 0x2000 && value <= 0x206F) || value == 0xA0 { return endWord(ring, body) }
      guard let unicode = Unicode.Scalar(value) else { return endWord(ring, body) }
      let properties = unicode.properties
      if properties.isAlphabetic || properties.numericType != nil {
        letter(properties.lowercaseMapping.unicodeScalars.first?.value ?? value)
      } else {
        endWord(ring, body)
      }
    }

    mutating func scan(_ bytes: UnsafeBufferPointer<UInt8>, ring: UnsafeMutablePointer<UInt64>, _ body: (UInt64, Int) -> Void) {
      do {
        var index = 0
        let count = bytes.count
        var blankLine = true
        while index < count {
          let byte = bytes[index]
          let (kind, lower) = table[Int(byte)]
          switch kind {
          case .letter:
            // The hot path: a run of ASCII letters, hashed in registers.
            if wordLength == 0 { wordLine = line }
            var hash = (word ^ UInt64(lower)) &* Self.prime
            var length = wordLength &+ 1
            var position = index &+ 1
            while position < count {
              let (next, nextLower) = table[Int(bytes[position])]
              guard next == .letter else { break }
              hash = (hash ^ UInt64(nextLower)) &* Self.prime
              length &+= 1
              position &+= 1
            }
            if masked && !wordHasDigit {
              wordHasDigit = bytes[index..<position].contains { $0 >= 48 && $0 <= 57 }
            }
            word = hash
            wordLength = length
            blankLine = false
            index = position
          case .space:
            endWord(ring, body)
            index += 1
          case .punctuation:
            endWord(ring, body)
            blankLine = false
            index += 1
          case .apostrophe:
            blankLine = false
            index += 1
          case .newline:
            // Source text: a blank line ends a run, and so does a list
            // item's marker (each item is a block of its own, as in HTML).
            if !markup && (blankLine || Self.startsListItem(bytes, at: index + 1)) { barrier(ring, body) }
            blankLine = true
            line += 1
            endWord(ring, body)
            index += 1
          case .bar:
            // Source text: a table cell ends a run.
            if markup { endWord(ring, body) } else { barrier(ring, body) }
            blankLine = false
            index += 1
          case .tag:
            blankLine = false
            if markup {
              index = tag(bytes, from: index + 1, ring, body)
            } else {
              endWord(ring, body)
              index += 1
            }
          case .entity:
            blankLine = false
            if let (value, next) = Self.entity(bytes, from: index + 1) {
              scalar(value, ring, body)
              index = next
            } else {
              endWord(ring, body)
              index += 1
            }
          case .unicode:
            blankLine = false
            let (value, length) = Self.decode(bytes, at: index)
            scalar(value, ring, body)
            index += length
          }
        }
        endWord(ring, body)
      }
    }

    /// Whether the line at `start` opens a markdown list item: `-`, `*` or
    /// `+`, or up to nine digits and `.` or `)`, then a space (after any
    /// indentation).
    static func startsListItem(_ bytes: UnsafeBufferPointer<UInt8>, at start: Int) -> Bool {
      var index = start
      while index < bytes.count && bytes[index] == 32 { index += 1 }
      guard index < bytes.count else { return false }
      let first = bytes[index]
      if first == 45 || first == 42 || first == 43 {
        index += 1
      } else {
        let digits = index
        while index < bytes.count && index - digits < 9 && bytes[index] >= 48 && bytes[index] <= 57 { index += 1 }
        guard index > digits, index < bytes.count, bytes[index] == 46 || bytes[index] == 41 else { return false }
        index += 1
      }
      return index < bytes.count && (bytes[index] == 32 || bytes[index] == 9)
    }

    /// Reads a tag; block tags end a run, attribute values are words of their own.
    mutating func tag(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, _ ring: UnsafeMutablePointer<UInt64>, _ body: (UInt64, Int) -> Void) -> Int {
      let count = bytes.count
      var index = start
      if index < count && bytes[index] == 47 { index += 1 }  // </
      var name: UInt64 = Self.offset
      while index < count {
        let (kind, lower) = table[Int(bytes[index])]
        guard kind == .letter else { break }
        name = (name ^ UInt64(lower)) &* Self.prime
        index += 1
      }
      if isBlock(name) { barrier(ring, body) } else { endWord(ring, body) }
      while index < count && bytes[index] != 62 {
        let byte = bytes[index]
        if byte == 34 || byte == 39 {
          // An attribute value is a run of its own; the text around the
          // tag carries on after it ("moved <a href=…>placement</a> three").
          endWord(ring, body)
          let saved = (filled, head, rolling)
          // Only a run in progress needs its words kept (after a block tag there is none).
          let keepsRun = filled > 0
          withUnsafeTemporaryAllocation(of: UInt64.self, capacity: 2 * Shingles.width) { copy in
            if keepsRun { copy.baseAddress!.update(from: ring, count: 2 * Shingles.width) }
            filled = 0
            rolling = 0
            index += 1
            while index < count && bytes[index] != byte {
              let (kind, lower) = table[Int(bytes[index])]
              if kind == .letter {
                letter(UInt32(lower))
                index += 1
                continue
              }
              if bytes[index] == 38, let (value, next) = Self.entity(bytes, from: index + 1) {
                scalar(value, ring, body)
                index = next
                continue
              }
              let (value, length) = Self.decode(bytes, at: index)
              scalar(value, ring, body)
              index += length
            }
            endWord(ring, body)
            if keepsRun { ring.update(from: copy.baseAddress!, count: 2 * Shingles.width) }
          }
          (filled, head, rolling) = saved
        }
        if index < count && bytes[index] == 10 { line += 1 }
        index += 1
      }
      return index + 1
    }

    /// Whether a tag name's hash is a block tag's.
    @inline(__always) func isBlock(_ name: UInt64) -> Bool {
      var slot = Int(name & 127)
      while blocks[slot] != 0 {
        if blocks[slot] == name { return true }
        slot = (slot + 1) & 127
      }
      return false
    }

    /// FNV-1a hashes of the names of tags that end a run, in a table of
    /// 128 slots (open addressing, 0 is empty).
    nonisolated(unsafe) static let blockTable: UnsafePointer<UInt64> = {
      let table = UnsafeMutablePointer<UInt64>.allocate(capacity: 128)
      table.initialize(repeating: 0, count: 128)
      for name in blockTags {
        var slot = Int(name & 127)
        while table[slot] != 0 { slot = (slot + 1) & 127 }
        table[slot] = name
      }
      return UnsafePointer(table)
    }()

    static let blockTags: [UInt64] = (
      [
        "p", "li", "td", "th", "tr", "h1", "h2", "h3", "h4", "h5", "h6", "div", "section", "br", "dt", "dd",
        "caption", "title", "blockquote", "pre", "figcaption", "nav", "header", "footer", "main", "table", "ul",
        "ol", "dl", "article", "aside", "hr", "body", "head", "html", "figure", "details", "summary", "option",
      ].map { name in name.utf8.reduce(offset) { ($0 ^ UInt64($1)) &* prime } })

    /// One UTF-8 scalar and its length (invalid bytes count as a separator).
    static func decode(_ bytes: UnsafeBufferPointer<UInt8>, at index: Int) -> (UInt32, Int) {
      let lead = bytes[index]
      if lead < 0x80 { return (UInt32(lead), 1) }
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
      guard index + length <= bytes.count else { return (32, 1) }
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
      let count = bytes.count
      var end = start
      while end < count && end - start < 10 && bytes[end] != 59 { end += 1 }
      guard end < count, bytes[end] == 59, end > start else { return nil }
      if bytes[start] == 35 {  // #
        var value: UInt32 = 0
        var digits = start + 1
        let hex = digits < end && (bytes[digits] == 120 || bytes[digits] == 88)
        if hex { digits += 1 }
        guard digits < end else { return nil }
        for position in digits..<end {
          let byte = bytes[position]
          let digit: UInt32
          switch byte {
          case 48...57: digit = UInt32(byte - 48)
          case 97...102 where hex: digit = UInt32(byte - 87)
          case 65...70 where hex: digit = UInt32(byte - 55)
          default: return nil
          }
          value = value &* (hex ? 16 : 10) &+ digit
          if value > 0x10FFFF { return nil }
        }
        return (value, end + 1)
      }
      let name = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
      return named[name].map { ($0, end + 1) }
    }
  }
}
