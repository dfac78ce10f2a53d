import ClerkCore
import ClerkRender

/// The index and committee pages of both trees, from every meeting's summary.
struct RenderArchivePages: BuildStep {
  func title(_ context: BuildContext) -> String { "Render index and committee pages" }

  func run(_ context: BuildContext) throws {
    let (builder, tree) = (context.builder!, context.tree!)
    do {
      try tree.write(try builder.archivePages(context.publicSummaries, audience: .public), under: SiteBuilder.publicTree)
      try tree.write(
        try builder.archivePages(context.nonPublicSummaries, audience: .nonPublic), under: SiteBuilder.nonPublicTree)
    } catch let problem as TemplateSet.Problem {
      context.diagnostics.append(problem.diagnostic)
    }
    try context.stopOnErrors()
  }
}
