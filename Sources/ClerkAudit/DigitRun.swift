/// A run of 9 or more digits with at most a single space or hyphen between
/// them ("01632 960 000"), found one byte at a time: how phone numbers are
/// matched whatever their spacing.
struct DigitRun {
  private var start = -1
  private var digits = 0
  private var gap = false

  var isEmpty: Bool { digits == 0 }

  /// Takes the byte at `position`; returns the range of a run of 9 or more
  /// digits that this byte ends.
  mutating func feed(_ byte: UInt8, at position: Int) -> Range<Int>? {
    if byte >= 48 && byte <= 57 {
      if start < 0 { start = position }
      digits += 1
      gap = false
      return nil
    }
    if (byte == 32 || byte == 45) && digits > 0 && !gap {
      gap = true
      return nil
    }
    return end(at: position)
  }

  /// Ends the run at `position` (a letter, the end of the text).
  mutating func end(at position: Int) -> Range<Int>? {
    defer {
      start = -1
      digits = 0
      gap = false
    }
    return digits >= 9 ? start..<position : nil
  }
}
