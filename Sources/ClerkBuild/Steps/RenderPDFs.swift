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
    let renderer = PackPDFs(engine: engine, tree: tree, cache: cache, workers: ProcessInfo.processInfo.activeProcessorCount)
    let publicOutcome = try renderer.run(&context.publicSummaries, subtree: SiteBuilder.publicTree)
    let nonPublicOutcome = try renderer.run(&context.nonPublicSummaries, subtree: SiteBuilder.nonPublicTree)
    context.audit.invalidate(publicOutcome.patched)
    context.audit.markDerived(context.publicSummaries.flatMap { $0.packs.map(\.pdf) })
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
}
