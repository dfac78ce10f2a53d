import ClerkCore
import Foundation

/// Progress on standard error: the step lines (`[2/6] Render meetings`)
/// and, for the long steps (meetings, PDF packs), the work done. On a
/// terminal that is a bar redrawn in place with the count and the time
/// left; otherwise a plain line every 10%. `--quiet` prints nothing.
final class BuildProgress: @unchecked Sendable {
  let quiet: Bool
  let isTerminal: Bool
  private let lock = NSLock()
  /// When the current count started, and when the bar was last drawn.
  private var started: ContinuousClock.Instant?
  private var drawn: ContinuousClock.Instant?

  init(quiet: Bool, isTerminal: Bool = isatty(STDERR_FILENO) == 1) {
    self.quiet = quiet
    self.isTerminal = isTerminal
  }

  func step(_ number: Int, of count: Int, _ title: String) {
    note("[\(number)/\(count)] \(title)")
  }

  func note(_ text: String) {
    guard !quiet else { return }
    write(text + "\n")
  }

  /// `done` of `total` (`unit`s) finished; safe from any thread.
  func count(_ done: Int, of total: Int, _ unit: String = "meeting") {
    guard !quiet, total > 0 else { return }
    lock.lock()
    defer { lock.unlock() }
    let now = ContinuousClock.now
    if done == 0 || started == nil { started = now }
    if isTerminal {
      // Redraw at most ten times a second, and always at the end.
      if done < total, let drawn, now - drawn < .milliseconds(100) { return }
      drawn = now
      write("\r\u{1B}[K" + Self.bar(done, of: total, unit, elapsed: started.map { now - $0 }) + (done == total ? "\n" : ""))
      if done == total { started = nil }
    } else if done == total || (total >= 20 && done % max(1, total / 10) == 0) {
      write("      \(done)/\(Plural.count(total, unit))\n")
      if done == total { started = nil }
    }
  }

  /// `      [##########----------]  412/800 meetings, about 12 s left`
  static func bar(_ done: Int, of total: Int, _ unit: String, elapsed: Duration?, width: Int = 24) -> String {
    let filled = total > 0 ? min(width, done * width / total) : width
    var line = "      [" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "]  "
    line += "\(done)/\(Plural.count(total, unit))"
    if let elapsed, done > 0, done < total {
      let seconds = Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
      let left = seconds / Double(done) * Double(total - done)
      if left >= 1 {
        line += left < 60 ? ", about \(Int(left.rounded(.up))) s left" : ", about \(Int((left / 60).rounded(.up))) min left"
      }
    }
    return line
  }

  private func write(_ text: String) {
    FileHandle.standardError.write(Data(text.utf8))
  }
}
