import Foundation
import TestSupport
import Testing

@testable import ClerkRender

/// The compiled templates (the fast path) print exactly what the Mustache
/// engine prints, and leave to the engine what they do not handle.
@Suite struct CompiledTemplateTests {
  /// Templates with the engine's corners: standalone tags with and without
  /// indent, CRLF line ends, comments, inheritance, lists, `{{.}}`, dotted names.
  static let probes: [String: String] = [
    "site/partials/probe-sections": """
      <ul>
        {{#items}}
        <li>{{title}} {{n}} {{flag}}{{#flag}} yes{{/flag}}{{^flag}} no{{/flag}}</li>
          {{#tags}}<b>{{.}}</b>{{/tags}}
        {{/items}}
        {{^items}}
        none
        {{/items}}
      </ul>\r
      {{! a comment }}
        {{! an indented comment }}
      {{#page}}{{title}}: {{page.title}} {{missing}} {{&raw}} {{{raw}}}{{/page}}
      {{^empty}}[empty list]{{/empty}}{{#empty}}never{{/empty}}
      {{#name}}name is {{.}}{{/name}} { a brace {x}
      {{#nested.inner}}{{value}}{{/nested.inner}} {{nested.inner.value}}
      {{#items}}{{#page}}{{title}}{{/page}}{{/items}}
      """,
    "site/partials/probe-child": """
      {{<probe-layout}}
      text the engine ignores
        {{$main}}
          indented {{title}}
            more
        {{/main}}
      {{/probe-layout}}
      """,
    "probe-layout": """
      <main>
      {{$main}}default {{title}}{{/main}}
      {{$other}}other default{{/other}}
      </main>
      {{> site/partials/probe-partial}}
      x {{> site/partials/probe-partial}} y
      """,
    "site/partials/probe-partial": "<p>{{title}} & {{raw}}</p>\n",
    "site/partials/probe.ics": "SUMMARY:{{title}}\n{{#items}}ITEM:{{title}}\n{{/items}}",
    "site/partials/probe.xml": "<t>{{title}}{{raw}}</t>\n",
  ]

  static var contexts: [[String: Any]] { [
    [
      "title": "Budget <2026> & \"more\" 'quoted'", "raw": "<b>bold</b>\u{1}",
      "items": [
        ["title": "One; two, three", "n": 1, "flag": true, "tags": ["a", "b<"]],
        ["title": "Two", "n": 22, "flag": false, "tags": [String]()],
      ],
      "page": ["title": "Page"], "empty": [[String: Any]](), "name": "Café",
      "nested": ["inner": ["value": "deep"]],
    ],
    ["title": "", "items": [[String: Any]](), "page": [String: Any](), "empty": ["x"], "name": ""],
    [:],
  ] }

  func probeSet() throws -> TemplateSet {
    let folder = try copyOfDefaultTemplates()
    for (name, text) in Self.probes {
      try Data(text.utf8).write(to: folder.appendingPathComponent(name + ".mustache"))
    }
    return try TemplateSet(directory: folder.path)
  }

  @Test func compiledOutputIsTheEnginesOutput() throws {
    let set = try probeSet()
    defer { try? FileManager.default.removeItem(atPath: set.directory) }
    #expect(set.compiled != nil)
    for name in Self.probes.keys.sorted() {
      for (number, context) in Self.contexts.enumerated() {
        let compiled = set.renderCompiled(context, template: name)
        #expect(compiled != nil, "\(name), context \(number)")
        #expect(compiled == set.renderWithEngine(context, template: name), "\(name), context \(number)")
      }
    }
  }

  @Test func defaultTemplatesCompileAndMatchTheEngine() throws {
    let set = try TemplateSet(directory: repositoryRoot.appendingPathComponent("Templates").path)
    #expect(set.compiled != nil)
    let page: [String: Any] = [
      "title": "A & B", "organisation": "Council", "root": "../", "homeHref": "../index.html",
      "breadcrumbs": [["title": "Home", "href": "../index.html"]], "hasBreadcrumbs": true, "nonPublic": true,
      "audienceLabel": "Non-public", "currentPage": "Item 1", "itemContent": "<p>body</p>",
      "item": [
        "number": "1", "title": "Budget", "hasContent": true, "hasBody": true, "body": "<p>x</p>",
        "authors": [["name": "A", "email": "a@example.org"]], "hasAuthors": true, "crossReferences": [[String: Any]](),
        "appendices": [["label": "A", "title": "T", "isMarkdown": true, "html": "<p>a</p>"]], "hasAppendices": true,
      ],
    ]
    for name in set.names.sorted() {
      #expect(set.renderCompiled(page, template: name) == set.renderWithEngine(page, template: name), "\(name)")
    }
  }

  @Test func leavesOtherValuesAndFeaturesToTheEngine() throws {
    let set = try probeSet()
    defer { try? FileManager.default.removeItem(atPath: set.directory) }
    let optional: String? = "maybe"
    #expect(set.renderCompiled(["title": optional as Any], template: "site/partials/probe-partial") == nil)
    #expect(set.renderCompiled(["title": 1.5], template: "site/partials/probe-partial") == nil)
    // The page still renders, through the engine.
    #expect(try set.render(["title": 1.5], template: "site/partials/probe-partial") == "<p>1.5 & </p>\n")
    #expect(CompiledTemplate("{{count(items)}}") == nil)
    #expect(CompiledTemplate("{{=<% %>=}}") == nil)
    #expect(CompiledTemplate("  {{> indented}}\n") == nil)
    #expect(CompiledTemplate("{{> inline}} text\n") != nil)
  }
}
