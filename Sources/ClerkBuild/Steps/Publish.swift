import ClerkAudit
import ClerkCore
import ClerkRender
import Foundation

/// Records what the build came from and the numbers it published, and
/// swaps the new output in (it has passed every audit by now).
struct Publish: BuildStep {
  func title(_ context: BuildContext) -> String {
    "Write \(context.options.out)"
  }

  func run(_ context: BuildContext) throws {
    let (options, tree, audit) = (context.options, context.tree!, context.audit!)
    let pages = tree.files.count { $0.hasSuffix(".html") }
    let record = BuildRecord(
      content: ContentFiles.resolvedPath(options.content), templates: ContentFiles.resolvedPath(context.templates.directory),
      nonPublicFingerprint: audit.fingerprint, packSources: context.pdfEngine == nil ? nil : context.packSources)
    do {
      try tree.writeTop(BuildRecord.fileName, record.json)
      try tree.writeTop(PublishedNumbers.fileName, context.numbers.json)
      try tree.commit()
    } catch {
      context.diagnostics.append(Diagnostic(.error, error.message))
      throw BuildFailure.untouched(options.out)
    }
    if let path = options.auditedHashes {
      let lines = audit.auditedHashes.sorted { $0.key < $1.key }.map { String(format: "%016llx  public/", $0.value) + $0.key }
      guard FileManager.default.createFile(atPath: path, contents: Data((lines.joined(separator: "\n") + "\n").utf8)) else {
        context.diagnostics.append(Diagnostic(.error, "cannot write '\(path)'"))
        throw BuildFailure(summary: "the build was published, but '\(path)' could not be written")
      }
    }
    let warnings = context.diagnostics.warningCount
    context.summary = tree.notes.map { "note: \($0)" }
    context.summary.append(
      "Built \(Plural.count(context.index.meetings.count, "meeting")), \(Plural.count(pages, "page")) in \(String(format: "%.1f", BuildContext.seconds(since: context.started))) s → \(options.out)/public and \(options.out)/non-public"
        + (warnings > 0 ? " (\(Plural.count(warnings, "warning")))" : ""))
    if let line = context.pdfSummary { context.summary.append(line) }
    context.summary += context.closing
  }
}
