import Foundation
import TestSupport
import Testing

/// `clerk audit` finds planted leaks — in HTML, in a PDF, in a file name —
/// and passes a clean build; `clerk build` audits itself before publishing.
@Suite struct AuditTests {
  static let content = "Tests/Fixtures/site-small/Content"
  /// Eight words of the exempt item's body (line 20 of its file).
  static let exemptSentence = "the child known as Child A moved placement three times this year"
  /// The sentence in a calendar line, its commas escaped and the line
  /// folded inside "placement", which every run of eight of its words holds.
  static let foldedSentence =
    #"DESCRIPTION:Note\, the child known as Child A moved pla"# + "\r\n " + #"cement three\, times this year"#

  func cleanBuild() throws -> URL {
    let folder = temporaryFolder()
    let output = try ClerkProcess.run(["build", Self.content, "--out", folder.appendingPathComponent("b").path, "--quiet", "--no-pdf"])
    #expect(output.status == 0, "\(output.stderr)")
    return folder.appendingPathComponent("b")
  }

  func audit(_ build: URL) throws -> ClerkProcess.Output {
    try ClerkProcess.run(["audit", build.path, "--content", Self.content])
  }

  @Test func cleanBuildPasses() throws {
    let build = try cleanBuild()
    defer { try? FileManager.default.removeItem(at: build.deletingLastPathComponent()) }
    let output = try audit(build)
    #expect(output.status == 0, "\(output.stdout)\(output.stderr)")
    #expect(output.stdout.isEmpty)
  }

  @Test func findsEightWordsInHTMLEvenWithEntitiesAndCase() throws {
    let build = try cleanBuild()
    defer { try? FileManager.default.removeItem(at: build.deletingLastPathComponent()) }
    let page = build.appendingPathComponent("public/index.html")
    var html = try String(contentsOf: page, encoding: .utf8)
    html = html.replacingOccurrences(
      of: "</main>", with: "<p>THE CHILD known&#32;as <em>Child</em>&nbsp;A moved placement three</p></main>")
    try Data(html.utf8).write(to: page)
    let output = try audit(build)
    #expect(output.status == 1)
    #expect(output.stdout.contains("public/index.html: leaks scrutiny/2026-03-10/05-named-case.md:20"), "\(output.stdout)")
  }

  /// A calendar line folded inside a word, with its commas escaped, still
  /// reads as the sentence it is: the audit unfolds and unescapes first.
  @Test func findsEightWordsInACalendarAcrossAFold() throws {
    let build = try cleanBuild()
    defer { try? FileManager.default.removeItem(at: build.deletingLastPathComponent()) }
    let calendar = build.appendingPathComponent("public/scrutiny/calendar.ics")
    let text = try String(contentsOf: calendar, encoding: .utf8)
      .replacingOccurrences(of: "END:VCALENDAR\r\n", with: "BEGIN:VEVENT\r\n\(Self.foldedSentence)\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n")
    try Data(text.utf8).write(to: calendar)
    let output = try audit(build)
    #expect(output.status == 1)
    #expect(output.stdout.contains("public/scrutiny/calendar.ics: leaks scrutiny/2026-03-10/05-named-case.md:20"), "\(output.stdout)")
  }

  @Test func findsALeakInsideAPDF() throws {
    let build = try cleanBuild()
    defer { try? FileManager.default.removeItem(at: build.deletingLastPathComponent()) }
    try MinimalPDF.write(text: Self.exemptSentence, to: build.appendingPathComponent("public/scrutiny/2026-03-10/extra.pdf"))
    let output = try audit(build)
    #expect(output.status == 1)
    #expect(output.stdout.contains("public/scrutiny/2026-03-10/extra.pdf: leaks scrutiny/2026-03-10/05-named-case.md:20"), "\(output.stdout)")
  }

  @Test func findsANonPublicFileName() throws {
    let build = try cleanBuild()
    defer { try? FileManager.default.removeItem(at: build.deletingLastPathComponent()) }
    let copy = build.appendingPathComponent("public/scrutiny/2026-03-10/CANARY-FILE-NAME.csv")
    try Data("harmless\n".utf8).write(to: copy)
    let output = try audit(build)
    #expect(output.status == 1)
    #expect(output.stdout.contains("public/scrutiny/2026-03-10/CANARY-FILE-NAME.csv: leaks scrutiny/2026-03-10/05-named-case/CANARY-FILE-NAME.csv:1"), "\(output.stdout)")
  }

  @Test func findsANonPublicEmailAddress() throws {
    let build = try cleanBuild()
    defer { try? FileManager.default.removeItem(at: build.deletingLastPathComponent()) }
    let page = build.appendingPathComponent("public/scrutiny/index.html")
    try Data("<p>Write to canary-author@example.org.uk</p>".utf8).write(to: page)
    let output = try audit(build)
    #expect(output.status == 1)
    #expect(output.stdout.contains("public/scrutiny/index.html: leaks scrutiny/2026-03-10/05-named-case.md:"), "\(output.stdout)")
  }

  /// With no `--content`, the audit reads the content the build recorded,
  /// whatever folder it is run from.
  @Test func auditsTheRecordedContentFromAnyFolder() throws {
    let build = try cleanBuild()
    defer { try? FileManager.default.removeItem(at: build.deletingLastPathComponent()) }
    let page = build.appendingPathComponent("public/index.html")
    let html = try String(contentsOf: page, encoding: .utf8)
    try Data(html.replacingOccurrences(of: "</main>", with: "<p>\(Self.exemptSentence)</p></main>").utf8).write(to: page)
    let elsewhere = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: elsewhere) }
    let output = try ClerkProcess.run(["audit", build.path], in: elsewhere)
    #expect(output.status == 1, "\(output.stderr)")
    #expect(output.stdout.contains("public/index.html: leaks scrutiny/2026-03-10/05-named-case.md:20"), "\(output.stdout)")
    #expect(!output.stderr.contains("0 leaks"))
  }

  /// Content that is not the build's own is refused, with the reason.
  @Test func refusesContentTheBuildDidNotComeFrom() throws {
    let build = try cleanBuild()
    defer { try? FileManager.default.removeItem(at: build.deletingLastPathComponent()) }
    let output = try ClerkProcess.run(["audit", build.path, "--content", "Tests/Fixtures/real-pack/Content"])
    #expect(output.status == 2)
    #expect(output.stderr.contains("is not the content"), "\(output.stderr)")
    #expect(output.stderr.contains("non-public text differs"), "\(output.stderr)")
    #expect(!output.stderr.contains("0 leaks"))
  }

  /// The same content, edited after the build, is other content too.
  @Test func refusesContentEditedSinceTheBuild() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let content = folder.appendingPathComponent("Content")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent(Self.content), to: content)
    let out = folder.appendingPathComponent("b")
    let built = try ClerkProcess.run(["build", content.path, "--out", out.path, "--quiet", "--no-pdf"])
    #expect(built.status == 0, "\(built.stderr)")
    let item = content.appendingPathComponent("scrutiny/2026-03-10/05-named-case.md")
    let text = try String(contentsOf: item, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "moved placement", with: "changed placement").utf8).write(to: item)
    let output = try ClerkProcess.run(["audit", out.path])
    #expect(output.status == 2)
    #expect(output.stderr.contains("is not the content"), "\(output.stderr)")
  }

  @Test func refusesABuildWithoutItsRecord() throws {
    let build = try cleanBuild()
    defer { try? FileManager.default.removeItem(at: build.deletingLastPathComponent()) }
    try FileManager.default.removeItem(at: build.appendingPathComponent("clerk-build.json"))
    let output = try ClerkProcess.run(["audit", build.path, "--content", Self.content])
    #expect(output.status == 2)
    #expect(output.stderr.contains("clerk-build.json' is missing"), "\(output.stderr)")
  }

  /// Without `pdftotext`, a PDF under public/ cannot be read: the audit
  /// fails (exit 2) and names what is missing; it never says "0 leaks".
  @Test func failsClosedWithoutPdftotext() throws {
    let build = try cleanBuild()
    defer { try? FileManager.default.removeItem(at: build.deletingLastPathComponent()) }
    try MinimalPDF.write(text: "harmless words only", to: build.appendingPathComponent("public/scrutiny/2026-03-10/extra.pdf"))
    let output = try ClerkProcess.run(
      ["audit", build.path], environment: ["CLERK_PDFTOTEXT": "/nonexistent/pdftotext"])
    #expect(output.status == 2, "\(output.stderr)")
    // The exempt item's own PDF cannot be indexed either: named first.
    #expect(output.stderr.contains("cannot audit scrutiny/2026-03-10/05-named-case/CANARY-PDF-NAME.pdf: pdftotext is not installed"), "\(output.stderr)")
    #expect(!output.stderr.contains("0 leaks"))
  }

  /// The build reads its PDF appendices' text; without `pdftotext` it
  /// fails and publishes nothing.
  @Test func buildFailsClosedWithoutPdftotext() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("b")
    let output = try ClerkProcess.run(
      ["build", "Content", "--out", out.path, "--quiet", "--no-pdf"], environment: ["CLERK_PDFTOTEXT": "/nonexistent/pdftotext"])
    #expect(output.status == 1)
    #expect(output.stderr.contains("audits-completed-apr-oct-2025.pdf: pdftotext is not installed"), "\(output.stderr)")
    #expect(output.stderr.contains("the audit could not read"), "\(output.stderr)")
    #expect(!FileManager.default.fileExists(atPath: out.path))
  }

  /// Builds the fixture with a copy of the templates holding one more
  /// file (copied to `public/assets/` as it is): the build must refuse it
  /// as a leak of the exempt sentence, and publish nothing.
  func expectBuildRefuses(asset name: String, _ text: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let templates = folder.appendingPathComponent("templates")
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: templates)
    try Data(text.utf8).write(to: templates.appendingPathComponent("css/" + name))
    let out = folder.appendingPathComponent("b")
    let output = try ClerkProcess.run([
      "build", Self.content, "--out", out.path, "--templates", templates.path, "--quiet", "--no-pdf",
    ])
    #expect(output.status == 1, sourceLocation: sourceLocation)
    #expect(
      output.stderr.contains("error: public/assets/\(name): leaks scrutiny/2026-03-10/05-named-case.md:20"), "\(output.stderr)",
      sourceLocation: sourceLocation)
    #expect(!FileManager.default.fileExists(atPath: out.path), sourceLocation: sourceLocation)
  }

  /// A template that smuggles exempt text into public/ is caught by the
  /// build's own audit, and nothing is published.
  @Test func buildRefusesToPublishALeak() throws {
    try expectBuildRefuses(asset: "notes.css", "/* \(Self.exemptSentence) */\n")
  }

  /// The same for a calendar folded inside a word: the build's own audit
  /// reads it unfolded too.
  @Test func buildRefusesACalendarLeakSplitByAFold() throws {
    try expectBuildRefuses(asset: "notes.ics", "BEGIN:VCALENDAR\r\n" + Self.foldedSentence + "\r\nEND:VCALENDAR\r\n")
  }
}

/// Writes a one-page PDF with a line of text, for audit tests.
enum MinimalPDF {
  static func write(text: String, to url: URL) throws {
    let stream = "BT /F1 12 Tf 40 700 Td (\(text)) Tj ET"
    let objects = [
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
      "<< /Length \(stream.utf8.count) >>\nstream\n\(stream)\nendstream",
      "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    var pdf = "%PDF-1.4\n"
    var offsets: [Int] = []
    for (index, object) in objects.enumerated() {
      offsets.append(pdf.utf8.count)
      pdf += "\(index + 1) 0 obj\n\(object)\nendobj\n"
    }
    let xref = pdf.utf8.count
    pdf += "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
    for offset in offsets { pdf += String(format: "%010d 00000 n \n", offset) }
    pdf += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
    try Data(pdf.utf8).write(to: url)
  }
}
