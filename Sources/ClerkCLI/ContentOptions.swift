import ArgumentParser
import ClerkCore
import Foundation

/// Options shared by the commands that read a content tree.
struct ContentOptions: ParsableArguments {
  @Argument(help: "The content folder.", completion: .directory)
  var content: String = "Content"

  @Option(name: .customLong("today"), help: .hidden)
  var today: String?

  @Flag(
    name: .long,
    help: "Also warn where 8 or more words of non-public text appear in a public source (experimental: synthetic archives give many false reports).")
  var findPasted = false

  func validate() throws {
    if let today, CalendarDate(iso: today) == nil {
      throw ValidationError("--today must be a date written YYYY-MM-DD")
    }
  }

  /// The day checks and pages are relative to: `--today`, else
  /// `SOURCE_DATE_EPOCH` (the reproducible-builds convention), else today in UTC.
  var todayDate: CalendarDate {
    if let today, let date = CalendarDate(iso: today) { return date }
    var seconds = Date().timeIntervalSince1970
    if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
      seconds = epoch
    }
    return CalendarDate(dayNumber: Int((seconds / 86_400).rounded(.down)))
  }
}
