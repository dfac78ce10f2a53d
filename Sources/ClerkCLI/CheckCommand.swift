import ArgumentParser
import ClerkAudit
import ClerkBuild
import ClerkCore

/// `clerk check [CONTENT]`: checks the content and prints every meeting's
/// computed agenda, then every problem found.
struct CheckCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "check",
    abstract: "Check the content and print each meeting's computed agenda.")

  @OptionGroup var options: ContentOptions

  @Option(name: .long, help: "A previous build: its pack page numbers are shown, and a published agenda number it recorded that would move is an error.")
  var build: String = "build"

  func run() throws {
    let printer = DiagnosticPrinter()
    let (index, indexDiagnostics) = ArchiveLoader(root: options.content).loadIndex()
    var diagnostics = indexDiagnostics
    var meetings = 0
    var quotes: [String] = []
    if let index {
      let processor = ArchiveProcessor(index: index, today: options.todayDate)
      let pasted = PastedText(index: index, templates: try? options.templateFolder(site: index.site), enabled: options.findPasted)
      let published = PublishedNumbers(contentsOf: build + "/" + PublishedNumbers.fileName) ?? PublishedNumbers()
      var first = true
      let workingDays = WorkingDays(site: index.site)
      let record = try? BuildRecord.read(build: build).get()
      processor.process(transform: { pasted.scan($0.meeting, sources: $0.sources, plan: $0.plan) }) { result, found in
        pasted.record(found)
        meetings += 1
        let pages = PackPageNumbers.read(build: build, record: record, plan: result.plan, index: index)
        let deadline = PublicationDeadline(meeting: result.entry.date, published: result.entry.published, workingDays: workingDays)
        print((first ? "" : "\n") + AgendaListing.render(
            result.plan, pages: pages.pages, omitted: pages.omitted, numbering: index.site.appendixNumbering,
            deadline: deadline))
        first = false
        diagnostics.append(contentsOf: result.diagnostics)
        // What the next build into `--build` would refuse.
        diagnostics.append(contentsOf: published.moves(in: result.plan, folder: build))
      }
      let (warnings, acknowledged) = pasted.report()
      diagnostics.append(contentsOf: warnings)
      quotes = acknowledged
    }
    printer.print(diagnostics.sorted)
    let errors = diagnostics.errorCount
    let warnings = diagnostics.warningCount
    printer.note(
      "checked \(Plural.count(meetings, "meeting")): \(Plural.count(errors, "error")), \(Plural.count(warnings, "warning"))")
    if let summary = QuoteSummary.text(quotes) { printer.note(summary) }
    if diagnostics.hasErrors { throw ExitCode.failure }
  }
}
