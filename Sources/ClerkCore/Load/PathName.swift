import Foundation

/// The parts of a path that a build asks for on every file it writes or
/// audits, without bridging to `NSString`: the answers are `NSString`'s
/// (`PathNameTests`), which is still asked for paths out of the ordinary
/// (a trailing or doubled `/`, no `/` at all).
public enum PathName {
  /// `(path as NSString).deletingLastPathComponent`.
  public static func parent(of path: String) -> String {
    let bytes = path.utf8
    guard let slash = plainLastSlash(bytes) else { return (path as NSString).deletingLastPathComponent }
    return slash == bytes.startIndex ? "/" : String(path[..<slash])
  }

  /// `(path as NSString).pathExtension`.
  public static func fileExtension(of path: String) -> String {
    let bytes = path.utf8
    guard let slash = plainLastSlash(bytes) else { return (path as NSString).pathExtension }
    let name = bytes[bytes.index(after: slash)...]
    // A name starting with its only dot (".htaccess") has no extension.
    guard let dot = name.lastIndex(of: UInt8(ascii: ".")), dot != name.startIndex else { return "" }
    return String(path[bytes.index(after: dot)...])
  }

  /// The last `/` of a path that has one, no `/` at its end and no `//`.
  static func plainLastSlash(_ bytes: String.UTF8View) -> String.Index? {
    guard bytes.last != UInt8(ascii: "/") else { return nil }
    var last: String.Index?
    var previous: UInt8 = 0
    var index = bytes.startIndex
    while index != bytes.endIndex {
      let byte = bytes[index]
      if byte == UInt8(ascii: "/") {
        if previous == byte { return nil }
        last = index
      }
      previous = byte
      index = bytes.index(after: index)
    }
    return last
  }
}
