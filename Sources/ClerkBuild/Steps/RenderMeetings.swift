import ClerkAudit
import ClerkCore
import ClerkRender
import Foundation

/// Loads, checks, plans, renders, audits and writes each meeting, on the
/// worker threads, in archive order. A meeting with errors writes nothing;
/// a draft with errors is left out (`MeetingResult.isHeldBackDraft`).
struct RenderMeetings: BuildStep {
  func title(_ context: BuildContext) -> String { "Check, plan, render and audit meetings" }

  /// What the worker threads hand back for one meeting.
  struct Done: Sendable {
    var rendered = SiteBuilder.RenderedMeeting()
    var leaks: [LeakScanner.Leak] = []
    var pastes: [PastedText.Found] = []
    var packSources: String?
  }

  func run(_ context: BuildContext) throws {
    let options = context.options
    let (index, tree, builder, audit) = (context.index!, context.tree!, context.builder!, context.audit!)
    let templates = context.templates.directory
    try tree.write(builder.assets, under: SiteBuilder.publicTree)
    try tree.write(builder.assets, under: SiteBuilder.nonPublicTree)
    let pasted = PastedText(index: index, templates: templates, enabled: options.findPasted)
    let previous = PublishedNumbers(contentsOf: options.out + "/" + PublishedNumbers.fileName) ?? PublishedNumbers()
    let digestsSources = context.pdfEngine != nil
    let transform: @Sendable (MeetingResult) -> Done = { result in
      var done = Done(pastes: pasted.scan(result.meeting, sources: result.sources, plan: result.plan))
      guard !result.diagnostics.hasErrors else { return done }
      if digestsSources { done.packSources = PackSources.digest(result.plan, index: index, templates: templates) }
      done.rendered = builder.render(result.plan)
      done.leaks = audit.audit(
        result.meeting, sources: result.sources, plan: result.plan, pages: done.rendered.publicPages, copies: done.rendered.publicCopies)
      do throws(OutputTree.Problem) {
        try tree.write(done.rendered.publicFiles, under: SiteBuilder.publicTree)
        try tree.write(done.rendered.nonPublicFiles, under: SiteBuilder.nonPublicTree)
      } catch {
        done.rendered.writeProblem = error
      }
      done.rendered.publicFiles = []
      done.rendered.nonPublicFiles = []
      return done
    }
    var count = 0
    var heldBack: [String] = []
    try ArchiveProcessor(index: index, today: options.today).process(transform: transform) { result, done in
      if let sources = done.packSources { context.packSources[result.plan.id.path] = sources }
      context.leaks += done.leaks
      pasted.record(done.pastes)
      context.diagnostics.append(contentsOf: result.buildDiagnostics)
      if result.isHeldBackDraft { heldBack.append(result.entry.id.path) }
      context.diagnostics.append(contentsOf: previous.moves(in: result.plan, folder: options.out))
      context.numbers.record(result.plan)
      count += 1
      context.progress.count(count, of: index.meetings.count)
      if let problem = done.rendered.problem { context.diagnostics.append(problem.diagnostic) }
      if let problem = done.rendered.writeProblem {
        context.diagnostics.append(Diagnostic(.error, problem.message))
        throw BuildFailure.untouched(options.out)
      }
      context.publicSummaries += done.rendered.publicSummary.map { [$0] } ?? []
      context.nonPublicSummaries += done.rendered.nonPublicSummary.map { [$0] } ?? []
    }
    let (warnings, quotes) = pasted.report()
    context.diagnostics.append(contentsOf: warnings)
    if let line = QuoteSummary.text(quotes) { context.closing.append(line) }
    if !heldBack.isEmpty {
      context.closing.append(
        Plural.count(heldBack.count, "draft meeting was", "draft meetings were")
          + " left out of this build because of the errors above (reported as warnings): \(heldBack.joined(separator: ", "))")
    }
    try context.stopOnErrors()
  }
}
