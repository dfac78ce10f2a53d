import ClerkCore
import Foundation

/// Prints diagnostics to standard error as `path:line:column: error: message`,
/// with colour only on a terminal.
struct DiagnosticPrinter {
  var useColour: Bool = isatty(STDERR_FILENO) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil

  func format(_ diagnostic: Diagnostic) -> String {
    guard useColour else { return diagnostic.description }
    let colour = diagnostic.severity == .error ? "\u{1B}[1;31m" : "\u{1B}[1;35m"
    let location = diagnostic.location.map { "\u{1B}[1m\($0):\u{1B}[0m " } ?? ""
    return location + "\(colour)\(diagnostic.severity.rawValue):\u{1B}[0m \(diagnostic.message)"
  }

  func print(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    let text = diagnostics.map(format).joined(separator: "\n") + "\n"
    FileHandle.standardError.write(Data(text.utf8))
  }

  func note(_ text: String) {
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }
}
