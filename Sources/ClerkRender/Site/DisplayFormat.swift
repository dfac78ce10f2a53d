import ClerkCore

/// How dates, times and sizes are written for readers, as councils print them.
public enum DisplayFormat {
  /// "18:30" → "6.30 pm"; "11:00" → "11.00 am"; "12:00" → "12.00 pm".
  public static func time(_ text: String) -> String {
    let parts = text.split(separator: ":")
    guard parts.count == 2, let hours = Int(parts[0]) else { return text }
    let suffix = hours < 12 ? "am" : "pm"
    let twelve = hours % 12 == 0 ? 12 : hours % 12
    return "\(twelve).\(parts[1]) \(suffix)"
  }

  /// "MONDAY, 10 FEBRUARY 2020" as on a front sheet.
  public static func frontSheetDate(_ date: CalendarDate) -> String {
    "\(date.weekdayName), \(date.day) \(date.monthName) \(date.year)".uppercased()
  }

  /// "10 February 2020".
  public static func date(_ date: CalendarDate) -> String {
    "\(date.day) \(date.monthName) \(date.year)"
  }

  /// "1.2 MB", "640 KB".
  public static func size(_ bytes: Int) -> String {
    if bytes >= 1_000_000 {
      let tenths = (bytes + 50_000) / 100_000
      return "\(tenths / 10).\(tenths % 10) MB"
    }
    return "\(max(1, (bytes + 500) / 1000)) KB"
  }

  /// 1 → "A", 27 → "AA": appendix letters.
  public static func letter(_ index: Int) -> String { AppendixNumbering.letters.label(index) }

  /// "Page 23" for one page, "Pages 23 - 24" for more: the one wording of
  /// a page range in the pack's agenda, on the meeting page and in `clerk check`.
  public static func pageRange(first: Int, last: Int) -> String {
    first == last ? "Page \(first)" : "Pages \(first) - \(last)"
  }

  public static func list<Number: CustomStringConvertible>(_ numbers: [Number]) -> String {
    numbers.map(\.description).joined(separator: ", ")
  }
}
