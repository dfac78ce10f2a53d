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
}
