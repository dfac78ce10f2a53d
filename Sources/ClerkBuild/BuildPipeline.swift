import ClerkCore
import Foundation

/// `clerk build`, as the list of its steps: load → check, plan, render and
/// audit each meeting → print the packs → render the archive pages → audit
/// the rest → index the audited trees for search (and audit the index) →
/// publish. Progress lines come from this list.
public struct BuildPipeline {
  let steps: [BuildStep] = [
    LoadArchive(), RenderMeetings(), RenderPDFs(), RenderArchivePages(), AuditTree(), IndexSearch(), WriteManifests(),
    Publish(),
  ]

  public init() {}

  /// What a finished run leaves for the command to print.
  public struct Outcome {
    /// Content problems first (sorted), then the run's own.
    public var diagnostics: [Diagnostic]
    /// Closing lines, after the problems.
    public var summary: [String]
    /// 0 published; 1 content or audit problems; 2 usage.
    public var status: Int32
    /// Meetings rendered, and carried over unchanged from the previous build.
    public var rendered = 0
    public var carried = 0
    /// The build's record and times, when `BuildOptions.keeps` and it wrote them.
    public var kept: KeptBuild?
  }

  public func run(_ options: BuildOptions) -> Outcome {
    let context = BuildContext(options: options)
    // A build holds every meeting's record and the audit's memory: they
    // are let go of on another thread, while the outcome is printed.
    defer {
      nonisolated(unsafe) let released = context  // no longer used here
      DispatchQueue.global(qos: .utility).async { withExtendedLifetime(released) {} }
    }
    do {
      for (offset, step) in steps.enumerated() {
        context.progress.step(offset + 1, of: steps.count, step.title(context))
        try step.run(context)
        if context.upToDate {
          // Nothing to write: the output stays as it is.
          context.tree.abandon()
          return Outcome(
            diagnostics: context.diagnostics.sorted, summary: context.summary, status: 0, rendered: 0,
            carried: context.index.meetings.count)
        }
      }
      return Outcome(
        diagnostics: context.diagnostics.sorted, summary: context.summary, status: 0, rendered: context.rendered.count,
        carried: context.carriedOver.count, kept: context.kept)
    } catch {
      context.tree?.abandon()
      let failure = error as? BuildFailure ?? BuildFailure(summary: "build failed: \(error)")
      return Outcome(
        diagnostics: context.diagnostics.sorted, summary: [failure.summary], status: failure.status)
    }
  }
}
