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
    let subtrees = Audience.allCases.map(\.rawValue)
    // The two trees' manifests are independent: one on each core.
    typealias Written = (meetings: [String: [IncrementalRecord.File]], archive: [String: Manifest.File])
    let results = ResultSlots<Result<Written, OutputTree.Problem>>(count: subtrees.count)
    ParallelWork.run(count: subtrees.count, width: ProcessInfo.processInfo.activeProcessorCount) { offset in
      let subtree = subtrees[offset]
      do throws(OutputTree.Problem) {
        let (manifest, written): (Manifest, [String: Manifest.File])
        do throws(Manifest.Problem) {
          (manifest, written) = try make(index, tree: tree, subtree: subtree, carried: carried)
        } catch {
          throw OutputTree.Problem(message: error.message)
        }
        try tree.write([OutputFile(path: Manifest.fileName, text: manifest.json)], under: subtree)
        // What the next build records: the files written into the tree
        // (a carried folder's are already recorded), by meeting and archive.
        var recorded: Written = ([:], [:])
        for (path, file) in written {
          let full = subtree + "/" + path
          if archive.contains(full) { recorded.archive[full] = file }
          guard let meeting = meetingFolder(of: path), meetings.contains(meeting) else { continue }
          recorded.meetings[meeting, default: []].append(IncrementalRecord.File(path: full, size: file.size, sha256: file.sha256))
        }
        results.set(offset, .success(recorded))
      } catch {
        results.set(offset, .failure(error))
      }
    }
    var meetingFiles: [String: [IncrementalRecord.File]] = [:]
    var archiveFiles: [String: Manifest.File] = [:]
    for result in results.values {
      let written = try result.get()
      meetingFiles.merge(written.meetings) { $0 + $1 }
      archiveFiles.merge(written.archive) { first, _ in first }
    }
    return (meetingFiles.mapValues { $0.sorted { $0.path < $1.path } }, archiveFiles)
  }

  /// `committee/date` of a path in a meeting's folder; nil for any other.
  static func meetingFolder(of path: String) -> String? {
    guard let first = path.firstIndex(of: "/"), let second = path[path.index(after: first)...].firstIndex(of: "/")
    else { return nil }
    return String(path[..<second])
  }

  /// The manifest of `subtree`, and the files in the tree being written
  /// (those of folders carried over whole join it at the swap: their
  /// digests are the `carried` ones, by path from the top).
  static func make(
    _ index: ArchiveIndex, tree: OutputTree, subtree: String, carried: [String: Manifest.File] = [:]
  ) throws(Manifest.Problem) -> (Manifest, written: [String: Manifest.File]) {
    let prefix = subtree + "/"
    let written = try FileDigests.of(
      tree: tree.temporary + "/" + subtree, skipping: [Manifest.fileName],
      known: { path in
        // Written by this build (and unchanged since): the digest of the bytes written.
        tree.writtenDigest(prefix + path).map { Manifest.File(sha256: $0.sha256, size: $0.size) } ?? carried[prefix + path]
      })
    var files = written
    for path in tree.filesInCarriedFolders(under: subtree) {
      guard let file = carried[prefix + path] else { throw Manifest.Problem(message: "no SHA-256 recorded for '\(prefix)\(path)'") }
      files[path] = file
    }
    var meetings: [String: Manifest.Meeting] = [:]
    for entry in index.meetings where entry.status.isPublished {
      meetings[entry.id.path] = Manifest.Meeting(
        date: entry.date.iso, status: entry.status.rawValue, published: entry.published?.iso,
        revisions: entry.revisions.map { Manifest.Revision(date: $0.date.iso, note: $0.note) })
    }
    return (Manifest(meetings: meetings, files: files), written)
  }
}
