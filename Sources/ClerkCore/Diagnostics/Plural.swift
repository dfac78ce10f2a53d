/// Counts in summaries read as English: "1 committee", "2 committees".
public enum Plural {
  /// `n` and the noun, plural unless `n` is 1; `plural` for nouns that do
  /// not just add "s" ("appendix", "appendices").
  public static func count(_ n: Int, _ singular: String, _ plural: String? = nil) -> String {
    "\(n) " + (n == 1 ? singular : plural ?? singular + "s")
  }
}
