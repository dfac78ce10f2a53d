import ClerkCore

/// The time zone every meeting's time is in, written as the `VTIMEZONE`
/// a calendar needs beside `DTSTART;TZID=Europe/London` (RFC 5545 3.6.5).
/// The rule since 1996: British Summer Time (UTC+1) from 01:00 GMT on the
/// last Sunday of March, Greenwich Mean Time (UTC) from 01:00 GMT on the
/// last Sunday of October.
enum EuropeLondon {
  static let tzid = "Europe/London"
  /// The first year of the rule, whose onsets start each observance.
  static let ruleYear = 1996

  /// One half of the year: its name, its offsets, and when it begins.
  struct Observance {
    /// `DAYLIGHT` or `STANDARD`.
    var component: String
    var name: String
    var offsetFrom: String
    var offsetTo: String
    var month: Int
    /// The local time of the change: 01:00 GMT is 01:00 in March, 02:00 BST in October.
    var localTime: String

    /// The first change under the rule, as a local date-time.
    var onset: String {
      ContentTimestamp.icalendarLocal(EuropeLondon.lastSunday(of: month, in: EuropeLondon.ruleYear), time: localTime)
    }

    /// Every later change: yearly, on the month's last Sunday.
    var rule: String { "FREQ=YEARLY;BYMONTH=\(month);BYDAY=-1SU" }

    func dictionary() -> [String: Any] {
      ["component": component, "name": name, "offsetFrom": offsetFrom, "offsetTo": offsetTo, "onset": onset, "rule": rule]
    }
  }

  static let observances = [
    Observance(component: "DAYLIGHT", name: "BST", offsetFrom: "+0000", offsetTo: "+0100", month: 3, localTime: "01:00"),
    Observance(component: "STANDARD", name: "GMT", offsetFrom: "+0100", offsetTo: "+0000", month: 10, localTime: "02:00"),
  ]

  /// The last Sunday of a month.
  static func lastSunday(of month: Int, in year: Int) -> CalendarDate {
    let next = month == 12 ? CalendarDate(year: year + 1, month: 1, day: 1) : CalendarDate(year: year, month: month + 1, day: 1)
    let lastDay = (next ?? CalendarDate(dayNumber: 0)).adding(days: -1)
    return lastDay.adding(days: -(lastDay.isoWeekday % 7))
  }

  /// A meeting's local time as ISO 8601 with its UTC offset under the same
  /// rule ("2025-06-18T18:30:00+01:00"), from the date alone, never from
  /// the machine's time zone database. A time in the hour the clocks skip
  /// or repeat takes the summer offset.
  static func iso(_ date: CalendarDate, time: String) -> String {
    "\(date.iso)T\(time):00\(isSummerTime(date, time: time) ? "+01:00" : "+00:00")"
  }

  static func isSummerTime(_ date: CalendarDate, time: String) -> Bool {
    let (start, end) = (lastSunday(of: 3, in: date.year), lastSunday(of: 10, in: date.year))
    if date == start { return time >= "01:00" }
    if date == end { return time < "02:00" }
    return start < date && date < end
  }

  /// The template's view of the zone.
  static func dictionary() -> [String: Any] {
    ["tzid": tzid, "observances": observances.map { $0.dictionary() }]
  }
}
