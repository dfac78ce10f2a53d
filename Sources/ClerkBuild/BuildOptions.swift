import ClerkCore
import ClerkRender

/// What `clerk build` was asked to do.
public struct BuildOptions: Sendable {
  public var content: String
  public var out: String
  /// The templates folder to use (already resolved from `--templates`, `site.yml` and the defaults).
  public var templates: @Sendable (Site) throws -> String
  public var noPDF: Bool
  /// Skip the search index, quietly.
  public var noSearch: Bool
  public var quiet: Bool
  public var findPasted: Bool
  public var today: CalendarDate
  /// Render every meeting, carrying nothing over from the previous build.
  public var full: Bool
  /// Held while the build is swapped into `out`, when something reads
  /// `out` while it is live (`clerk serve` builds into the folder it serves).
  public var swapLock: SwapLock?
  /// The record and times of the build in `out`, kept in memory by the
  /// process that made it (`clerk serve`); used while still current.
  public var kept: KeptBuild?
  /// Whether to return this build's record and times (`Outcome.kept`).
  public var keeps = false
  /// Where to write the hash of every public text file as audited (a test hook).
  public var auditedHashes: String?

  public init(
    content: String, out: String, templates: @escaping @Sendable (Site) throws -> String, noPDF: Bool, quiet: Bool,
    findPasted: Bool, today: CalendarDate, auditedHashes: String?, noSearch: Bool = false, full: Bool = false
  ) {
    self.full = full
    self.content = content
    self.out = out
    self.templates = templates
    self.noPDF = noPDF
    self.noSearch = noSearch
    self.quiet = quiet
    self.findPasted = findPasted
    self.today = today
    self.auditedHashes = auditedHashes
  }

  /// Whether meetings unchanged since the previous build may be carried
  /// over: not with `--full`, nor when the build must read every meeting
  /// (finding pasted text, recording what the audit read).
  var carriesOver: Bool { !full && !findPasted && auditedHashes == nil }
}
