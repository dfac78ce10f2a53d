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

  /// The text of the PDF at `path`, or nil with the reason recorded in
  /// `gaps` under `name` (how the caller names the file).
  static func read(_ path: String, name: String, gaps: AuditGaps) -> String? {
    do throws(Unreadable) {
      return try extract(path)
    } catch {
      gaps.record(name, error.reason)
      return nil
    }
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
