import Foundation

/// WeasyPrint, driven through `tools/render_packs.py` in the virtual
/// environment `make` creates. Renders many packs in one call, in parallel,
/// with a cache keyed by everything that goes into a PDF.
public struct PDFEngine: Sendable {
  public let python: String
  public let script: String

  /// One pack to render.
  public struct Job: Codable, Sendable {
    public var html: String
    public var pdf: String
    public var anchors: [String]
    /// The tree the pack may load files from (its stylesheet, its images).
    public var root: String
  }

  /// What came back for one pack: page count and the page of every anchor.
  public struct Result: Codable, Sendable {
    public var pdf: String
    public var pages: Int?
    public var anchors: [String: Int?]?
    public var cached: Bool?
    public var error: String?
  }

  struct Request: Codable {
    var workers: Int
    var cache: String
    var jobs: [Job]
  }

  struct Response: Codable {
    var results: [Result]
    var hits: Int?
    var misses: Int?
  }

  public struct Problem: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  /// `$CLERK_PYTHON` / `$CLERK_PDF_SCRIPT`, else `.venv-pdf` and `tools/`
  /// in the current folder or beside the binary's source tree.
  public static func find() -> PDFEngine? {
    let environment = ProcessInfo.processInfo.environment
    let fileManager = FileManager.default
    var roots = [fileManager.currentDirectoryPath]
    var folder = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent()
    for _ in 0..<4 {
      roots.append(folder.path)
      folder.deleteLastPathComponent()
    }
    for root in roots {
      let python = environment["CLERK_PYTHON"] ?? root + "/.venv-pdf/bin/python"
      let script = environment["CLERK_PDF_SCRIPT"] ?? root + "/tools/render_packs.py"
      if fileManager.isExecutableFile(atPath: python), fileManager.fileExists(atPath: script) {
        return PDFEngine(python: python, script: script)
      }
    }
    return nil
  }

  public func render(_ jobs: [Job], cache: String, workers: Int) throws(Problem) -> (results: [Result], hits: Int, misses: Int) {
    guard !jobs.isEmpty else { return ([], 0, 0) }
    let request = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-pdf-\(getpid()).json")
    defer { try? FileManager.default.removeItem(at: request) }
    do {
      try JSONEncoder().encode(Request(workers: workers, cache: cache, jobs: jobs)).write(to: request)
    } catch {
      throw Problem(message: "cannot write the PDF job list: \(error.localizedDescription)")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: python)
    process.arguments = [script, request.path]
    var environment = ProcessInfo.processInfo.environment
    environment["SOURCE_DATE_EPOCH"] = environment["SOURCE_DATE_EPOCH"] ?? "0"
    process.environment = environment
    let output = Pipe()
    process.standardOutput = output
    do {
      try process.run()
    } catch {
      throw Problem(message: "cannot start the PDF engine (\(python)): \(error.localizedDescription)")
    }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Problem(message: "the PDF engine failed (exit \(process.terminationStatus))")
    }
    do {
      let response = try JSONDecoder().decode(Response.self, from: data)
      return (response.results, response.hits ?? 0, response.misses ?? 0)
    } catch {
      throw Problem(message: "the PDF engine's answer could not be read: \(error.localizedDescription)")
    }
  }
}
