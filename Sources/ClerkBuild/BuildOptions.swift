import ClerkCore

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
  /// Where to write the hash of every public text file as audited (a test hook).
  public var auditedHashes: String?

  public init(
    content: String, out: String, templates: @escaping @Sendable (Site) throws -> String, noPDF: Bool, quiet: Bool,
    findPasted: Bool, today: CalendarDate, auditedHashes: String?, noSearch: Bool = false
  ) {
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
}
