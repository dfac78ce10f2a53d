import ClerkAudit
import ClerkCore
import ClerkRender

/// Reads the archive's index (site, committees, meetings), the templates,
/// and opens the temporary output tree.
struct LoadArchive: BuildStep {
  func title(_ context: BuildContext) -> String { "Load archive" }

  func run(_ context: BuildContext) throws {
    context.startedAt = ContentFacts.now
    let options = context.options
    // What the last build left beside the output is read while the index
    // loads: neither needs the other.
    // (The index and the times take about as long as the record.)
    let folder = ContentFiles.resolvedPath(options.out)
    let record = ResultSlots<IncrementalRecord?>(count: 1)
    let index = ResultSlots<(index: ArchiveIndex?, problems: Diagnostics, times: OutputTimes?)>(count: 1)
    let kept = options.carriesOver ? options.kept?.current(for: folder) : nil
    ParallelWork.run(count: 2, width: 2) { task in
      if task == 0 {
        let (loaded, problems) = ArchiveLoader(root: options.content).loadIndex()
        index.set(0, (loaded, problems, kept?.times ?? OutputTimes(for: folder)))
      } else {
        record.set(0, kept?.record ?? (options.carriesOver ? IncrementalRecord.read(folder) : nil))
      }
    }
    let (loaded, problems, earlierTimes) = index.values[0]
    context.diagnostics.append(contentsOf: problems)
    guard let index = loaded else {
      throw BuildFailure.untouched(options.out)
    }
    do {
      context.templates = try TemplateSet(directory: try options.templates(index.site))
    } catch let problem as TemplateSet.Problem {
      context.diagnostics.append(problem.diagnostic)
      throw BuildFailure.untouched(options.out)
    }
    do {
      context.tree = try OutputTree(out: options.out, content: options.content)
      context.tree.swapLock = options.swapLock
    } catch {
      context.diagnostics.append(Diagnostic(.error, error.message))
      throw BuildFailure.untouched(options.out, status: 2)
    }
    context.index = index
    context.builder = SiteBuilder(index: index, templates: context.templates, today: options.today)
    context.audit = BuildAudit(archive: index, templates: context.templates.directory)
    context.audit.recordHashes = options.auditedHashes != nil
    context.audit.keepsMemories = true
    // (`folder` is the tree's destination: `OutputTree` resolves `--out` the same way.)
    let (times, earlierRecord) = (earlierTimes, record.values[0])
    let inputs = BuildInputs(
      index: index, templates: context.templates.directory, pdfEngine: options.noPDF ? nil : context.pdfEngine?.version,
      facts: times?.facts ?? ContentFacts(),
      executable: ExecutableDigest.of(known: times?.executable, trustedBefore: times?.trustedBefore ?? 0))
    context.inputs = inputs
    context.reuse = ReusePlan(
      previous: earlierRecord, times: times, inputs: inputs,
      index: index, today: options.today, folder: context.previousBuild)
    context.progress.note(
      "      \(Plural.count(index.meetings.count, "meeting")) in \(Plural.count(index.committees.count, "committee"))"
        + (context.reuse.reused.isEmpty ? "" : "; \(context.reuse.reused.count) unchanged since the last build"))
    if UpToDate.check(context) {
      context.upToDate = true
      UpToDate.report(context)
    }
  }
}
