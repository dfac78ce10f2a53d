import ClerkAudit
import ClerkCore
import ClerkRender
import Foundation

/// What the build's steps share: the options, what each step made for the
/// next ones, and the one list of problems.
final class BuildContext {
  let options: BuildOptions
  let progress: BuildProgress
  let started = ContinuousClock.now
  /// When the build started, in nanoseconds since 1970 (content files
  /// changed since may have changed while it read them).
  var startedAt: Int64 = 0
  /// Every problem of the build, content and run alike.
  var diagnostics = Diagnostics()
  /// Closing lines that are not problems ("Built …", the PDF summary),
  /// set once the build is published.
  var summary: [String] = []
  /// The PDF step's line for the summary.
  var pdfSummary: String?
  /// Lines for the end of the summary (acknowledged quotes, held-back drafts).
  var closing: [String] = []

  // Load archive
  var index: ArchiveIndex!
  var templates: TemplateSet!
  var tree: OutputTree!
  var builder: SiteBuilder!
  var audit: BuildAudit!

  /// What the previous build's record lets this one carry over (nothing
  /// for a full build), and every meeting's key.
  var reuse = ReusePlan()
  var inputs: BuildInputs?
  /// What this build wrote beside its output, kept for the next (`BuildOptions.keeps`).
  var kept: KeptBuild?
  /// Whether the build in `--out` is already what this build would write (`UpToDate`).
  var upToDate = false
  /// The folder of the build meetings are carried over from: the one in `--out`.
  var previousBuild: String { tree.destination }

  // Render meetings
  /// What this build records of each meeting, for the next one.
  var records: [MeetingID: IncrementalRecord.Meeting] = [:]
  /// Meetings rendered by this build (the others were carried over).
  var rendered = Set<MeetingID>()
  /// Meetings carried over from the previous build as they were.
  var carriedOver: Set<MeetingID> { Set(records.keys).subtracting(rendered) }
  /// Each meeting's summaries (final once the PDFs are printed), as the record keeps them.
  var summaries: [MeetingID: RecordedSummaries] = [:]
  var leaks: [LeakScanner.Leak] = []
  var numbers = PublishedNumbers()

  // Render archive pages
  /// The archive outputs written (their digests are filled in with the
  /// manifest's), for the next build's record.
  var archive: IncrementalRecord.Archive?
  /// Whether they were carried over from the previous build.
  var archiveCarried = false
  /// What each pack is made from (`clerk check --build`), when PDFs give pages.
  var packSources: [String: String] = [:]

  init(options: BuildOptions) {
    self.options = options
    progress = BuildProgress(quiet: options.quiet)
  }

  /// Whether this build renders PDFs (asked for, and the engine is there).
  lazy var pdfEngine: PDFEngine? = options.noPDF ? nil : PDFEngine.find()
  /// Pagefind, when installed (whether it is asked for is `options.noSearch`).
  lazy var searchEngine: Pagefind? = Pagefind.find()

  static func seconds(since start: ContinuousClock.Instant) -> Double {
    let components = (ContinuousClock.now - start).components
    return Double(components.seconds) + Double(components.attoseconds) / 1e18
  }

  /// Fails the build if a problem so far is an error.
  func stopOnErrors() throws {
    guard diagnostics.hasErrors else { return }
    throw BuildFailure(
      summary: "build failed with \(Plural.count(diagnostics.errorCount, "error")): the previous output in '\(options.out)' is untouched")
  }
}
