#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The order of strings by their UTF-8 bytes (what `JSONEncoder`'s
/// `.sortedKeys` gives, and `a.utf8.lexicographicallyPrecedes(b.utf8)`
/// says), compared with `strcmp`: sorting tens of thousands of paths with
/// the generic comparison costs a build tens of milliseconds. `strcmp`
/// stops at a NUL byte, so strings it finds equal (equal up to one) are
/// compared again the straightforward way.
public enum UTF8Order {
  @inlinable public static func precedes(_ a: String, _ b: String) -> Bool {
    let order = a.withCString { left in b.withCString { right in strcmp(left, right) } }
    return order != 0 ? order < 0 : a.utf8.lexicographicallyPrecedes(b.utf8)
  }

  /// `strings` in this order. (Sorted here, where the sort is compiled for
  /// strings: a generic caller's `sorted(by:)` is not, and costs several
  /// times as much on a manifest's tens of thousands of paths.)
  public static func sorted(_ strings: [String]) -> [String] {
    strings.sorted { precedes($0, $1) }
  }
}
