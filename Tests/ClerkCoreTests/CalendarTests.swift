import Testing

@testable import ClerkCore

@Suite struct CalendarTests {
  func date(_ text: String) -> CalendarDate {
    guard let date = CalendarDate(iso: text) else {
      Issue.record("bad date \(text)")
      return CalendarDate(dayNumber: 0)
    }
    return date
  }

  @Test func parsesOnlyRealISODates() {
    #expect(CalendarDate(iso: "2020-02-29") != nil)
    #expect(CalendarDate(iso: "2021-02-29") == nil)
    #expect(CalendarDate(iso: "2020-2-10") == nil)
    #expect(CalendarDate(iso: "2020-13-01") == nil)
    #expect(CalendarDate(iso: "２０２０-01-01") == nil)
  }

  @Test func weekdaysAndDayNumbersRoundTrip() {
    #expect(date("2020-02-10").weekdayName == "Monday")
    #expect(date("1970-01-01").dayNumber == 0)
    #expect(date("2026-11-25").longText == "Wednesday 25 November 2026")
    let day = date("2024-02-28")
    #expect(day.adding(days: 1).iso == "2024-02-29")
    #expect(day.adding(days: 2).iso == "2024-03-01")
    #expect(CalendarDate(dayNumber: day.dayNumber) == day)
  }

  @Test func easter() {
    #expect(BankHolidays.easterSunday(2024).iso == "2024-03-31")
    #expect(BankHolidays.easterSunday(2025).iso == "2025-04-20")
    #expect(BankHolidays.easterSunday(2019).iso == "2019-04-21")
  }

  @Test(arguments: [
    ("2020", ["2020-01-01", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-08-31", "2020-12-25", "2020-12-28"]),
    ("2022", ["2022-01-03", "2022-04-15", "2022-04-18", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-29", "2022-09-19", "2022-12-26", "2022-12-27"]),
    ("2023", ["2023-01-02", "2023-04-07", "2023-04-10", "2023-05-01", "2023-05-08", "2023-05-29", "2023-08-28", "2023-12-25", "2023-12-26"]),
    ("2026", ["2026-01-01", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-08-31", "2026-12-25", "2026-12-28"]),
    ("2027", ["2027-01-01", "2027-03-26", "2027-03-29", "2027-05-03", "2027-05-31", "2027-08-30", "2027-12-27", "2027-12-28"]),
  ])
  func bankHolidaysOfEnglandAndWales(year: String, expected: [String]) {
    #expect(BankHolidays.holidays(in: Int(year) ?? 0).map(\.iso) == expected)
  }

  @Test(arguments: [
    ("scotland-2022", ["2022-01-03", "2022-01-04", "2022-04-15", "2022-05-02", "2022-06-02", "2022-06-03", "2022-08-01", "2022-09-19", "2022-11-30", "2022-12-26", "2022-12-27"]),
    ("scotland-2026", ["2026-01-01", "2026-01-02", "2026-04-03", "2026-05-04", "2026-05-25", "2026-08-03", "2026-11-30", "2026-12-25", "2026-12-28"]),
    ("northern-ireland-2026", ["2026-01-01", "2026-03-17", "2026-04-03", "2026-04-06", "2026-05-04", "2026-05-25", "2026-07-13", "2026-08-31", "2026-12-25", "2026-12-28"]),
    ("northern-ireland-2020", ["2020-01-01", "2020-03-17", "2020-04-10", "2020-04-13", "2020-05-08", "2020-05-25", "2020-07-13", "2020-08-31", "2020-12-25", "2020-12-28"]),
  ])
  func bankHolidaysOfScotlandAndNorthernIreland(name: String, expected: [String]) {
    let nation = Nation(rawValue: String(name.dropLast(5))) ?? .englandAndWales
    #expect(BankHolidays.holidays(in: Int(name.suffix(4)) ?? 0, nation: nation).map(\.iso) == expected)
  }

  @Test func theMovedVEDayHolidayOf2020MovesTheDeadline() {
    // Friday 8 May 2020 was the holiday; Monday 4 May was a working day.
    let days = WorkingDays()
    #expect(days.latestPublication(for: date("2020-05-11"), clearDays: 5).iso == "2020-04-30")
    #expect(WorkingDays(nation: .scotland).isWorkingDay(date("2020-05-04")))
  }

  @Test func clearWorkingDaysExcludeBothEndsWeekendsAndHolidays() {
    let days = WorkingDays()
    // Fri 31 Jan → Mon 10 Feb 2020: 3–7 Feb are the five clear days.
    #expect(days.clearDays(from: date("2020-01-31"), to: date("2020-02-10")) == 5)
    #expect(days.clearDays(from: date("2020-02-03"), to: date("2020-02-10")) == 4)
    // Easter 2026: Good Friday 3 April and Easter Monday 6 April do not count.
    #expect(days.clearDays(from: date("2026-03-31"), to: date("2026-04-09")) == 4)
    #expect(days.latestPublication(for: date("2020-02-10"), clearDays: 5).iso == "2020-01-31")
  }

  @Test func councilClosureDaysDoNotCount() {
    let days = WorkingDays(closureDays: [date("2020-02-05")])
    #expect(days.clearDays(from: date("2020-01-31"), to: date("2020-02-10")) == 4)
  }
}
