import Crypto
import Foundation

/// WeasyPrint behind a small script, `clerk-weasyprint`, that `make
/// pdf-setup` installs in `.venv-pdf/bin/`. The script only lays out and
/// writes; Clerk plans the jobs, keeps the cache and runs several workers.
public struct PDFEngine: Sendable {
  /// The installed script (its first line names the venv's python).
  public let executable: String
  /// What the cache key knows of the engine: the script's bytes and the
  /// pinned requirements it was installed from.
  public let version: String

  /// Where `make pdf-setup` installs the engine, relative to the repository.
  public static let installedPath = ".venv-pdf/bin/clerk-weasyprint"
  /// Names another engine script.
  public static let environmentVariable = "CLERK_WEASYPRINT"

  public struct Problem: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  /// One layout: `html` is read, relative URLs resolve against `base`, the
  /// PDF goes to `pdf`, nothing is fetched from outside `root`.
  struct Job: Codable, Sendable {
    var html: String
    var base: String
    var pdf: String
    var root: String
    var anchors: [String]
  }

  /// Page count and the first page of every anchor (nil: not laid out).
  struct Answer: Codable, Sendable {
    var pages: Int?
    var anchors: [String: Int?]?
    var error: String?
  }

  public init(executable: String) {
    self.executable = executable
    var hash = SHA256()
    hash.update(data: FileManager.default.contents(atPath: executable) ?? Data())
    let stamp = (executable as NSString).deletingLastPathComponent + "/../.pdf-setup-stamp"
    hash.update(data: FileManager.default.contents(atPath: stamp) ?? Data())
    version = hash.finalize().map { String(format: "%02x", $0) }.joined()
  }

  /// `$CLERK_WEASYPRINT`, else `.venv-pdf/bin/clerk-weasyprint` in the
  /// current folder or the nearest folder above it that has one (the
  /// repository, when run from inside it).
  public static func find(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> PDFEngine? {
    InstalledTool.find(
      installedPath, environmentVariable: environmentVariable, environment: environment, currentDirectory: currentDirectory
    ).map(PDFEngine.init(executable:))
  }
}

/// One running `clerk-weasyprint`: a job per line in, an answer per line out.
/// Used by one thread at a time.
final class PDFWorker: @unchecked Sendable {
  let engine: PDFEngine
  private var process: Process?
  private var input: FileHandle?
  private var output: FileHandle?
  private var buffer = Data()

  init(engine: PDFEngine) { self.engine = engine }

  deinit { stop() }

  private func start() throws(PDFEngine.Problem) {
    // A worker that dies makes writing to it fail with EPIPE, not kill Clerk.
    signal(SIGPIPE, SIG_IGN)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: engine.executable)
    var environment = ProcessInfo.processInfo.environment
    environment["SOURCE_DATE_EPOCH"] = environment["SOURCE_DATE_EPOCH"] ?? "0"
    process.environment = environment
    let input = Pipe()
    let output = Pipe()
    process.standardInput = input
    process.standardOutput = output
    do {
      try process.run()
    } catch {
      throw PDFEngine.Problem(
        message: "cannot start the PDF engine (\(engine.executable)): \(error.localizedDescription)")
    }
    self.process = process
    self.input = input.fileHandleForWriting
    self.output = output.fileHandleForReading
    buffer = Data()
  }

  func stop() {
    try? input?.close()
    process?.waitUntilExit()
    process = nil
    input = nil
    output = nil
  }

  /// Lays one job out. A worker that dies fails its job only: the next job
  /// starts a new one.
  func render(_ job: PDFEngine.Job) throws(PDFEngine.Problem) -> PDFEngine.Answer {
    if process == nil { try start() }
    guard let input, let output else { throw PDFEngine.Problem(message: "the PDF engine is not running") }
    do {
      var line = try JSONEncoder().encode(job)
      line.append(0x0A)
      try input.write(contentsOf: line)
      while !buffer.contains(0x0A) {
        // `availableData`, not `read(upToCount:)`, which waits for the whole count.
        let chunk = output.availableData
        guard !chunk.isEmpty else {
          stop()
          throw PDFEngine.Problem(message: "the PDF engine stopped")
        }
        buffer.append(chunk)
      }
    } catch let problem as PDFEngine.Problem {
      throw problem
    } catch {
      stop()
      throw PDFEngine.Problem(message: "the PDF engine stopped: \(error.localizedDescription)")
    }
    guard let newline = buffer.firstIndex(of: 0x0A) else { throw PDFEngine.Problem(message: "the PDF engine stopped") }
    let answer = buffer[buffer.startIndex..<newline]
    buffer = Data(buffer[(newline + 1)...])
    do {
      return try JSONDecoder().decode(PDFEngine.Answer.self, from: answer)
    } catch {
      throw PDFEngine.Problem(message: "the PDF engine's answer could not be read: \(error.localizedDescription)")
    }
  }
}
