import ArgumentParser
import ClerkCore
import ClerkRender
import Foundation

/// `clerk deadlines [CONTENT] [--from DATE] [--ics]`: every meeting on or
/// after the date, drafts included, with the day its agenda must be
/// published by, the days left and whether `published:` meets it; or the
/// same as an iCalendar of all-day events for the clerk's own diary.
struct DeadlinesCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "deadlines",
    abstract: "List the date each coming meeting's agenda must be published by.")

  @OptionGroup var options: ContentOptions

  @Option(name: .long, help: "The first meeting date to list, YYYY-MM-DD (default: today).")
  var from: String?

  @Flag(name: .long, help: "Write the deadlines as an iCalendar (all-day events) to standard output.")
  var ics = false

  func validate() throws {
    if let from, CalendarDate(iso: from) == nil {
      throw ValidationError("--from must be a date written YYYY-MM-DD")
    }
  }

  func run() throws {
    let printer = DiagnosticPrinter()
    let (loaded, diagnostics) = ArchiveLoader(root: options.content).loadIndex()
    printer.print(diagnostics.sorted)
    guard let index = loaded else { throw ExitCode.failure }
    let today = options.todayDate
    let start = from.flatMap(CalendarDate.init(iso:)) ?? today
    let workingDays = WorkingDays(site: index.site)
    let meetings = index.meetings.filter { $0.date >= start }.sorted { ($0.date, $0.time, $0.id) < ($1.date, $1.time, $1.id) }
    let rows = meetings.map { ($0, PublicationDeadline(meeting: $0.date, published: $0.published, workingDays: workingDays)) }
    if ics {
      print(DeadlineCalendar.render(rows, index: index), terminator: "")
    } else {
      for (entry, deadline) in rows { print(Self.line(entry, deadline, today: today)) }
      printer.note(
        "\(Plural.count(rows.count, "meeting")) from \(start.iso); publication deadlines count five clear working days"
          + " (\(index.site.bankHolidays.rawValue) bank holidays\(index.site.closureDays.isEmpty ? "" : " and the closure days in site.yml"))")
    }
    if diagnostics.hasErrors { throw ExitCode.failure }
  }

  /// `2026-12-09 18:00  c/2026-12-09  publish by 2026-11-30  3 days left  draft, not published`
  static func line(_ entry: MeetingEntry, _ deadline: PublicationDeadline, today: CalendarDate) -> String {
    let left = deadline.daysLeft(from: today)
    let when =
      switch left {
      case 0: "due today"
      case 1...: Plural.count(left, "day") + " left"
      default: Plural.count(-left, "day") + " ago"
      }
    let standing =
      switch deadline.standing {
      case .notPublished: entry.status == .draft ? "draft, not published" : "no published: date"
      case .onTime(let date): "published \(date.iso): on time"
      case .late(let date, let clear): "published \(date.iso): LATE (\(Plural.count(clear, "clear working day")))"
      case .afterTheMeeting(let date): "published \(date.iso): after the meeting"
      }
    return "\(entry.date.iso) \(entry.time)  \(entry.id.path)  publish by \(deadline.publishBy.iso)  \(when)  \(standing)"
  }
}
