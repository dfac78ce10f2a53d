import ClerkCore

/// The timestamps feeds and calendars carry, made from content dates and
/// times alone (a day is stamped at its midnight UTC), never from the clock:
/// rebuilding unchanged content writes the same bytes.
public enum ContentTimestamp {
  /// RFC 3339, as Atom's `updated`: `2026-06-10T00:00:00Z`.
  static func atom(_ date: CalendarDate) -> String { date.iso + "T00:00:00Z" }

  /// An iCalendar UTC date-time, as `DTSTAMP`: `20260610T000000Z`.
  public static func icalendarUTC(_ date: CalendarDate) -> String { compact(date) + "T000000Z" }

  /// An iCalendar local date-time, for a `TZID` parameter: `18:00` on
  /// 18 June 2026 is `20260618T180000`.
  static func icalendarLocal(_ date: CalendarDate, time: String) -> String {
    compact(date) + "T" + time.filter(\.isNumber) + "00"
  }

  /// `YYYYMMDD`.
  public static func compact(_ date: CalendarDate) -> String { date.iso.filter(\.isNumber) }
}
