import Foundation

/// Text of a PDF via poppler's `pdftotext`. The audit must read every PDF
/// it is given: when it cannot, it says why, and the caller fails rather
/// than call the tree clean.
enum PDFText {
  /// `$CLERK_PDFTOTEXT` when set (a path that is not a program counts as
  /// missing), else poppler's usual places.
  static let tool: String? = {
    let candidates = ProcessInfo.processInfo.environment["CLERK_PDFTOTEXT"].map { [$0] } ?? ["/usr/bin/pdftotext", "/usr/local/bin/pdftotext"]
    return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
  }()

  /// Why a PDF's text could not be read.
  struct Unreadable: Error {
    var reason: String
  }

  static func extract(_ path: String) throws(Unreadable) -> String {
    guard let tool else {
      throw Unreadable(reason: "pdftotext is not installed, so its text cannot be audited (install poppler-utils: run 'make deps')")
    }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: tool)
    process.arguments = ["-q", "-enc", "UTF-8", path, "-"]
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = FileHandle.nullDevice
    do { try process.run() } catch { throw Unreadable(reason: "cannot run \(tool): \(error.localizedDescription)") }
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Unreadable(reason: "pdftotext cannot read it (exit \(process.terminationStatus)), so its text cannot be audited")
    }
    return String(decoding: data, as: UTF8.self)
  }
}

/// Files the audit had to read and could not, gathered from every thread.
/// Any entry makes the audit incomplete: the build fails and `clerk audit`
/// exits 2, and "0 leaks" is never printed.
public final class AuditGaps: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: String] = [:]

  public init() {}

  func record(_ path: String, _ reason: String) {
    lock.lock()
    if entries[path] == nil { entries[path] = reason }
    lock.unlock()
  }

  /// "path: reason", sorted.
  public var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
  }
}
