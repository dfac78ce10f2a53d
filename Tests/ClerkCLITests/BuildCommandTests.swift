import Foundation
import TestSupport
import Testing

@Suite struct BuildCommandTests {
  static let fixture = "Tests/Fixtures/site-small/Content"

  func build(_ content: String = fixture, out: URL, extra: [String] = []) throws -> ClerkProcess.Output {
    try ClerkProcess.run(["build", content, "--out", out.path, "--today", "2026-03-01", "--quiet", "--no-pdf", "--no-search"] + extra)
  }

  /// The fixture built into a temporary folder and read back (the folder is removed).
  func builtFixture(sourceLocation: SourceLocation = #_sourceLocation) throws -> TreeSnapshot {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let output = try build(out: out)
    #expect(output.status == 0, "\(output.stderr)", sourceLocation: sourceLocation)
    return TreeSnapshot(out)
  }

  @Test func pagesMatchTheReviewedGoldens() throws {
    let built = try builtFixture()
    let expectedRoot = repositoryRoot.appendingPathComponent("Tests/Fixtures/site-small/expected/site")
    // The list of every file built (stylesheets and copied appendices
    // included); the HTML pages themselves are compared byte for byte.
    let listing = built.paths.filter { $0 != ".clerk-manifest" }.joined(separator: "\n") + "\n"
    if let problem = Golden.compare(listing, to: expectedRoot.appendingPathComponent("FILES")) {
      Issue.record("file list: \(problem)")
    }
    for path in built.paths where path.hasSuffix(".html") {
      let text = String(decoding: built.files[path] ?? Data(), as: UTF8.self)
      if let problem = Golden.compare(text, to: expectedRoot.appendingPathComponent(path)) {
        Issue.record("\(path): \(problem)")
      }
    }
  }

  /// A public item reads the same in both trees: its page content is
  /// rendered once and only the layout (the audience banner) differs.
  @Test func publicItemsReadTheSameInBothTrees() throws {
    let built = try builtFixture()
    func main(_ path: String) -> String? {
      let text = String(decoding: built.files[path] ?? Data(), as: UTF8.self)
      guard let start = text.range(of: "<main"), let end = text.range(of: "</main>") else { return nil }
      return String(text[start.lowerBound..<end.upperBound])
    }
    var compared = 0
    for path in built.paths where path.hasPrefix("public/") && path.contains("/item-") {
      let publicMain = try #require(main(path))
      guard !publicMain.contains("This item is not for publication") else { continue }
      let twin = "non-public/" + path.dropFirst("public/".count)
      #expect(main(twin) == publicMain, "\(path)")
      #expect(built.files[path] != built.files[twin], "\(path): the layout should still mark the tree")
      compared += 1
    }
    #expect(compared >= 5)
  }

  /// Every CANARY marker planted in exempt content reaches non-public/ and
  /// nothing under public/, in file contents or file names.
  @Test func exemptCanariesNeverReachPublic() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let output = try build(out: out)
    #expect(output.status == 0, "\(output.stderr)")
    let content = TreeSnapshot(repositoryRoot.appendingPathComponent(Self.fixture))
    var markers = Set<String>()
    for (path, data) in content.files {
      for text in [path, String(decoding: data, as: UTF8.self)] {
        var rest = text[...]
        while let range = rest.range(of: "CANARY-") {
          let marker = rest[range.lowerBound...].prefix { $0.isLetter || $0.isNumber || $0 == "-" }
          markers.insert(String(marker))
          rest = rest[range.upperBound...]
        }
      }
    }
    #expect(markers.count >= 20, "the fixture should plant canaries everywhere: \(markers.sorted())")
    let publicTree = TreeSnapshot(out.appendingPathComponent("public"))
    let nonPublicTree = TreeSnapshot(out.appendingPathComponent("non-public"))
    #expect(!publicTree.paths.isEmpty)
    for marker in markers.sorted() {
      #expect(publicTree.mentions(marker) == [], "\(marker) leaked into public/")
      if marker != "CANARY-STRAY" {
        #expect(!nonPublicTree.mentions(marker).isEmpty, "\(marker) is missing from non-public/")
      }
    }
    #expect(nonPublicTree.mentions("CANARY-STRAY") == [], "an unlisted file was published")
    // The exempt item still appears in the public agenda, by its public fields.
    let meeting = String(decoding: publicTree.files["scrutiny/2026-03-10/index.html"] ?? Data(), as: UTF8.self)
    #expect(meeting.contains("Performance Report – Non-Public Appendix"))
    let placeholder = String(decoding: publicTree.files["scrutiny/2026-03-10/item-5.html"] ?? Data(), as: UTF8.self)
    #expect(placeholder.contains("By virtue of paragraph(s) 1, 2 of Part 1 of Schedule 12A of the Local Government Act 1972."))
    #expect(placeholder.contains("Publishing the case studies would identify children and families."))
  }

  @Test func sameInputBuildsByteIdenticalOutput() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let first = folder.appendingPathComponent("one")
    let second = folder.appendingPathComponent("two")
    #expect(try build(out: first).status == 0)
    #expect(try build(out: second).status == 0)
    let a = TreeSnapshot(first)
    let b = TreeSnapshot(second)
    #expect(a.paths == b.paths)
    #expect(a == b)
  }

  @Test func failedBuildLeavesThePreviousOutputUntouched() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    #expect(try build(out: out).status == 0)
    let before = TreeSnapshot(out)
    let broken = try build("Tests/Fixtures/broken/Content", out: out)
    #expect(broken.status == 1)
    #expect(broken.stderr.contains("previous output"))
    #expect(TreeSnapshot(out) == before)
    // Beside the output: only the times of its files, for the next incremental build.
    let siblings = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
    #expect(siblings == [".build.clerk-times", "build"], "temporary folders were left behind: \(siblings)")
  }

  @Test func rebuildReplacesOnlyWhatClerkCreated() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    #expect(try build(out: out).status == 0)
    #expect(try build(out: out).status == 0)
    #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("public/index.html").path))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [".build.clerk-times", "build"])
  }

  @Test(arguments: [
    ("/", "refusing to write the build to '/'"),
    ("Tests/Fixtures/site-small/Content/out", "is inside the content folder"),
    ("Tests/Fixtures/site-small/Content", "is inside the content folder"),
    ("Tests/Fixtures/site-small", "contains the content folder"),
  ])
  func refusesDangerousOutputFolders(out: String, message: String) throws {
    let output = try ClerkProcess.run(["build", Self.fixture, "--out", out, "--quiet"])
    #expect(output.status == 2)
    #expect(output.stderr.contains(message), "\(output.stderr)")
  }

  @Test func refusesAFolderOfUnrelatedFiles() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("keep me".utf8).write(to: folder.appendingPathComponent("thesis.txt"))
    let output = try build(out: folder)
    #expect(output.status == 2)
    #expect(output.stderr.contains("holds files Clerk did not create"))
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["thesis.txt"])
  }

  @Test func draftMeetingsAreAbsentFromPublic() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    #expect(try build("Content", out: out, extra: ["--today", "2026-11-25"]).status == 0)
    let publicTree = TreeSnapshot(out.appendingPathComponent("public"))
    #expect(publicTree.paths.filter { $0.contains("2027-01-12") } == [])
    #expect(publicTree.mentions("2027-01-12") == [])
    #expect(!TreeSnapshot(out.appendingPathComponent("non-public")).mentions("2027-01-12").isEmpty)
  }
}

@Suite struct RealPackBuildTests {
  @Test func realPackRendersNumberedAndNothingExemptIsPublic() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let output = try ClerkProcess.run([
      "build", "Tests/Fixtures/real-pack/Content", "--out", out.path, "--today", "2020-02-01", "--quiet", "--no-pdf",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    let publicTree = TreeSnapshot(out.appendingPathComponent("public"))
    let nonPublicTree = TreeSnapshot(out.appendingPathComponent("non-public"))
    #expect(publicTree.mentions("CANARYEXEMPT") == [])
    #expect(!nonPublicTree.mentions("CANARYEXEMPT").isEmpty)
    let meeting = String(decoding: publicTree.files["safeguarding/2020-02-10/index.html"] ?? Data(), as: UTF8.self)
    for number in 1...21 {
      #expect(meeting.contains("<span class=\"agenda-item__number\">\(number).</span>"), "agenda item \(number) is missing")
    }
    #expect(meeting.contains("Exclusion of the Public"))
    #expect(meeting.contains("To be read in conjunction with the non-public appendix at <a href=\"item-18.html\">Agenda Item 18</a>."))
    #expect(meeting.contains("Committee Rooms, Guildhall"))
    #expect(meeting.contains("(Chairman)"))
    let placeholder = String(decoding: publicTree.files["safeguarding/2020-02-10/item-17.html"] ?? Data(), as: UTF8.self)
    #expect(placeholder.contains("By virtue of paragraph(s) 3 of Part 1 of Schedule 12A of the Local Government Act 1972."))
    for number in 16...21 {
      #expect(publicTree.files["safeguarding/2020-02-10/item-\(number).html"] != nil)
    }
  }
}
