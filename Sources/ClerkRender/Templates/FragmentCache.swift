#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Parts of a meeting's pages that are rendered once for both trees. A
/// fragment template (an item's page content, an item of the pack) sees
/// the item and the page it is on, never the audience; so when its context
/// in the non-public tree equals the one in the public tree, as it does for
/// every public item, the HTML is the same and is reused, not rendered
/// again. One cache per meeting, used by one thread.
final class FragmentCache {
  private var entries: [String: (context: [String: Any], html: String)] = [:]

  /// The HTML of `template` for `context`, from the cache when `key` was
  /// rendered before with an equal context.
  func render(_ template: String, key: String, context: [String: Any], with templates: TemplateSet) throws(TemplateSet.Problem) -> String {
    let fullKey = template + "\u{0}" + key
    if let entry = entries[fullKey], TemplateValue.equal(entry.context, context) { return entry.html }
    let html = try templates.render(context, template: template)
    entries[fullKey] = (context, html)
    return html
  }
}

/// Equality of template contexts: the strings, numbers, flags, lists and
/// dictionaries pages are built from.
enum TemplateValue {
  static func equal(_ a: Any, _ b: Any) -> Bool {
    switch (a, b) {
    case (let a as String, let b as String): return sameBytes(a, b)
    case (let a as Bool, let b as Bool): return a == b
    case (let a as Int, let b as Int): return a == b
    case (let a as [String: Any], let b as [String: Any]):
      guard a.count == b.count else { return false }
      for (key, value) in a {
        guard let other = b[key], equal(value, other) else { return false }
      }
      return true
    case (let a as [[String: Any]], let b as [[String: Any]]):
      return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    case (let a as [String], let b as [String]): return a.count == b.count && zip(a, b).allSatisfy { sameBytes($0, $1) }
    case (let a as [Any], let b as [Any]):
      return a.count == b.count && zip(a, b).allSatisfy { equal($0, $1) }
    default:
      return false  // unknown kinds are never taken as equal: render again
    }
  }

  /// Byte equality: what a template prints. (`==` would also equate
  /// canonically equivalent strings, which print differently, and costs
  /// a normalisation on text with typographic quotes.)
  static func sameBytes(_ a: String, _ b: String) -> Bool {
    var a = a
    var b = b
    return a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
  }
}
