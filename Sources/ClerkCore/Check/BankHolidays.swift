/// The UK's three sets of bank holidays (`site.yml` `bank-holidays`).
public enum Nation: String, Sendable, CaseIterable {
  case englandAndWales = "england-and-wales"
  case scotland
  case northernIreland = "northern-ireland"

  /// The nation an exemption scheme's councils are in, for a site.yml
  /// that does not say.
  public static func of(_ scheme: ExemptionScheme.Kind) -> Nation {
    scheme == .scotland ? .scotland : .englandAndWales
  }
}

/// Bank holidays computed from the rules (with substitute days) and the
/// one-off changes listed in `reference/LAW.md`, for each nation, so the
/// publication check works for any year of an archive.
public enum BankHolidays {
  /// Days moved or added by proclamation across the UK. A moved holiday's
  /// usual date is in `cancelled`.
  static let oneOff: Set<CalendarDate> = dates([
    "1995-05-08",  // VE Day 50th anniversary (early May moved)
    "1999-12-31",  // Millennium
    "2002-06-03", "2002-06-04",  // Golden Jubilee (spring moved to 4 June)
    "2011-04-29",  // Royal wedding
    "2012-06-04", "2012-06-05",  // Diamond Jubilee (spring moved to 4 June)
    "2020-05-08",  // VE Day 75th anniversary (early May moved)
    "2022-06-02", "2022-06-03",  // Platinum Jubilee (spring moved to 2 June)
    "2022-09-19",  // State funeral of Queen Elizabeth II
    "2023-05-08",  // Coronation of King Charles III
  ])
  static let cancelled: Set<CalendarDate> = dates([
    "1995-05-01", "2002-05-27", "2012-05-28", "2020-05-04", "2022-05-30",
  ])

  private static func dates(_ list: [String]) -> Set<CalendarDate> {
    Set(list.compactMap { CalendarDate(iso: $0) })
  }

  /// Every bank holiday of `nation` in `year`, sorted.
  public static func holidays(in year: Int, nation: Nation = .englandAndWales) -> [CalendarDate] {
    var days: [CalendarDate] = []
    var fixedDays: [CalendarDate] = []
    func day(_ m: Int, _ d: Int) -> CalendarDate? { CalendarDate(year: year, month: m, day: d) }
    func fixed(_ m: Int, _ d: Int) { day(m, d).map { fixedDays.append($0) } }
    let easter = easterSunday(year)
    fixed(1, 1)
    if nation == .scotland { fixed(1, 2) }
    if nation == .northernIreland { fixed(3, 17) }  // St Patrick's Day
    days.append(easter.adding(days: -2))
    if nation != .scotland { days.append(easter.adding(days: 1)) }
    if let may1 = day(5, 1) { days.append(firstMonday(onOrAfter: may1)) }
    if let may31 = day(5, 31) { days.append(lastMonday(onOrBefore: may31)) }
    if nation == .northernIreland { fixed(7, 12) }  // Battle of the Boyne
    if nation == .scotland {
      if let august1 = day(8, 1) { days.append(firstMonday(onOrAfter: august1)) }
    } else if let aug31 = day(8, 31) {
      days.append(lastMonday(onOrBefore: aug31))
    }
    if nation == .scotland { fixed(11, 30) }  // St Andrew's Day
    fixed(12, 25)
    fixed(12, 26)
    // A fixed date at a weekend moves to the next weekday that is not a
    // holiday already, in date order: Christmas on a Saturday is Monday's
    // holiday and Boxing Day Tuesday's.
    var taken = Set(days + fixedDays.filter { !$0.isWeekend })
    for date in fixedDays where date.isWeekend {
      var substitute = date.adding(days: 8 - date.isoWeekday)
      while taken.contains(substitute) { substitute = substitute.adding(days: 1) }
      taken.insert(substitute)
    }
    var result = taken.subtracting(cancelled)
    result.formUnion(oneOff.filter { $0.year == year })
    return result.sorted()
  }

  public static func isHoliday(_ date: CalendarDate, in nation: Nation = .englandAndWales) -> Bool {
    holidays(in: date.year, nation: nation).contains(date)
  }

  static func firstMonday(onOrAfter date: CalendarDate) -> CalendarDate {
    date.adding(days: (8 - date.isoWeekday) % 7)
  }

  static func lastMonday(onOrBefore date: CalendarDate) -> CalendarDate {
    date.adding(days: -((date.isoWeekday - 1) % 7))
  }

  /// Western Easter Sunday (anonymous Gregorian algorithm).
  static func easterSunday(_ year: Int) -> CalendarDate {
    let a = year % 19
    let b = year / 100
    let c = year % 100
    let d = b / 4
    let e = b % 4
    let f = (b + 8) / 25
    let g = (b - f + 1) / 3
    let h = (19 * a + b - d - g + 15) % 30
    let i = c / 4
    let k = c % 4
    let l = (32 + 2 * e + 2 * i - h - k) % 7
    let m = (a + 11 * h + 22 * l) / 451
    let month = (h + l - 7 * m + 114) / 31
    let day = (h + l - 7 * m + 114) % 31 + 1
    return CalendarDate(year: year, month: month, day: day) ?? CalendarDate(dayNumber: 0)
  }
}
