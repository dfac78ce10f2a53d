import ArgumentParser
import ClerkCore
import Foundation

/// `clerk new meeting <committee> <date>`: scaffolds a draft meeting from
/// the committee's usual time, venue and standing items, refusing to
/// overwrite, and says when its agenda must be published.
struct NewCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "new",
    abstract: "Start new content.",
    subcommands: [NewMeetingCommand.self])
}

struct NewMeetingCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "meeting",
    abstract: "Scaffold a draft meeting: meeting.yml and the committee's standing items.")

  @Argument(help: "The committee's folder name (its slug).")
  var committee: String

  @Argument(help: "The meeting's date, YYYY-MM-DD.")
  var date: String

  @Option(name: .long, help: "The content folder.", completion: .directory)
  var content: String = "Content"

  @Option(name: .long, help: "For a second meeting that day: the folder becomes <date>-<slug>.")
  var slug: String?

  @Option(name: .long, help: "The start time, 24-hour (default: the committee's usual time).")
  var time: String?

  @Option(name: .long, help: "The venue (default: the committee's usual venue).")
  var venue: String?

  @Option(name: .customLong("today"), help: .hidden)
  var today: String?

  func validate() throws {
    guard CalendarDate(iso: date) != nil else { throw ValidationError("the date must be written YYYY-MM-DD (a real date)") }
  }

  func run() throws {
    let printer = DiagnosticPrinter()
    let (loaded, diagnostics) = ArchiveLoader(root: content).loadIndex()
    guard let index = loaded, let day = CalendarDate(iso: date) else {
      printer.print(diagnostics.sorted)
      throw ExitCode.failure
    }
    let scaffold: MeetingScaffold
    switch MeetingScaffold.make(index: index, committee: committee, date: day, folderSlug: slug, time: time, venue: venue) {
    case .success(let made): scaffold = made
    case .failure(let problem):
      printer.print([Diagnostic(.error, problem.message)])
      throw ExitCode.failure
    }
    let folder = content + "/" + scaffold.id.path
    guard (try? FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: false)) != nil else {
      printer.print([Diagnostic(.error, "cannot create '\(folder)'")])
      throw ExitCode.failure
    }
    for file in scaffold.files {
      let path = content + "/" + file.path
      guard FileManager.default.createFile(atPath: path, contents: Data(file.text.utf8)) else {
        printer.print([Diagnostic(.error, "cannot write '\(path)'")])
        throw ExitCode.failure
      }
      print("wrote \(path)")
    }
    for note in scaffold.notes { printer.note("note: \(note)") }
    let deadline = PublicationDeadline(meeting: day, published: nil, workingDays: WorkingDays(site: index.site))
    let left = deadline.daysLeft(from: ContentOptions.today(today))
    print(
      "Publish the agenda by \(deadline.publishBy.longText) (five clear working days"
        + (left >= 0 ? "; \(Plural.count(left, "day")) from today)" : "; that was \(Plural.count(-left, "day")) ago)"))
  }
}
