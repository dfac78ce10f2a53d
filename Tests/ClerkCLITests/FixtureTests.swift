import Foundation
import TestSupport
import Testing

/// Runs the built `clerk` on every `Tests/Fixtures/<case>/Content` and
/// compares stdout, stderr and the exit status with `<case>/expected/`.
@Suite struct FixtureTests {
  static let fixtures = repositoryRoot.appendingPathComponent("Tests/Fixtures")

  static var cases: [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []).filter {
      FileManager.default.fileExists(atPath: fixtures.appendingPathComponent("\($0)/Content").path)
    }.sorted()
  }

  @Test(arguments: cases)
  func check(fixture: String) throws {
    let folder = Self.fixtures.appendingPathComponent(fixture)
    let output = try ClerkProcess.run(["check", "Tests/Fixtures/\(fixture)/Content", "--today", "2020-02-01"])
    let expected = folder.appendingPathComponent("expected")
    for (name, text) in [
      ("check.stdout", output.stdout), ("check.stderr", output.stderr), ("check.status", "\(output.status)\n"),
    ] {
      if let problem = Golden.compare(text, to: expected.appendingPathComponent(name)) {
        Issue.record("\(fixture): \(problem)")
      }
    }
  }
}
