import Foundation
import TestSupport
import Testing

/// Every `meeting.json` and `index.json` a build writes, of a fixture and
/// of the example archive, in both trees, is valid against
/// `docs/schema/` by a real JSON Schema validator (`jsonschema` in
/// `.venv-test`), and the same byte for byte from one build to the next.
@Suite struct OpenDataSchemaTests {
  static let python = repositoryRoot.appendingPathComponent(".venv-test/bin/python")

  /// Validates every meeting.json and tree-root index.json under `root`;
  /// prints one line per error and then how many files it read.
  static let validator = """
    import json, pathlib, sys, jsonschema
    root, schemas = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    def load(name):
        schema = json.loads((schemas / name).read_text())
        jsonschema.Draft202012Validator.check_schema(schema)
        return jsonschema.Draft202012Validator(schema)
    meeting, index = load("meeting.schema.json"), load("index.schema.json")
    count = 0
    for path in sorted(root.rglob("*.json")):
        parts = path.relative_to(root).parts
        validator = meeting if path.name == "meeting.json" else index if parts[1:] == ("index.json",) else None
        if validator is None:
            continue
        count += 1
        for error in validator.iter_errors(json.loads(path.read_text())):
            print(f"{'/'.join(parts)}: {error.json_path}: {error.message}")
    print(f"validated {count}")
    """

  /// The validator's output for the build in `out`, or nil (and an issue)
  /// when the venv is missing: that is a failure, never a pass.
  func validate(_ out: URL) throws -> String? {
    guard FileManager.default.isExecutableFile(atPath: Self.python.path) else {
      Issue.record("the JSON Schema validator is not installed in .venv-test: run `make test-setup`")
      return nil
    }
    return try toolOutput(Self.python.path, ["-c", Self.validator, out.path, repositoryRoot.appendingPathComponent("docs/schema").path])
  }

  @Test(arguments: ["Tests/Fixtures/site-small/Content", "Content"])
  func everyJSONFileIsValid(content: String) throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("b")
    let built = try ClerkProcess.run(["build", content, "--out", out.path, "--today", "2026-03-01", "--quiet", "--no-pdf"])
    #expect(built.status == 0, "\(built.stderr)")
    guard let report = try validate(out) else { return }
    let meetings = try FileManager.default.subpathsOfDirectory(atPath: out.path).filter { $0.hasSuffix("/meeting.json") }
    #expect(meetings.count >= 4)
    // Every meeting.json, and one index.json per tree.
    #expect(report == "validated \(meetings.count + 2)\n", "\(report)")
  }

  @Test func theSchemasRejectAnExemptEntryWithMoreKeys() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("b")
    let built = try ClerkProcess.run(["build", "Tests/Fixtures/site-small/Content", "--out", out.path, "--quiet", "--no-pdf"])
    #expect(built.status == 0, "\(built.stderr)")
    // Give one withheld public entry a summary: the schema must say no.
    let file = try #require(
      try FileManager.default.subpathsOfDirectory(atPath: out.appendingPathComponent("public").path).first { path in
        path.hasSuffix("meeting.json")
          && (try? String(contentsOf: out.appendingPathComponent("public/" + path), encoding: .utf8))?.contains("\"public\" : false") == true
      })
    let url = out.appendingPathComponent("public/" + file)
    let text = try String(contentsOf: url, encoding: .utf8)
    try Data(text.replacingOccurrences(of: "\"public\" : false", with: "\"public\" : false, \"summary\" : \"x\"").utf8).write(to: url)
    guard let report = try validate(out) else { return }
    #expect(report.contains("public/\(file): $.agenda"), "\(report)")
  }

  @Test func twoBuildsWriteTheSameBytes() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    var trees: [TreeSnapshot] = []
    for name in ["one", "two"] {
      let out = folder.appendingPathComponent(name)
      let built = try ClerkProcess.run(["build", "Content", "--out", out.path, "--today", "2026-03-01", "--quiet", "--no-pdf"])
      #expect(built.status == 0, "\(built.stderr)")
      trees.append(TreeSnapshot(out))
    }
    let opened = trees[0].paths.filter { $0.hasSuffix(".json") || $0.hasSuffix("accessibility.html") }
    #expect(opened.count > 20)
    for path in opened { #expect(trees[0].files[path] == trees[1].files[path], "\(path)") }
    // The build's date does not reach the JSON either.
    let later = folder.appendingPathComponent("later")
    let built = try ClerkProcess.run(["build", "Content", "--out", later.path, "--today", "2031-01-01", "--quiet", "--no-pdf"])
    #expect(built.status == 0, "\(built.stderr)")
    let afterwards = TreeSnapshot(later)
    // (The manifests do change: they hash the site index, whose
    // forthcoming meetings are counted from today; and the incremental
    // record keeps the day it was built for.)
    for path in opened where !path.hasSuffix("manifest.json") && path != "clerk-incremental.json" {
      #expect(trees[0].files[path] == afterwards.files[path], "\(path) changed with --today")
    }
  }
}
