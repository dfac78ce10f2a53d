import ClerkCore
import ClerkRender

/// The index and committee pages of both trees, from every meeting's
/// summary: the two trees side by side, one thread each.
struct RenderArchivePages: BuildStep {
  func title(_ context: BuildContext) -> String { "Render index and committee pages" }

  func run(_ context: BuildContext) throws {
    let (builder, tree) = (context.builder!, context.tree!)
    let trees = [
      (SiteBuilder.publicTree, Audience.public, context.publicSummaries),
      (SiteBuilder.nonPublicTree, Audience.nonPublic, context.nonPublicSummaries),
    ]
    let outcomes = ResultSlots<Result<Void, Error>>(count: trees.count)
    ParallelWork.run(count: trees.count, width: trees.count) { offset in
      let (subtree, audience, summaries) = trees[offset]
      outcomes.set(offset, Result { try tree.write(try builder.archivePages(summaries, audience: audience), under: subtree) })
    }
    var problems: [Diagnostic] = []
    for outcome in outcomes.values {
      switch outcome {
      case .success: continue
      // A template both trees use fails in both: reported once.
      case .failure(let problem as TemplateSet.Problem) where !problems.contains(problem.diagnostic):
        problems.append(problem.diagnostic)
      case .failure(is TemplateSet.Problem): continue
      case .failure(let error): throw error
      }
    }
    context.diagnostics.append(contentsOf: problems)
    try context.stopOnErrors()
  }
}
