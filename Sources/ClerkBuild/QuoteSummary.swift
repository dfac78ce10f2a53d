import ClerkCore

/// The closing line about deliberate quotes of non-public text
/// (`quotes-exempt`), shown by `build` and `check` so they stay visible.
public enum QuoteSummary {
  public static func text(_ quotes: [String]) -> String? {
    guard !quotes.isEmpty else { return nil }
    let count = quotes.count
    return "\(Plural.count(count, "deliberate quote")) of non-public text (quotes-exempt):\n"
      + quotes.map { "  \($0)" }.joined(separator: "\n")
  }
}
