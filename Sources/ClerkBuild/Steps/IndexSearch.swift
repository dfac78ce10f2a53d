import ClerkAudit
import ClerkCore
import ClerkRender
import Foundation

/// The full-text search index of each tree (Pagefind), made only once
/// `AuditTree` has passed, so the public index is built from the audited
/// public tree alone; the non-public tree gets its own. The public index
/// is then audited like any published file, its compressed files inflated
/// (`SearchIndexText`): a leak or an unreadable file stops the build.
struct IndexSearch: BuildStep {
  func title(_ context: BuildContext) -> String {
    if context.options.noSearch { return "Index for search: skipped (--no-search)" }
    return context.searchEngine == nil ? "Index for search: Pagefind is not installed" : "Index both trees for search, and audit the public index"
  }

  func run(_ context: BuildContext) throws {
    guard !context.options.noSearch else { return }
    let out = context.options.out
    guard let pagefind = context.searchEngine else {
      if Pagefind.isRequired() {
        context.diagnostics.append(
          Diagnostic(
            .error,
            "Pagefind is not installed and \(Pagefind.requiredVariable)=1 asks for search: run 'make search-setup' (or set \(Pagefind.environmentVariable) to a Pagefind binary)"
          ))
        throw BuildFailure.untouched(out)
      }
      context.diagnostics.append(
        Diagnostic(
          .warning,
          "built without search: Pagefind is not installed; run 'make search-setup' to install it (or set \(Pagefind.environmentVariable)), or pass --no-search"
        ))
      return
    }
    let tree = context.tree!
    for subtree in [SiteBuilder.publicTree, SiteBuilder.nonPublicTree] {
      let site = tree.temporary + "/" + subtree
      if FileManager.default.fileExists(atPath: site + "/" + Pagefind.folder) {
        context.diagnostics.append(
          Diagnostic(.error, "\(subtree)/\(Pagefind.folder) exists before the search index is made (a committee or file named '\(Pagefind.folder)'?); it is the index's folder"))
        throw BuildFailure.untouched(out)
      }
      do throws(Pagefind.Failure) {
        try pagefind.index(site: site)
        try SearchIndexOrder.normalise(site + "/" + Pagefind.folder)
      } catch {
        context.diagnostics.append(Diagnostic(.error, "cannot index \(subtree)/ for search: \(error.message)"))
        throw BuildFailure.untouched(out)
      }
      tree.register(Pagefind.files(site: site), under: subtree)
    }
    // Only what is new is read: the index, and every file's name again.
    let audit = context.audit!
    try AuditTree.fail(on: audit.auditRest(root: tree.temporary), gaps: audit.gaps.all, context)
  }
}
