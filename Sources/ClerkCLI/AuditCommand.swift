import ArgumentParser
import ClerkAudit
import ClerkCore
import Foundation

/// `clerk audit [DIR]`: scans `DIR/public` for any run of eight words of
/// non-public text, any non-public contact detail and any non-public file
/// name, traced back to the content that holds it. The content is the one
/// the build recorded (`clerk-build.json`); other content is refused, and
/// an audit that cannot read a file it must read fails rather than pass.
struct AuditCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "audit",
    abstract: "Scan a build's public/ folder for anything non-public.")

  @Argument(help: "The build folder (the one holding public/).", completion: .directory)
  var directory: String = "build"

  @Option(name: .long, help: "The content folder the build was made from (default: the one the build recorded).")
  var content: String?

  @Option(name: .long, help: "The templates folder, whose text is public (default: the one the build recorded).")
  var templates: String?

  func run() throws {
    let printer = DiagnosticPrinter()
    func cannotAudit(_ message: String) -> ExitCode {
      printer.print([Diagnostic(.error, message)])
      printer.note("audit not done: nothing about '\(directory)/public' is known")
      return ExitCode(2)
    }
    guard FileManager.default.fileExists(atPath: directory + "/public") else {
      throw cannotAudit("'\(directory)/public' does not exist; give the folder a build wrote")
    }
    let record: BuildRecord
    switch BuildRecord.read(build: directory) {
    case .success(let found): record = found
    case .failure(let problem): throw cannotAudit(problem.message)
    }
    let contentFolder = content ?? record.content
    let (loaded, diagnostics) = ArchiveLoader(root: contentFolder).loadIndex()
    guard let archive = loaded else {
      printer.print(diagnostics.sorted)
      throw cannotAudit("cannot read the content folder '\(contentFolder)' to know what is non-public")
    }
    let index = LeakAudit.index(archive, templates: templates ?? record.templates)
    guard index.gaps.isEmpty else {
      printer.print(index.gaps.map { Diagnostic(.error, "cannot audit \($0)") })
      throw cannotAudit("the content's non-public text could not all be read")
    }
    guard index.fingerprint == record.nonPublicFingerprint else {
      throw cannotAudit(
        "'\(contentFolder)' is not the content '\(directory)' was built from: its non-public text differs from the build's record"
          + " (built from '\(record.content)'). Audit against that content, or rebuild first.")
    }
    let scanner = LeakScanner(index: index)
    let leaks = scanner.scan(root: directory)
    for leak in leaks { print(leak.description) }
    let gaps = scanner.gaps.all
    printer.print(gaps.map { Diagnostic(.error, "cannot audit \($0)") })
    let summary = "\(Plural.count(index.runCount, "non-public word run")) and \(Plural.count(index.valueCount, "value")) checked"
    if !leaks.isEmpty {
      printer.note("audit: \(Plural.count(leaks.count, "leak")) in \(directory)/public (\(summary))")
      throw ExitCode.failure
    }
    guard gaps.isEmpty else {
      printer.note(
        "audit incomplete: \(Plural.count(gaps.count, "file")) could not be read, so \(directory)/public cannot be called clean (\(summary))")
      throw ExitCode(2)
    }
    printer.note("audit: 0 leaks in \(directory)/public (\(summary))")
  }
}
