import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Where a request path leads in the served tree. The path is read as the
/// browser sent it (percent-encoded), one segment at a time, so that no
/// spelling of `..` (`%2e%2e`, `%2E%2E%2F`), backslash, NUL or encoded slash
/// can climb out; and the file found is resolved through any symbolic link
/// and must still lie inside the tree.
public enum ServedPath: Equatable, Sendable {
  /// A regular file inside the tree (its real, absolute path).
  case file(String)
  /// A folder asked for without its final slash: the same path with one.
  case redirect(String)
  /// A path that tries to leave the tree, or cannot be read as a path.
  case forbidden
  /// Nothing there (or a hidden file).
  case notFound

  /// Resolves `target`, the request's path as sent (no query), against the
  /// folder `root`. A folder's URL serves its `index.html`.
  public static func resolve(_ target: String, in root: String) -> ServedPath {
    guard target.hasPrefix("/"), let base = realPath(root) else { return .forbidden }
    var segments: [String] = []
    for raw in target.split(separator: "/", omittingEmptySubsequences: true) {
      guard let segment = raw.removingPercentEncoding else { return .forbidden }
      if segment == "." || segment == ".." || segment.unicodeScalars.contains(where: isUnsafe) { return .forbidden }
      if segment.hasPrefix(".") { return .notFound }
      segments.append(segment)
    }
    guard let real = realPath(([base] + segments).joined(separator: "/")) else { return .notFound }
    guard isInside(real, base) else { return .forbidden }
    var status = stat()
    guard stat(real, &status) == 0 else { return .notFound }
    if status.st_mode & S_IFMT == S_IFDIR {
      guard target.hasSuffix("/") else { return .redirect(folderURL(segments)) }
      guard let index = realPath(real + "/index.html") else { return .notFound }
      guard isInside(index, base) else { return .forbidden }
      return isRegularFile(index) ? .file(index) : .notFound
    }
    return status.st_mode & S_IFMT == S_IFREG ? .file(real) : .notFound
  }

  /// Separators, NUL and the other control characters never name a file of a build.
  static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
    scalar == "/" || scalar == "\\" || scalar.value < 0x20 || scalar.value == 0x7F
  }

  static func isInside(_ path: String, _ base: String) -> Bool {
    path == base || path.hasPrefix(base.hasSuffix("/") ? base : base + "/")
  }

  static func isRegularFile(_ path: String) -> Bool {
    var status = stat()
    return stat(path, &status) == 0 && status.st_mode & S_IFMT == S_IFREG
  }

  /// Rebuilt from the checked segments, so a redirect never leads off the site.
  static func folderURL(_ segments: [String]) -> String {
    let encoded = segments.map { $0.addingPercentEncoding(withAllowedCharacters: .urlPathAllowed) ?? "" }
    return "/" + encoded.map { $0 + "/" }.joined()
  }

  /// The path with every symbolic link resolved, or nil when it does not exist.
  static func realPath(_ path: String) -> String? {
    guard let resolved = realpath(path, nil) else { return nil }
    defer { free(resolved) }
    return String(cString: resolved)
  }
}
