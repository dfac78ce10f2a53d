import ArgumentParser
import ClerkCore
import Foundation

/// `clerk audit [DIR]`: scans `DIR/public` for any run of eight words of
/// non-public text, any non-public contact detail and any non-public file
/// name, traced back to the content that holds it.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Scan a build's public/ folder for anything non-public.")

  @Argument(help: "The build folder (the one holding public/).", completion: .directory)
  var directory: String = "build"

  @Option(name: .long, help: "The content folder the build was made from.")
  var content: String = "Content"

  @Option(name: .long, help: "The templates folder (its text is public).")
  var templates: String?

  func run() throws {
    let printer = DiagnosticPrinter()
    guard FileManager.default.fileExists(atPath: directory + "/public") else {
      printer.note("error: '\(directory)/public' does not exist; give the folder a build wrote")
      throw ExitCode(2)
    }
    let (loaded, diagnostics) = ArchiveLoader(root: content).loadIndex()
    guard let archive = loaded else {
      printer.print(diagnostics.sorted)
      printer.note("error: cannot read the content folder '\(content)' to know what is non-public")
      throw ExitCode(2)
    }
    let index = LeakAudit.index(archive, templates: templates ?? (FileManager.default.fileExists(atPath: "Templates") ? "Templates" : nil))
    let leaks = LeakScanner(index: index).scan(root: directory)
    for leak in leaks { print(leak.description) }
    printer.note(
      "audit: \(leaks.count) leak\(leaks.count == 1 ? "" : "s") in \(directory)/public (\(index.runCount) non-public word runs and \(index.valueCount) values checked)")
    if !leaks.isEmpty { throw ExitCode.failure }
  }
}
