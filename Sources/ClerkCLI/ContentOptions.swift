import ArgumentParser
import ClerkCore
import Foundation

/// Options shared by the commands that read a content tree.
struct ContentOptions: ParsableArguments {
  @Argument(help: "The content folder.", completion: .directory)
  var content: String = "Content"

  @Option(name: .customLong("today"), help: .hidden)
  var today: String?

  func validate() throws {
    if let today, CalendarDate(iso: today) == nil {
      throw ValidationError("--today must be a date written YYYY-MM-DD")
    }
  }

  /// The date `exempt-until` is compared with: today in UTC unless given.
  var todayDate: CalendarDate {
    if let today, let date = CalendarDate(iso: today) { return date }
    let days = Int((Date().timeIntervalSince1970 / 86_400).rounded(.down))
    return CalendarDate(dayNumber: days)
  }
}
