import Testing

@testable import ClerkCore

/// The loader takes its allowed and required keys, and its "did you mean",
/// from `ContentKeys`: a declared key is accepted, a misspelt one suggests
/// it, and a missing required one is named.
@Suite struct ContentKeyLoadingTests {
  static let lists: [(what: String, keys: [ContentKey])] = [
    ("site.yml", ContentKeys.site), ("committee.yml", ContentKeys.committee), ("meeting.yml", ContentKeys.meeting),
    ("item front matter", ContentKeys.item), ("an appendix", ContentKeys.appendix), ("a member", ContentKeys.member),
    ("clerk", ContentKeys.contact), ("signatory", ContentKeys.signatory), ("accessibility", ContentKeys.accessibility),
  ]

  @Test(arguments: lists.indices) func keysComeFromTheDeclaration(_ index: Int) {
    let (what, keys) = Self.lists[index]
    var reader = YAMLReader(path: "file.yml")
    let yaml = keys.map { "\($0.name): x" } + keys.map { "\($0.name.dropLast()): x" }
    guard let root = reader.compose(yaml.joined(separator: "\n")) else {
      Issue.record("\(reader.diagnostics.all)")
      return
    }
    let fields = reader.fields(of: root, what: what, keys: keys)
    #expect(Set(fields?.values.keys.map { $0 } ?? []) == Set(keys.map(\.name)))
    let messages = reader.diagnostics.all.map(\.message)
    #expect(messages == keys.map { "unknown key '\($0.name.dropLast())' in \(what); did you mean '\($0.name)'?" })

    var empty = YAMLReader(path: "file.yml")
    guard let mapping = empty.compose("unrelated: x") else { return }
    _ = empty.fields(of: mapping, what: what, keys: keys)
    #expect(
      empty.diagnostics.all.map(\.message).dropFirst()
        == keys.filter(\.required).map { "missing required key '\($0.name)' in \(what)" }[...])
  }
}
