import Foundation

/// Where the published site lives, from `base-url` in site.yml: the
/// absolute links of the sitemap, feeds and calendars, and the host their
/// ids are minted under (so an id never depends on the build).
public struct SiteAddress: Sendable {
  /// `base-url` with one trailing slash.
  public let base: String

  public init(_ baseURL: String) {
    base = baseURL.hasSuffix("/") ? baseURL : baseURL + "/"
  }

  /// The absolute URL of a file of the tree (`index.html` is the base itself).
  public func url(_ path: String) -> String {
    base + (path == SiteLayout.index ? "" : path)
  }

  /// The host name of `base-url` (`democracy.example.gov.uk`), lowercased.
  public var host: String {
    if let host = URL(string: base)?.host, !host.isEmpty { return host.lowercased() }
    let afterScheme = base.range(of: "://").map { base[$0.upperBound...] } ?? base[...]
    return String(afterScheme.prefix { $0 != "/" && $0 != ":" }).lowercased()
  }
}
