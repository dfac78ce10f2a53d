import ClerkCore

/// Writes each tree's `manifest.json` — the SHA-256 and size of every other
/// file, and the meetings it publishes with their revisions — once nothing
/// else will be written, then audits it like every public file.
struct WriteManifests: BuildStep {
  func title(_ context: BuildContext) -> String {
    "Record every file's SHA-256 (manifest.json)"
  }

  func run(_ context: BuildContext) throws {
    do {
      try TreeManifest.write(context.index, into: context.tree)
    } catch {
      context.diagnostics.append(Diagnostic(.error, error.message))
      throw BuildFailure.untouched(context.options.out)
    }
    try AuditTree.fail(on: context.audit.auditRest(root: context.tree.temporary), gaps: context.audit.gaps.all, context)
  }
}
