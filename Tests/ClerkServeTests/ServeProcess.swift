import Foundation
import TestSupport

/// `clerk serve` running in the background, its output collected as it
/// comes, for tests that talk to it over HTTP.
final class ServeProcess: @unchecked Sendable {
  let process = Process()
  private let lock = NSLock()
  private var out = Data()
  private var err = Data()

  init(_ arguments: [String]) throws {
    process.executableURL = ClerkProcess.binary
    process.arguments = ["serve"] + arguments
    process.currentDirectoryURL = repositoryRoot
    var environment = ProcessInfo.processInfo.environment
    environment["NO_COLOR"] = "1"
    process.environment = environment
    let outPipe = Pipe()
    let errPipe = Pipe()
    process.standardOutput = outPipe
    process.standardError = errPipe
    outPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, err: false) }
    errPipe.fileHandleForReading.readabilityHandler = { [weak self] handle in self?.append(handle.availableData, err: true) }
    try process.run()
  }

  private func append(_ data: Data, err isErr: Bool) {
    lock.withLock {
      if isErr { err.append(data) } else { out.append(data) }
    }
  }

  var stdout: String { lock.withLock { String(decoding: out, as: UTF8.self) } }
  var stderr: String { lock.withLock { String(decoding: err, as: UTF8.self) } }

  /// The first line of standard output, once it is there.
  func firstLine(within seconds: Double = 20) -> String? {
    poll(within: seconds) { self.stdout.firstIndex(of: "\n").map { String(self.stdout[..<$0]) } }
  }

  /// The port of the URL the first line prints.
  func port() -> UInt16? {
    guard let line = firstLine(), line.hasPrefix("http://127.0.0.1:"), line.hasSuffix("/") else { return nil }
    return UInt16(line.dropFirst("http://127.0.0.1:".count).dropLast())
  }

  /// The work folder the server names on standard error.
  func workFolder() -> String? {
    poll(within: 5) { () -> String? in
      guard let line = self.stderr.split(separator: "\n").first(where: { $0.hasPrefix("serving ") }),
        let from = line.range(of: " from "), let end = line.range(of: " (removed on exit)")
      else { return nil }
      return String(line[from.upperBound..<end.lowerBound])
    }
  }

  /// Sends SIGTERM and waits for the exit status.
  func terminate() -> Int32? {
    process.terminate()
    let exited = poll(within: 10) { self.process.isRunning ? nil : true }
    return exited == nil ? nil : process.terminationStatus
  }

  deinit {
    if process.isRunning { process.interrupt() }
  }
}

/// `found()` as soon as it is not nil, trying every 50 ms until `seconds` have passed.
func poll<T>(within seconds: Double, _ found: () -> T?) -> T? {
  let deadline = Date().addingTimeInterval(seconds)
  repeat {
    if let value = found() { return value }
    Thread.sleep(forTimeInterval: 0.05)
  } while Date() < deadline
  return found()
}
