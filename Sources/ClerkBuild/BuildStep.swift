/// One named step of the build. Steps run in the order of
/// `BuildPipeline.steps`, over one shared `BuildContext`; a step stops the
/// build by throwing a `BuildFailure`.
protocol BuildStep {
  /// The progress line's title, `[2/6] <title>`.
  func title(_ context: BuildContext) -> String
  func run(_ context: BuildContext) throws
}

/// Why a build stopped: nothing is published, and the previous output is
/// untouched. The problems themselves are in the context's diagnostics.
struct BuildFailure: Error {
  /// The command's exit status (1 for the content, 2 for usage).
  var status: Int32 = 1
  /// The closing line, after the problems.
  var summary: String

  /// The usual failure: the problems say why, and `out` is as it was.
  static func untouched(_ out: String, status: Int32 = 1) -> BuildFailure {
    BuildFailure(status: status, summary: "build failed: the previous output in '\(out)' is untouched")
  }
}
