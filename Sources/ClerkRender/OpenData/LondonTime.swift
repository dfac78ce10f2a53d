import ClerkCore

/// A meeting's local time in the UK as ISO 8601 with its UTC offset, by
/// the rule in force since 1996 (summer time from 01:00 UTC on the last
/// Sunday of March to 01:00 UTC on the last Sunday of October), so the
/// offset depends on the meeting's date alone, never on the machine's
/// time zone database.
enum LondonTime {
  /// "2025-06-18T18:30:00+01:00". A time that falls in the hour the
  /// clocks skip or repeat takes the summer offset.
  static func iso(_ date: CalendarDate, time: String) -> String {
    "\(date.iso)T\(time):00\(isSummerTime(date, time: time) ? "+01:00" : "+00:00")"
  }

  static func isSummerTime(_ date: CalendarDate, time: String) -> Bool {
    guard let start = lastSunday(of: 3, in: date.year), let end = lastSunday(of: 10, in: date.year) else { return false }
    if date == start { return time >= "01:00" }
    if date == end { return time < "02:00" }
    return start < date && date < end
  }

  static func lastSunday(of month: Int, in year: Int) -> CalendarDate? {
    guard let last = CalendarDate(year: year, month: month, day: 31) else { return nil }
    return last.adding(days: -(last.isoWeekday % 7))
  }
}
