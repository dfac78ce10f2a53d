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
/// each time into a fresh folder of the private work folder, so the tree
/// being served is never written while it is read. Each build is
/// incremental: meetings unchanged since the build being served are
/// carried over from it (hard links, never written), so an edit to one
/// meeting renders that meeting and the archive pages.
struct PreviewBuilder: Sendable {
  let work: String
  let options: BuildOptions
  /// The templates folder the last build used (resolved by `options.templates`), to watch it too.
  let templates = Locked<String?>(nil)

  init(work: String, options: BuildOptions) {
    self.work = work
    var options = options
    let resolve = options.templates
    let templates = self.templates
    options.templates = { site in
      let folder = try resolve(site)
      templates.value = URL(fileURLWithPath: folder).standardizedFileURL.path
      return folder
    }
    options.quiet = true
    self.options = options
  }

  /// Builds preview `number`, carrying unchanged meetings over from the
  /// build in `previous` (the one being served).
  func build(number: Int, previous: String? = nil) -> PreviewBuild {
    let out = work + "/build-\(number)"
    carryPDFCache(to: out, from: work + "/build-\(number - 1)")
    var options = self.options
    options.out = out
    options.previous = previous
    let started = ContinuousClock.now
    let outcome = BuildPipeline().run(options)
    let elapsed = (ContinuousClock.now - started).components
    return PreviewBuild(
      number: number, diagnostics: outcome.diagnostics, summary: outcome.summary, succeeded: outcome.status == 0,
      seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18, rendered: outcome.rendered,
      carried: outcome.carried, folder: outcome.status == 0 ? out : nil)
  }

  /// The PDF cache lives beside the output folder, named after it: it moves
  /// on with each build, so an unchanged pack is not printed again.
  func carryPDFCache(to out: String, from previous: String) {
    func cache(_ folder: String) -> String {
      (folder as NSString).deletingLastPathComponent + "/." + (folder as NSString).lastPathComponent + ".clerk-cache"
    }
    _ = rename(cache(previous), cache(out))
  }
}
