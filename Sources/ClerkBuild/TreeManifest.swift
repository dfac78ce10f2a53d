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
    // Paths relative to each tree, in one pass over each list.
    func bySubtree<Value>(_ entries: some Sequence<(String, Value)>) -> [String: [String: Value]] {
      var split: [String: [String: Value]] = [:]
      for (path, value) in entries {
        guard let slash = path.firstIndex(of: "/") else { continue }
        split[String(path[..<slash]), default: [:]][String(path[path.index(after: slash)...])] = value
      }
      return split
    }
    let known = bySubtree(carried.lazy.map { ($0.key, $0.value) })
    let archived = bySubtree(archive.lazy.map { ($0, true) })
    // The two trees' manifests are independent: one on each core.
    typealias Written = (meetings: [String: [IncrementalRecord.File]], archive: [String: Manifest.File])
    let results = ResultSlots<Result<Written, OutputTree.Problem>>(count: subtrees.count)
    ParallelWork.run(count: subtrees.count, width: ProcessInfo.processInfo.activeProcessorCount) { offset in
      let subtree = subtrees[offset]
      do throws(OutputTree.Problem) {
        let manifest: Manifest
        do throws(Manifest.Problem) {
          manifest = try make(index, tree: tree, subtree: subtree, known: known[subtree] ?? [:])
        } catch {
          throw OutputTree.Problem(message: error.message)
        }
        try tree.write([OutputFile(path: Manifest.fileName, text: manifest.json)], under: subtree)
        var written: Written = ([:], [:])
        let archivedHere = archived[subtree] ?? [:]
        for (path, file) in manifest.files {
          if archivedHere[path] != nil { written.archive[subtree + "/" + path] = file }
          guard !meetings.isEmpty else { continue }
          let parts = path.split(separator: "/", maxSplits: 2)
          guard parts.count == 3, case let meeting = String(parts[0] + "/" + parts[1]), meetings.contains(meeting) else { continue }
          written.meetings[meeting, default: []].append(
            IncrementalRecord.File(path: subtree + "/" + path, size: file.size, sha256: file.sha256))
        }
        results.set(offset, .success(written))
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
