import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Every entry under a folder, read with `readdir` (whose entry types
/// spare a `stat` a file): a build's output has tens of thousands of
/// files, and `FileManager`'s enumerator asks each one's attributes.
/// Symbolic links are listed, never followed.
public enum TreeWalk {
  public struct Entry: Sendable, Equatable {
    /// Relative to the folder walked, `/`-separated.
    public var path: String
    public var kind: Kind
  }

  public enum Kind: Sendable, Equatable {
    case file, folder, link, other
  }

  /// Every entry under `root` (not `root` itself), sorted by path.
  public static func entries(under root: String) -> [Entry] {
    var found: [Entry] = []
    walk(root, prefix: "", into: &found)
    return found.sorted { $0.path < $1.path }
  }

  /// Every entry under `root`, in the order of their paths' UTF-8 bytes
  /// (`UTF8Order`: quicker to sort than `entries`, which sorts as `String` compares).
  public static func entriesInByteOrder(under root: String) -> [Entry] {
    var found: [Entry] = []
    walk(root, prefix: "", into: &found)
    return found.sorted { UTF8Order.precedes($0.path, $1.path) }
  }

  /// Every entry under `root`, in no particular order (for a check that
  /// needs none: sorting is most of what a walk costs).
  public static func entriesUnsorted(under root: String) -> [Entry] {
    var found: [Entry] = []
    walk(root, prefix: "", into: &found)
    return found
  }

  /// One entry of a folder, with its `lstat` (nil when it could not be taken).
  public struct StatusEntry: @unchecked Sendable {
    public var name: String
    public var status: stat?
  }

  /// The entries of one folder (not what is in its folders), in no
  /// particular order, each with its `lstat` taken relative to the folder
  /// (`fstatat`), not by its whole path; nil when the folder cannot be read.
  public static func statusEntries(of folder: String) -> [StatusEntry]? {
    guard let directory = opendir(folder) else { return nil }
    defer { closedir(directory) }
    let descriptor = dirfd(directory)
    var found: [StatusEntry] = []
    while let entry = readdir(directory) {
      let name = Self.name(of: entry)
      if name == "." || name == ".." { continue }
      var status = stat()
      found.append(StatusEntry(name: name, status: fstatat(descriptor, name, &status, AT_SYMLINK_NOFOLLOW) == 0 ? status : nil))
    }
    return found
  }

  /// An entry's name as `readdir` gives it.
  static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
    withUnsafeBytes(of: entry.pointee.d_name) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
  }

  /// The kind `lstat` gives.
  public static func kind(_ status: stat) -> Kind {
    switch status.st_mode & S_IFMT {
    case S_IFREG: return .file
    case S_IFDIR: return .folder
    case S_IFLNK: return .link
    default: return .other
    }
  }

  /// The relative paths of the regular files under `root`, sorted.
  public static func files(under root: String) -> [String] {
    entries(under: root).filter { $0.kind == .file }.map(\.path)
  }

  static func walk(_ folder: String, prefix: String, into found: inout [Entry]) {
    guard let directory = opendir(folder) else { return }
    defer { closedir(directory) }
    var folders: [String] = []
    while let entry = readdir(directory) {
      let name = Self.name(of: entry)
      if name == "." || name == ".." { continue }
      var kind: Kind
      switch Int32(entry.pointee.d_type) {
      case Int32(DT_REG): kind = .file
      case Int32(DT_DIR): kind = .folder
      case Int32(DT_LNK): kind = .link
      case Int32(DT_UNKNOWN): kind = Self.kind(of: folder + "/" + name)
      default: kind = .other
      }
      found.append(Entry(path: prefix + name, kind: kind))
      if kind == .folder { folders.append(name) }
    }
    for name in folders { walk(folder + "/" + name, prefix: prefix + name + "/", into: &found) }
  }

  /// The kind of one entry, from `lstat` (for file systems whose
  /// directories do not say).
  static func kind(of path: String) -> Kind {
    var info = stat()
    guard lstat(path, &info) == 0 else { return .other }
    return kind(info)
  }
}
