import Foundation
import TestSupport
import Testing

@testable import ClerkRender

/// Fragments are rendered once per meeting for both trees, and only when
/// their contexts are equal.
@Suite struct FragmentCacheTests {
  func templates() throws -> TemplateSet {
    let folder = try copyOfDefaultTemplates()
    try Data("<p>{{title}} {{count}}</p>".utf8).write(to: folder.appendingPathComponent("site/partials/probe.mustache"))
    return try TemplateSet(directory: folder.path)
  }

  @Test func equalContextsShareOneRendering() throws {
    let set = try templates()
    defer { try? FileManager.default.removeItem(atPath: set.directory) }
    let cache = FragmentCache()
    let first = try cache.render("site/partials/probe", key: "a", context: ["title": "Budget", "count": 1], with: set)
    #expect(first == "<p>Budget 1</p>")
    // Same key, equal context: the cached HTML. A different context or key renders again.
    #expect(try cache.render("site/partials/probe", key: "a", context: ["title": "Budget", "count": 1], with: set) == first)
    #expect(try cache.render("site/partials/probe", key: "a", context: ["title": "Land", "count": 1], with: set) == "<p>Land 1</p>")
    #expect(try cache.render("site/partials/probe", key: "b", context: ["title": "Budget", "count": 2], with: set) == "<p>Budget 2</p>")
  }

  @Test func equalityLooksIntoListsAndDictionaries() {
    let a: [String: Any] = ["items": [["title": "One", "flag": true]], "names": ["x", "y"], "n": 3]
    let same: [String: Any] = ["items": [["title": "One", "flag": true]], "names": ["x", "y"], "n": 3]
    let deeper: [String: Any] = ["items": [["title": "One", "flag": false]], "names": ["x", "y"], "n": 3]
    let extraKey: [String: Any] = ["items": [["title": "One", "flag": true]], "names": ["x", "y"], "n": 3, "more": ""]
    #expect(TemplateValue.equal(a, same))
    #expect(!TemplateValue.equal(a, deeper))
    #expect(!TemplateValue.equal(a, extraKey))
    #expect(!TemplateValue.equal(["n": 1], ["n": "1"]))
    // Values of kinds it does not know are never taken as equal.
    #expect(!TemplateValue.equal(["d": 1.5], ["d": 1.5]))
  }
}

@Suite struct TemplateValueBytesTests {
  /// "é" precomposed and decomposed are equal as Swift strings but print
  /// differently, so a fragment must not be shared between them.
  @Test func canonicallyEquivalentStringsAreNotTheSameFragment() {
    let composed = "caf\u{E9}"
    let decomposed = "cafe\u{301}"
    #expect(composed == decomposed)
    #expect(!TemplateValue.equal(["t": composed], ["t": decomposed]))
    #expect(TemplateValue.equal(["t": composed], ["t": "caf\u{E9}"]))
  }
}
