import ClerkBuild
import ClerkCore
import ClerkRender
import Foundation

/// One build of the preview, as the server and the command see it.
public struct PreviewBuild: Sendable {
  /// 1 for the first build, counting every attempt.
  public var number: Int
  /// Content problems first (sorted), then the run's own, as `clerk build` reports them.
  public var diagnostics: [Diagnostic]
  /// The build's closing lines (why it failed, when it did).
  public var summary: [String]
  public var succeeded: Bool
  public var seconds: Double
  /// Meetings rendered, and carried over from the build served before.
  public var rendered = 0
  public var carried = 0
  /// The build folder (holding `public/` and `non-public/`), when it succeeded.
  var folder: String?

  /// What the error box shows: each error as `path:line:col: error: message`,
  /// or the closing lines when the failure has no error of its own.
  public var errorLines: [String] {
    let errors = diagnostics.filter { $0.severity == .error }.map(\.description)
    return errors.isEmpty && !succeeded ? summary : errors
  }
}

/// Builds the content for the preview with the pipeline of `clerk build`,
/// into one folder of the private work folder that the server reads from:
/// each build is incremental (meetings unchanged since the build being
/// served are carried over from it, their folders moved in whole), and is
/// swapped in under `swapLock`, which the server holds while it reads a
/// file, so a request never finds the tree half swapped. A failed build
/// leaves the served tree as it was. At the swap, the build's number takes
/// over with its tree, so a page never carries another build's number.
struct PreviewBuilder: Sendable {
  /// The build's folder, holding `public/` and `non-public/`.
  let folder: String
  let options: BuildOptions
  let swapLock: SwapLock
  /// The number of the build running.
  private let running = Locked(0)
  /// The last build's record and times, in memory (`KeptBuild`).
  private let kept = Locked<KeptBuild?>(nil)
  /// The templates folder the last build used (resolved by `options.templates`), to watch it too.
  let templates = Locked<String?>(nil)

  init(work: String, options: BuildOptions, served: Locked<ServedTree>) {
    let folder = work + "/site"
    self.folder = folder
    let running = running
    swapLock = SwapLock { served.value = ServedTree(folder: folder, number: running.value, errors: []) }
    var options = options
    let resolve = options.templates
    let templates = self.templates
    options.templates = { site in
      let folder = try resolve(site)
      templates.value = URL(fileURLWithPath: folder).standardizedFileURL.path
      return folder
    }
    options.quiet = true
    options.out = folder
    options.swapLock = swapLock
    options.keeps = true
    self.options = options
  }

  /// Builds preview `number` over the build being served.
  func build(number: Int) -> PreviewBuild {
    running.value = number
    var options = options
    options.kept = kept.value
    let started = ContinuousClock.now
    let outcome = BuildPipeline().run(options)
    // A build that wrote nothing (failed, or up to date) leaves the kept one current.
    if let written = outcome.kept { kept.value = written }
    let elapsed = (ContinuousClock.now - started).components
    return PreviewBuild(
      number: number, diagnostics: outcome.diagnostics, summary: outcome.summary, succeeded: outcome.status == 0,
      seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, rendered: outcome.rendered,
      carried: outcome.carried, folder: outcome.status == 0 ? folder : nil)
  }
}
