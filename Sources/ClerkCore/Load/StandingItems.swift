import Yams

extension YAMLReader {
  /// A committee's `standing-items`: each a slug and item keys, checked
  /// here so `clerk new meeting` never writes an item `clerk check` refuses
  /// for a misspelt key. Slugs must be unique.
  mutating func standingItems(_ node: Node) -> [StandingItem] {
    var items: [StandingItem] = []
    for entry in list(node, key: "standing-items") ?? [] {
      guard let fields = fields(of: entry, what: "a standing item", keys: ContentKeys.standingItem),
        case .mapping(let mapping) = entry,
        let slugNode = fields["slug"], let slug = string(slugNode, key: "slug")
      else { continue }
      guard ArchiveLoader.isSlug(slug) else {
        error("'slug' must be lowercase letters, digits and hyphens (it names the file NN-\(slug).md)", at: slugNode)
        continue
      }
      if items.contains(where: { $0.slug == slug }) {
        error("standing item '\(slug)' is listed twice", at: slugNode)
        continue
      }
      var minutesOfPrevious = false
      var kept: [(Node, Node)] = []
      for (key, value) in mapping {
        switch key.scalar?.string {
        case "slug": continue
        case "minutes-of" where value.scalar?.string == "previous": minutesOfPrevious = true
        default: kept.append((key, value))
        }
      }
      let frontMatter = kept.isEmpty ? "" : ((try? Yams.serialize(node: .mapping(Node.Mapping(kept)), width: -1)) ?? "")
      var item = StandingItem(slug: slug, frontMatter: frontMatter, minutesOfPrevious: minutesOfPrevious)
      item.isExempt = fields["access"]?.scalar?.string == Access.exempt.rawValue
      items.append(item)
    }
    return items
  }
}
