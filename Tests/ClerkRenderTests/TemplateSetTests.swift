import Foundation
import TestSupport
import Testing

@testable import ClerkRender

@Suite struct TemplateSetTests {
  /// A copy of the default templates to break.
  func copyOfTemplates() throws -> URL { try copyOfDefaultTemplates() }

  @Test func defaultTemplatesLoad() throws {
    let set = try TemplateSet(directory: repositoryRoot.appendingPathComponent("Templates").path)
    #expect(set.assets == ["css/clerk.css", "css/pack.css"])
  }

  @Test func missingPartialIsAnErrorNamingTheFile() throws {
    let folder = try copyOfTemplates()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("site/partials/contact.mustache"))
    #expect {
      try TemplateSet(directory: folder.path)
    } throws: { error in
      let text = "\(error)"
      return text.contains("site/partials/contact.mustache does not exist") && text.contains(".mustache:")
    }
  }

  @Test func missingRequiredTemplateIsAnError() throws {
    let folder = try copyOfTemplates()
    defer { try? FileManager.default.removeItem(at: folder) }
    try FileManager.default.removeItem(at: folder.appendingPathComponent("site/item.mustache"))
    #expect {
      try TemplateSet(directory: folder.path)
    } throws: { error in
      "\(error)".contains("site/item.mustache:1:1: error: required template is missing")
    }
  }

  @Test func syntaxErrorsCarryTheirPosition() throws {
    let folder = try copyOfTemplates()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("<p>\n{{#open}}never closed\n".utf8).write(to: folder.appendingPathComponent("site/extra.mustache"))
    #expect {
      try TemplateSet(directory: folder.path)
    } throws: { error in
      "\(error)".contains("site/extra.mustache:") && "\(error)".contains("template syntax")
    }
  }

  @Test func restyledTemplatesAreUsedWithoutRecompiling() throws {
    let folder = try copyOfTemplates()
    defer { try? FileManager.default.removeItem(at: folder) }
    let css = folder.appendingPathComponent("css/clerk.css")
    try Data("body { color: #123456; }\n".utf8).write(to: css)
    let out = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: out) }
    let output = try ClerkProcess.run([
      "build", "Tests/Fixtures/site-small/Content", "--out", out.appendingPathComponent("b").path, "--templates",
      folder.path, "--quiet",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let built = try String(contentsOf: out.appendingPathComponent("b/public/assets/clerk.css"), encoding: .utf8)
    #expect(built.contains("#123456"))
  }

  /// Each template escapes by the format its name says, never by HTML's
  /// by accident; iCalendar output gets CRLF lines folded at 75 octets.
  @Test func templatesEscapeByTheirFormat() throws {
    let folder = try copyOfTemplates()
    defer { try? FileManager.default.removeItem(at: folder) }
    let formats = folder.appendingPathComponent("formats")
    try FileManager.default.createDirectory(at: formats, withIntermediateDirectories: true)
    try Data("<title>{{value}}</title>\n".utf8).write(to: formats.appendingPathComponent("feed.xml.mustache"))
    try Data("BEGIN:VEVENT\nSUMMARY:{{value}}\nDESCRIPTION:{{long}}\nEND:VEVENT\n".utf8)
      .write(to: formats.appendingPathComponent("calendar.ics.mustache"))
    try Data("Disallow: {{value}}\n".utf8).write(to: formats.appendingPathComponent("robots.txt.mustache"))
    try Data("<p>{{value}}</p>\n".utf8).write(to: formats.appendingPathComponent("page.mustache"))
    let set = try TemplateSet(directory: folder.path)
    let value = "Tom's \"A&B\" <c>; d, e\u{0B}"
    #expect(try set.render(["value": value], template: "formats/page") == "<p>Tom&#39;s &quot;A&amp;B&quot; &lt;c&gt;; d, e\u{0B}</p>\n")
    #expect(try set.render(["value": value], template: "formats/feed.xml") == "<title>Tom&#39;s &quot;A&amp;B&quot; &lt;c&gt;; d, e</title>\n")
    #expect(try set.render(["value": value], template: "formats/robots.txt") == "Disallow: \(value)\n")
    let long = String(repeating: "é", count: 40)
    let calendar = try set.render(["value": "A; B, C\\D\nE", "long": long], template: "formats/calendar.ics")
    let lines = calendar.components(separatedBy: "\r\n")
    #expect(lines.prefix(2) == ["BEGIN:VEVENT", "SUMMARY:A\\; B\\, C\\\\D\\nE"])
    #expect(calendar.hasSuffix("END:VEVENT\r\n") && !calendar.replacingOccurrences(of: "\r\n", with: "").contains("\n"))
    #expect(lines.allSatisfy { $0.utf8.count <= 75 })
    // Unfolded (RFC 5545: drop CRLF and the space after it), the value is whole.
    #expect(calendar.replacingOccurrences(of: "\r\n ", with: "").contains("DESCRIPTION:" + long + "\r\n"))
  }
}
