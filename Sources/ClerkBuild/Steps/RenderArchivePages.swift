import ClerkCore
import ClerkRender

/// The index and committee pages of both trees (and every other archive
/// output), from every meeting's summary. When their key (`ArchiveKey`) is
/// the one the previous build recorded, and the archive's non-public set
/// is the one that build audited against, the previous build's files are
/// carried over as they were instead.
struct RenderArchivePages: BuildStep {
  func title(_ context: BuildContext) -> String { "Render index and committee pages" }

  func run(_ context: BuildContext) throws {
    let (builder, tree) = (context.builder!, context.tree!)
    let ids = context.index.meetings.map(\.id)
    let key = ArchiveKey.of(
      site: context.inputs?.site ?? "", today: context.options.today.iso,
      summaries: ids.compactMap { id in context.summaries[id].map { (id, $0) } })
    if let carried = carried(key, context) {
      do throws(OutputTree.Problem) {
        try tree.carry(carried.files.map(\.path), from: context.previousBuild)
      } catch {
        context.diagnostics.append(Diagnostic(.error, error.message))
        throw BuildFailure.untouched(context.options.out)
      }
      context.audit.markCarried(IncrementalRecord.File.publicPaths(carried.files))
      context.archive = carried
      context.archiveCarried = true
      return
    }
    guard let summaries = RecordedSummaries.lists(ids, context.summaries) else {
      throw BuildFailure(summary: "build failed: the meetings' summaries could not be read back")
    }
    do {
      let files = [
        (SiteBuilder.publicTree, try builder.archivePages(summaries.public, audience: .public)),
        (SiteBuilder.nonPublicTree, try builder.archivePages(summaries.nonPublic, audience: .nonPublic)),
      ]
      for (subtree, list) in files { try tree.write(list, under: subtree) }
      // Their digests are added with the manifest's.
      context.archive = IncrementalRecord.Archive(
        key: key, files: files.flatMap { subtree, list in list.map { .init(path: subtree + "/" + $0.path, size: 0, sha256: "") } })
    } catch let problem as TemplateSet.Problem {
      context.diagnostics.append(problem.diagnostic)
    }
    try context.stopOnErrors()
  }

  /// The previous build's archive outputs, when they can be carried over:
  /// the same key, the same non-public set, and every file as that build
  /// left it.
  func carried(_ key: String, _ context: BuildContext) -> IncrementalRecord.Archive? {
    guard let previous = context.reuse.previous, let archive = previous.archive, archive.key == key,
      let times = context.reuse.times, context.audit.fingerprint == previous.nonPublicFingerprint,
      RecordedFiles.check(archive.files, in: context.previousBuild, times: times) != nil
    else { return nil }
    return archive
  }
}
