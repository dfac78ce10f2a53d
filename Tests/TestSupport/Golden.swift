import Foundation

/// Golden files: compared on every run, rewritten only when
/// `RECORD_GOLDENS=1` is set — and then the comparison fails, so a
/// recording is never mistaken for a pass.
public enum Golden {
  public static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" }

  /// Nil when `actual` matches the file; otherwise a message with a line diff.
  public static func compare(_ actual: String, to file: URL) -> String? {
    if recording {
      try? FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
      try? Data(actual.utf8).write(to: file)
      return "recorded \(file.path); run again without RECORD_GOLDENS to compare"
    }
    guard let data = FileManager.default.contents(atPath: file.path) else {
      return "missing golden file \(file.path); run with RECORD_GOLDENS=1 to record it"
    }
    let expected = String(decoding: data, as: UTF8.self)
    if expected == actual { return nil }
    return "\(file.lastPathComponent) differs:\n" + lineDiff(expected: expected, actual: actual)
  }

  /// A short diff: every differing line with its number.
  public static func lineDiff(expected: String, actual: String) -> String {
    let a = expected.split(separator: "\n", omittingEmptySubsequences: false)
    let b = actual.split(separator: "\n", omittingEmptySubsequences: false)
    var out: [String] = []
    for i in 0..<max(a.count, b.count) where (i < a.count ? a[i] : nil) != (i < b.count ? b[i] : nil) {
      if i < a.count { out.append("-\(i + 1): \(a[i])") }
      if i < b.count { out.append("+\(i + 1): \(b[i])") }
      if out.count > 40 {
        out.append("…")
        break
      }
    }
    return out.joined(separator: "\n")
  }
}
