/// Counts "clear working days" the way monitoring officers do (R v Swansea
/// CC ex p Elitestone): neither the day of publication nor the day of the
/// meeting counts, nor weekends, bank holidays or the council's own closure
/// days.
public struct WorkingDays: Sendable {
  public var closureDays: Set<CalendarDate>
  public var nation: Nation

  public init(closureDays: Set<CalendarDate> = [], nation: Nation = .englandAndWales) {
    self.closureDays = closureDays
    self.nation = nation
  }

  /// The site's working days: its nation's bank holidays and its closure days.
  public init(site: Site) {
    self.init(closureDays: site.closureDays, nation: site.bankHolidays)
  }

  public func isWorkingDay(_ date: CalendarDate) -> Bool {
    !date.isWeekend && !closureDays.contains(date) && !BankHolidays.isHoliday(date, in: nation)
  }

  /// Working days strictly between `start` and `end`.
  public func clearDays(from start: CalendarDate, to end: CalendarDate) -> Int {
    guard start < end else { return 0 }
    var count = 0
    var day = start.adding(days: 1)
    // Beyond a year the answer no longer matters for the five-day rule.
    var budget = 400
    while day < end && budget > 0 {
      if isWorkingDay(day) { count += 1 }
      day = day.adding(days: 1)
      budget -= 1
    }
    return budget == 0 ? Int.max : count
  }

  /// The latest publication date that still leaves `days` clear working days.
  public func latestPublication(for meeting: CalendarDate, clearDays days: Int) -> CalendarDate {
    var day = meeting.adding(days: -1)
    var found = 0
    while found < days {
      if isWorkingDay(day) { found += 1 }
      day = day.adding(days: -1)
    }
    // Publication happens on a working day too.
    while !isWorkingDay(day) { day = day.adding(days: -1) }
    return day
  }
}
