import ClerkCore
import ClerkRender
import Foundation

/// Prints every pack to PDF and gives the meeting pages the PDFs' page
/// numbers. Without the engine the build goes on, with one warning.
struct RenderPDFs: BuildStep {
  func title(_ context: BuildContext) -> String {
    if context.options.noPDF { return "Render PDF packs: skipped (--no-pdf)" }
    return context.pdfEngine == nil ? "Render PDF packs: no PDF engine" : "Render PDF packs"
  }

  func run(_ context: BuildContext) throws {
    guard !context.options.noPDF else { return }
    guard let engine = context.pdfEngine else {
      context.diagnostics.append(
        Diagnostic(
          .warning,
          "the PDF engine (WeasyPrint) is not installed; built pack.html without pack.pdf (run 'make pdf-setup')"))
      return
    }
    let started = ContinuousClock.now
    let tree = context.tree!
    let cache = (tree.destination as NSString).deletingLastPathComponent + "/." + (tree.destination as NSString).lastPathComponent + ".clerk-cache"
    var renderer = PackPDFs(engine: engine, tree: tree, cache: cache, workers: ProcessInfo.processInfo.activeProcessorCount)
    let progress = context.progress
    renderer.onProgress = { done, total in progress.count(done, of: total, "pack") }
    // Meetings carried over from the previous build keep its PDFs and pages.
    // (their PDFs were marked derived when they were carried).
    let rendered = context.index.meetings.map(\.id).filter { context.rendered.contains($0) }
    guard let lists = RecordedSummaries.lists(rendered, context.summaries) else {
      throw BuildFailure(summary: "build failed: the summaries of the meetings rendered could not be read back")
    }
    var (publicSummaries, nonPublicSummaries) = lists
    let publicOutcome = try renderer.run(&publicSummaries, subtree: SiteBuilder.publicTree)
    let nonPublicOutcome = try renderer.run(&nonPublicSummaries, subtree: SiteBuilder.nonPublicTree)
    let printed = (
      public: Dictionary(publicSummaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first }),
      nonPublic: Dictionary(nonPublicSummaries.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    )
    for id in rendered where printed.public[id] != nil || printed.nonPublic[id] != nil {
      context.summaries[id] = RecordedSummaries(public: printed.public[id], nonPublic: printed.nonPublic[id])
    }
    try renderMeetingPages(context, printed: [SiteBuilder.publicTree: publicOutcome.printed, SiteBuilder.nonPublicTree: nonPublicOutcome.printed])
    context.audit.markDerived(publicSummaries.flatMap { $0.packs.map(\.pdf) })
    for failure in publicOutcome.failures + nonPublicOutcome.failures {
      context.diagnostics.append(Diagnostic(.warning, "no PDF for \(failure)"))
    }
    let seconds = BuildContext.seconds(since: started)
    let pdfs = publicOutcome.pdfs + nonPublicOutcome.pdfs
    let pages = publicOutcome.pages + nonPublicOutcome.pages
    let misses = publicOutcome.misses + nonPublicOutcome.misses
    let rate = misses > 0 && seconds > 0 ? String(format: ", %.0f pages/s", Double(pages) / seconds) : ""
    context.pdfSummary =
      "PDF: \(Plural.count(pdfs, "pack")), \(Plural.count(pages, "page")); \(publicOutcome.hits + nonPublicOutcome.hits) from cache, \(misses) rendered in \(String(format: "%.1f", seconds)) s\(rate)"
  }

  /// Renders the meeting pages (and `meeting.json`) of every printed
  /// meeting again, with their page numbers and PDF links (the meetings are loaded and planned again: cheap next
  /// to printing them). The public ones are audited again at the end.
  func renderMeetingPages(_ context: BuildContext, printed: [String: [MeetingID: PrintedPages]]) throws {
    let (index, builder, tree) = (context.index!, context.builder!, context.tree!)
    let ids = Set(printed.values.flatMap(\.keys))
    let entries = index.meetings.filter { ids.contains($0.id) }
    var rendered: [(tree: String, file: OutputFile)] = []
    var problem: TemplateSet.Problem?
    ArchiveProcessor(index: index, today: context.options.today).process(entries) { result in
      for (subtree, audience) in [(SiteBuilder.publicTree, Audience.public), (SiteBuilder.nonPublicTree, .nonPublic)] {
        guard let pages = printed[subtree]?[result.plan.id], let plan = result.plan.narrowed(to: audience) else { continue }
        do throws(TemplateSet.Problem) {
          rendered += try builder.printedMeetingFiles(plan, printed: pages).map { (subtree, $0) }
        } catch {
          problem = error
        }
      }
    }
    if let problem {
      context.diagnostics.append(problem.diagnostic)
      try context.stopOnErrors()
    }
    for (subtree, file) in rendered {
      guard case .text(let text) = file.contents else { continue }
      try tree.rewrite(file.path, text, under: subtree)
    }
    context.audit.invalidate(rendered.filter { $0.tree == SiteBuilder.publicTree }.map(\.file.path))
  }
}
