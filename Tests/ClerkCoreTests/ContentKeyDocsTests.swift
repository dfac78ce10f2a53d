import ClerkCore
import Foundation
import TestSupport
import Testing

/// `docs/content-format.md`'s key tables are generated from the one
/// declaration the loader and the audit read (`ContentKeys`): each sits
/// between `<!-- keys: item -->` and `<!-- end keys -->`, and must be what
/// the declaration gives. `RECORD_GOLDENS=1 swift test --filter
/// ContentKeyDocsTests` rewrites them after a key is added or changed.
@Suite struct ContentKeyDocsTests {
  static let docs = repositoryRoot.appendingPathComponent("docs/content-format.md")
  static let lists: [(name: String, keys: [ContentKey])] = [
    ("site", ContentKeys.site), ("committee", ContentKeys.committee), ("meeting", ContentKeys.meeting),
    ("item", ContentKeys.item),
  ]

  @Test func theDocsTablesAreTheDeclarations() throws {
    let written = try String(contentsOf: Self.docs, encoding: .utf8)
    var generated = written
    for (name, keys) in Self.lists {
      let start = "<!-- keys: \(name) -->\n"
      let end = "<!-- end keys -->"
      guard let open = generated.range(of: start),
        let close = generated.range(of: end, range: open.upperBound..<generated.endIndex)
      else {
        Issue.record("docs/content-format.md has no '\(start.dropLast())' … '\(end)' table")
        continue
      }
      #expect(generated.ranges(of: start).count == 1, "'\(start.dropLast())' appears more than once")
      generated.replaceSubrange(open.upperBound..<close.lowerBound, with: Self.table(keys, isItem: name == "item"))
    }
    if let problem = Golden.compare(generated, to: Self.docs) { Issue.record("\(problem)") }
  }

  /// Every declared key has a one-line doc and a name the loader can match.
  @Test func everyKeyIsDocumented() {
    for (name, keys) in Self.lists {
      #expect(Set(keys.map(\.name)).count == keys.count, "\(name): a key is declared twice")
      for key in keys {
        #expect(!key.doc.isEmpty, "\(name) key '\(key.name)' has no doc")
        #expect(
          !key.doc.contains("\n") && !key.doc.contains("|"),
          "\(name) key '\(key.name)': doc must be one line without '|'")
        #expect(key.name.wholeMatch(of: /[a-z]+(-[a-z]+)*/) != nil, "\(name) key '\(key.name)'")
        if name != "item" { #expect(!key.isPublicOnExemptItem && key.sample == nil, "\(name) key '\(key.name)'") }
      }
    }
  }

  static func table(_ keys: [ContentKey], isItem: Bool) -> String {
    var lines =
      isItem
      ? ["| key | type | required | public on an exempt item | meaning |", "|---|---|---|---|---|"]
      : ["| key | type | required | meaning |", "|---|---|---|---|"]
    for key in keys {
      var cells = ["`\(key.name)`", describe(key.type), key.required ? "yes" : ""]
      if isItem { cells.append(key.isPublicOnExemptItem ? "yes" : "") }
      cells.append(key.doc)
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  static func describe(_ type: ContentKey.ValueType, plural: Bool = false) -> String {
    let s = plural ? "s" : ""
    switch type {
    case .text: return "text"
    case .markdown: return "markdown"
    case .date: return "date\(s)"
    case .time: return "time\(s)"
    case .integer: return "number\(s)"
    case .choice(let words): return words.map { "`\($0)`" }.joined(separator: " / ")
    case .itemSlug: return "item slug\(s)"
    case .meeting: return "`YYYY-MM-DD` or `committee/YYYY-MM-DD`"
    case .path: return "path\(s)"
    case .list(let element): return "list of " + describe(element, plural: true)
    case .mapping(let keys): return "{" + keys.joined(separator: ", ") + "}"
    case .table(let key, let value): return describe(key) + " → " + describe(value)
    case .either(let a, let b): return describe(a, plural: plural) + " or " + describe(b, plural: plural)
    }
  }
}
