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
    let pages = tree.countFiles { $0.hasSuffix(".html") }
    let record = BuildRecord(
      content: ContentFiles.resolvedPath(options.content), templates: ContentFiles.resolvedPath(context.templates.directory),
      nonPublicFingerprint: audit.fingerprint, packSources: context.pdfEngine == nil ? nil : context.packSources)
    do throws(OutputTree.Problem) {
      try tree.writeTop(BuildRecord.fileName, record.json)
      try tree.writeTop(PublishedNumbers.fileName, context.numbers.json)
      let carried = Set(context.carriedOver.map(\.path))
      let written = incrementalRecord(context).write(
        into: tree.temporary, reusing: context.reuse.previous, unchanged: carried, keeping: options.keeps)
      guard let written else { throw OutputTree.Problem(message: "cannot write '\(IncrementalRecord.fileName)'") }
      tree.registerTop([IncrementalRecord.fileName, IncrementalRecord.runsFileName])
      try tree.commit()
      let times = keepTimes(context, record: written.identity)
      if let record = written.kept, let stamp = ContentFacts.Stamp.of(OutputTimes.path(for: tree.destination)) {
        context.kept = KeptBuild(folder: tree.destination, record: record, times: times, timesStamp: stamp)
      }
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
    let carried = context.carriedOver.count
    if carried > 0 {
      context.summary.append(
        "Rendered \(Plural.count(context.rendered.count, "meeting")); carried \(carried) unchanged since the last build over as they were"
          + (context.archiveCarried ? ", and the index and committee pages, feeds and calendars" : ""))
    }
    context.summary += context.closing
  }

  /// Keeps the modification times of the meetings' files beside the
  /// output (`OutputTimes`), now that they are in place.
  @discardableResult
  func keepTimes(_ context: BuildContext, record: String) -> OutputTimes {
    // The folder's stamp (an `lstat` of every entry) is taken meanwhile.
    let destination = context.tree.destination
    let stamp = ResultSlots<String>(count: 1)
    let stamping = DispatchGroup()
    DispatchQueue.global().async(group: stamping) { stamp.set(0, TreeStamp.of(destination)) }
    var times: [String: Int64] = [:]
    let carried = context.carriedOver
    func keep(_ files: [IncrementalRecord.File], carried: Bool) {
      // A carried file is the same file (moved or linked): its time is the one kept.
      let kept = carried ? context.reuse.times : nil
      for file in files {
        if let time = kept?.times[file.path] ?? ContentFacts.Stamp.of(context.tree.destination + "/" + file.path)?.modified {
          times[file.path] = time
        }
      }
    }
    for (id, record) in context.records { keep(record.files, carried: carried.contains(id)) }
    keep(context.archive?.files ?? [], carried: context.archiveCarried)
    var output = OutputTimes(
      record: record, times: times, started: context.startedAt, content: context.inputs?.facts.recorded ?? [:])
    output.executable = context.inputs?.executable
    output.write(for: destination) {
      stamping.wait()
      return stamp.values.first ?? ""
    }
    output.tree = stamp.values.first ?? ""
    return output
  }

  /// What the next build into the same folder reads to carry over what
  /// has not changed: each meeting's record, with its final summaries.
  func incrementalRecord(_ context: BuildContext) -> IncrementalRecord {
    var meetings: [String: IncrementalRecord.Meeting] = [:]
    for (id, record) in context.records { meetings[id.path] = record }
    for (id, summaries) in context.summaries { meetings[id.path]?.summaries = summaries }
    return IncrementalRecord(
      site: context.inputs?.site ?? "", today: context.options.today, nonPublicFingerprint: context.audit.fingerprint,
      meetings: meetings, archive: context.archive)
  }
}
