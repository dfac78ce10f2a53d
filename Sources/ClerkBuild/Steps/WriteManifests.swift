import ClerkCore
import ClerkIntegrity

/// Writes each tree's `manifest.json` — the SHA-256 and size of every other
/// file, and the meetings it publishes with their revisions — once nothing
/// else will be written, then audits it like every public file.
struct WriteManifests: BuildStep {
  func title(_ context: BuildContext) -> String {
    "Record every file's SHA-256 (manifest.json)"
  }

  func run(_ context: BuildContext) throws {
    do {
      var carried: [String: Manifest.File] = [:]
      for id in context.carriedOver {
        guard let record = context.records[id] else { continue }
        for file in record.files { carried[file.path] = Manifest.File(sha256: file.sha256, size: file.size) }
      }
      let archive = context.archive?.files ?? []
      if context.archiveCarried {
        for file in archive { carried[file.path] = Manifest.File(sha256: file.sha256, size: file.size) }
      }
      // A carried meeting's files are the ones its record lists.
      let files = try TreeManifest.write(
        context.index, into: context.tree, carried: carried, rendered: Set(context.rendered.map(\.path)),
        archive: Set(archive.map(\.path)))
      for id in context.rendered { context.records[id]?.files = files.meetings[id.path] ?? [] }
      context.archive?.files = archive.compactMap { file in
        files.archive[file.path].map { IncrementalRecord.File(path: file.path, size: $0.size, sha256: $0.sha256) }
      }
    } catch {
      context.diagnostics.append(Diagnostic(.error, error.message))
      throw BuildFailure.untouched(context.options.out)
    }
    try AuditTree.fail(on: context.audit.auditRest(root: context.tree.temporary), gaps: context.audit.gaps.all, context)
  }
}
