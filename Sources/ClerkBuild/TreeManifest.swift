import ClerkCore
import ClerkIntegrity
import ClerkRender

/// The manifest of one written tree: every file's SHA-256, and the
/// meetings it publishes with their revisions (`clerk verify` reads both).
enum TreeManifest {
  /// Writes `manifest.json` at the top of each tree, last: it lists every
  /// other file.
  static func write(_ index: ArchiveIndex, into tree: OutputTree) throws(OutputTree.Problem) {
    for audience in Audience.allCases {
      let manifest: Manifest
      do {
        manifest = try make(index, tree: tree, subtree: audience.rawValue)
      } catch {
        throw OutputTree.Problem(message: error.message)
      }
      try tree.write([OutputFile(path: Manifest.fileName, text: manifest.json)], under: audience.rawValue)
    }
  }

  static func make(_ index: ArchiveIndex, tree: OutputTree, subtree: String) throws(Manifest.Problem) -> Manifest {
    let files = try FileDigests.of(tree: tree.temporary + "/" + subtree, skipping: [Manifest.fileName])
    var meetings: [String: Manifest.Meeting] = [:]
    for entry in index.meetings where entry.status.isPublished {
      meetings[entry.id.path] = Manifest.Meeting(
        date: entry.date.iso, status: entry.status.rawValue, published: entry.published?.iso,
        revisions: entry.revisions.map { Manifest.Revision(date: $0.date.iso, note: $0.note) })
    }
    return Manifest(meetings: meetings, files: files)
  }
}
