import ArgumentParser
import ClerkCore
import ClerkIntegrity

/// `clerk verify NEW OLD`: whether a new build changes anything a previous
/// build published without saying so. Every file of a meeting published in
/// OLD that NEW changed or dropped is printed as
/// `public/<file>: changed since <date>` (exit 1), unless NEW adds a
/// `revisions:` entry to that meeting. A manifest that cannot be read is
/// exit 2: nothing is called unchanged unless both were read.
struct VerifyCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "verify",
    abstract: "Check that a new build changes no published meeting without a revision.")

  @Argument(help: "The new build folder (holding public/manifest.json).", completion: .directory)
  var new: String

  @Argument(help: "The build last published (its folder, or a copy of its manifest.json).", completion: .file())
  var old: String

  func run() throws {
    let printer = DiagnosticPrinter()
    let manifests = [new, old].map(Manifest.read)
    let problems = manifests.compactMap { result -> Diagnostic? in
      if case .failure(let problem) = result { return Diagnostic(.error, problem.message) }
      return nil
    }
    guard case .success(let newManifest) = manifests[0], case .success(let oldManifest) = manifests[1] else {
      printer.print(problems)
      printer.note("verify not done: no comparison was made")
      throw ExitCode(2)
    }
    let comparison = ManifestComparison(new: newManifest, old: oldManifest)
    for change in comparison.changes.sorted() { print(change.description) }
    for meeting in comparison.revised {
      let dates = meeting.revisions.map(\.date).joined(separator: ", ")
      printer.note(
        "note: \(meeting.meeting): \(Plural.count(meeting.files, "file")) changed, declared by the revision of \(dates)")
    }
    let meetings = Plural.count(comparison.meetings, "published meeting")
    guard comparison.changes.isEmpty else {
      let changed = Set(comparison.changes.map { String($0.file.split(separator: "/").prefix(2).joined(separator: "/")) })
      printer.note(
        "verify: \(Plural.count(comparison.changes.count, "file")) of \(Plural.count(changed.count, "meeting")) changed without a revision"
          + " (\(meetings) in '\(old)'); add a `revisions:` entry to each meeting.yml, or restore the files")
      throw ExitCode.failure
    }
    printer.note("verify: no unrevised change to the \(meetings) of '\(old)'")
  }
}
