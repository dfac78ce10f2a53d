import ClerkCore
import ClerkIntegrity
import ClerkRender
import Foundation

/// The manifest of one written tree: every file's SHA-256, and the
/// meetings it publishes with their revisions (`clerk verify` reads both).
enum TreeManifest {
  /// Writes `manifest.json` at the top of each tree, last: it lists every
  /// other file. `carried` are the files carried over from the previous
  /// build (relative to the top, `public/…`) with the digests it recorded.
  /// Returns the files (in both trees) of the meetings in `rendered` (by
  /// path) as written, and the digests of the `archive` files, for the
  /// next build's record.
  static func write(
    _ index: ArchiveIndex, into tree: OutputTree, carried: [String: Manifest.File] = [:], rendered meetings: Set<String>,
    archive: Set<String> = []
  ) throws(OutputTree.Problem) -> (meetings: [String: [IncrementalRecord.File]], archive: [String: Manifest.File]) {
    var meetingFiles: [String: [IncrementalRecord.File]] = [:]
    var archiveFiles: [String: Manifest.File] = [:]
    for audience in Audience.allCases {
      let subtree = audience.rawValue
      var known: [String: Manifest.File] = [:]
      for (path, file) in carried where path.hasPrefix(subtree + "/") { known[String(path.dropFirst(subtree.count + 1))] = file }
      let manifest: Manifest
      do {
        manifest = try make(index, tree: tree, subtree: subtree, known: known)
      } catch {
        throw OutputTree.Problem(message: error.message)
      }
      try tree.write([OutputFile(path: Manifest.fileName, text: manifest.json)], under: subtree)
      for (path, file) in manifest.files {
        if archive.contains(subtree + "/" + path) { archiveFiles[subtree + "/" + path] = file }
        guard !meetings.isEmpty else { continue }
        let parts = path.split(separator: "/", maxSplits: 2)
        guard parts.count == 3, case let meeting = String(parts[0] + "/" + parts[1]), meetings.contains(meeting) else { continue }
        meetingFiles[meeting, default: []].append(
          IncrementalRecord.File(path: subtree + "/" + path, size: file.size, sha256: file.sha256))
      }
    }
    return (meetingFiles.mapValues { $0.sorted { $0.path < $1.path } }, archiveFiles)
  }

  static func make(
    _ index: ArchiveIndex, tree: OutputTree, subtree: String, known: [String: Manifest.File] = [:]
  ) throws(Manifest.Problem) -> Manifest {
    var files = try FileDigests.of(tree: tree.temporary + "/" + subtree, skipping: [Manifest.fileName], known: known)
    // Folders carried over whole join the tree when it is swapped in.
    for path in tree.filesInCarriedFolders(under: subtree) {
      guard let file = known[path] else { throw Manifest.Problem(message: "no SHA-256 recorded for '\(subtree)/\(path)'") }
      files[path] = file
    }
    var meetings: [String: Manifest.Meeting] = [:]
    for entry in index.meetings where entry.status.isPublished {
      meetings[entry.id.path] = Manifest.Meeting(
        date: entry.date.iso, status: entry.status.rawValue, published: entry.published?.iso,
        revisions: entry.revisions.map { Manifest.Revision(date: $0.date.iso, note: $0.note) })
    }
    return Manifest(meetings: meetings, files: files)
  }
}
