import ArgumentParser
import ClerkBuild
import ClerkCore
import ClerkServe
import Foundation

/// `clerk serve [CONTENT] [--port N] [--non-public]`: a local preview that
/// rebuilds on every edit (`ClerkServe.PreviewServer`); this prints.
struct ServeCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "serve",
    abstract: "Preview the site on http://127.0.0.1, rebuilding and reloading as the content changes.")

  @OptionGroup var options: ContentOptions

  @Option(name: .long, help: "The port to listen on (0 picks a free one).")
  var port: UInt16 = 8000

  @Flag(name: .long, help: "Serve the non-public tree (everything) instead of the public one.")
  var nonPublic = false

  @Flag(name: .customLong("pdf"), help: "Also print the PDF packs (slower; off by default).")
  var pdf = false

  @Flag(name: .customLong("search"), help: "Also build the search index (slow on a large archive; off by default).")
  var search = false

  @Option(name: .long, help: "A folder of templates to use instead of the default ones.")
  var templates: String?

  func run() throws {
    let options = self.options
    let override = templates
    let build = BuildOptions(
      content: options.content, out: "", templates: { try options.templateFolder(site: $0, override: override) },
      noPDF: !pdf, quiet: true, findPasted: options.findPasted, today: options.todayDate, auditedHashes: nil,
      noSearch: !search)
    let printer = DiagnosticPrinter()
    let report = PreviewServer.Report(
      listening: { url, work in
        FileHandle.standardOutput.write(Data((url + "\n").utf8))
        printer.note("serving \(options.content) at \(url) from \(work) (removed on exit); Ctrl-C stops")
      },
      built: { build in
        printer.print(build.diagnostics)
        let time = String(format: "%.2f s", build.seconds)
        let errors = build.diagnostics.count { $0.severity == .error }
        let why = errors > 0 ? Plural.count(errors, "error") : build.summary.joined(separator: " ")
        // An incremental build says what it carried over.
        let carried =
          build.carried > 0 ? " (rendered \(Plural.count(build.rendered, "meeting")), carried \(build.carried) over)" : ""
        printer.note(
          build.succeeded
            ? "build \(build.number): ok in \(time)\(carried)"
            : "build \(build.number) failed in \(time) (\(why)); the page shows the errors over the last good build")
      },
      watching: { notice in printer.note(notice) })
    let audience: Audience = nonPublic ? .nonPublic : .public
    do {
      try PreviewServer(options: .init(port: port, audience: audience, build: build), report: report).run()
    } catch let failure as PreviewServer.Failure {
      printer.note("error: \(failure)")
      throw ExitCode.failure
    }
  }
}
