import ClerkCore
import Foundation

/// Progress on standard error: the step lines (`[2/6] Render meetings`)
/// and the meetings done, live on a terminal, every 10% otherwise.
struct BuildProgress {
  var quiet: Bool
  let isTerminal = isatty(STDERR_FILENO) == 1

  func step(_ number: Int, of count: Int, _ title: String) {
    note("[\(number)/\(count)] \(title)")
  }

  func note(_ text: String) {
    guard !quiet else { return }
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  func count(_ done: Int, of total: Int) {
    guard !quiet, total > 0 else { return }
    if isTerminal {
      FileHandle.standardError.write(Data("\r      \(done)/\(Plural.count(total, "meeting"))\(done == total ? "\n" : "")".utf8))
    } else if done == total || (total >= 20 && done % max(1, total / 10) == 0) {
      note("      \(done)/\(Plural.count(total, "meeting"))")
    }
  }
}
