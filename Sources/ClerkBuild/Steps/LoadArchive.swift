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
    let (loaded, problems) = ArchiveLoader(root: options.content).loadIndex()
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
    let times = OutputTimes(for: context.previousBuild)
    let inputs = BuildInputs(
      index: index, templates: context.templates.directory, pdfEngine: options.noPDF ? nil : context.pdfEngine?.version,
      facts: times?.facts ?? ContentFacts())
    context.inputs = inputs
    context.reuse = ReusePlan(
      previous: options.carriesOver ? IncrementalRecord.read(context.previousBuild) : nil, times: times, inputs: inputs,
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
