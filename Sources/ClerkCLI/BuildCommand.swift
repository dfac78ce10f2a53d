import ArgumentParser
import ClerkBuild
import ClerkCore
import Foundation

/// `clerk build [CONTENT] [--out DIR]`: runs the build pipeline
/// (`ClerkBuild.BuildPipeline`) and prints what it found.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Check the content, then build the public and non-public sites.")

  @OptionGroup var options: ContentOptions

  @Option(name: .long, help: "The output folder.")
  var out: String = "build"

  @Flag(name: .long, help: "Skip the PDF engine.")
  var noPDF = false

  @Flag(name: .long, help: "Skip the search index (Pagefind).")
  var noSearch = false

  @Flag(
    name: .long,
    help: "Render every meeting, even those unchanged since the build already in --out (by default they are carried over).")
  var full = false

  @Option(name: .long, help: "A folder of templates to use instead of the default ones.")
  var templates: String?

  @Flag(name: .shortAndLong, help: "Print only problems and the closing summary.")
  var quiet = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write the FNV-1a hash of every public text file as the audit read it to this file (for checking that what is published is what was audited).",
      visibility: .hidden))
  var auditedHashes: String?

  func run() throws {
    let options = self.options
    let override = templates
    let outcome = BuildPipeline().run(
      BuildOptions(
        content: options.content, out: out, templates: { try options.templateFolder(site: $0, override: override) },
        noPDF: noPDF, quiet: quiet, findPasted: options.findPasted, today: options.todayDate,
        auditedHashes: auditedHashes, noSearch: noSearch, full: full))
    let printer = DiagnosticPrinter()
    printer.print(outcome.diagnostics)
    for line in outcome.summary { printer.note(line) }
    if outcome.status != 0 { throw ExitCode(outcome.status) }
  }
}
