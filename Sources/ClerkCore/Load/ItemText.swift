/// Reads one agenda item's text as the loader would — front matter split,
/// YAML decoded and checked, markdown parsed — without touching the disk
/// (appendix files are looked up under a folder that does not exist).
/// The entry point for the fuzzers and for tools that lint a single file.
public enum ItemText {
  public static func read(_ text: String, path: String = "c/2020-01-01/01-item.md") -> (AgendaItem?, Diagnostics) {
    let index = ArchiveIndex(
      root: "/nonexistent/clerk-fuzz", site: Site(organisation: "Fuzz", baseURL: "https://example.org/"),
      committees: [], meetings: [])
    var diagnostics = Diagnostics()
    let item = MeetingLoader(index: index).readItem(text, path: path, order: 1, slug: "item", &diagnostics)
    return (item?.0, diagnostics)
  }
}
