import ClerkCore
import ClerkRender
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Whether a meeting's files are in the previous build as that build left
/// them, read one meeting folder at a time: each folder is listed once
/// (`readdir`), and each entry's `lstat` is taken relative to its folder
/// (`fstatat`), not by its whole path. The same pass says whether the
/// folders hold those files and nothing else, so they can be moved into
/// the new build whole.
enum RecordedFiles {
  /// The files are as recorded; `folders` are the meeting folders
  /// (`public/<committee>/<meeting>`, and the same in `non-public/`) that
  /// hold exactly them, nil when one holds anything else or a file is
  /// outside them (they are then linked one by one).
  struct Unchanged {
    var folders: [String]?
  }

  /// Nil when a file is missing, or its size or modification time is not
  /// the recorded one (`times`).
  static func check(_ files: [IncrementalRecord.File], in root: String, times: OutputTimes) -> Unchanged? {
    var byFolder: [String: [(name: String, file: IncrementalRecord.File)]] = [:]
    var exact = true
    for file in files {
      guard !ParentStep.appears(in: file.path), let time = times.times[file.path] else { return nil }
      guard let folder = meetingFolder(of: file.path) else {
        // Outside a meeting folder: looked at on its own.
        exact = false
        guard let stamp = ContentFacts.Stamp.of(root + "/" + file.path), stamp.size == Int64(file.size),
          stamp.modified == time
        else { return nil }
        continue
      }
      byFolder[folder, default: []].append((String(file.path.dropFirst(folder.count + 1)), file))
    }
    for (folder, recorded) in byFolder {
      guard let listing = Listing(root + "/" + folder) else { return nil }
      for (name, file) in recorded {
        guard let entry = listing.entries[name], entry.kind == .file, entry.size == Int64(file.size),
          entry.modified == times.times[file.path]
        else { return nil }
      }
      // Exactly those files, and the folders that hold them: no link, no other file or folder.
      if exact {
        let folders = Set(recorded.flatMap { OutputTree.folders(of: $0.name).map(String.init) })
        exact =
          listing.entries.count == recorded.count + folders.count
          && listing.entries.allSatisfy { $0.value.kind == .file || ($0.value.kind == .folder && folders.contains($0.key)) }
      }
    }
    return Unchanged(folders: exact ? byFolder.keys.sorted() : nil)
  }

  /// `<tree>/<committee>/<meeting>` of a path four or more parts long.
  static func meetingFolder(of path: String) -> String? {
    var slashes = 0
    for index in path.utf8.indices where path.utf8[index] == UInt8(ascii: "/") {
      slashes += 1
      if slashes == 3 { return String(path[..<index]) }
    }
    return nil
  }

  /// Every entry under a folder, by path relative to it, with the kind,
  /// size and modification time `lstat` gives (links never followed).
  struct Listing {
    struct Entry {
      var kind: TreeWalk.Kind
      var size: Int64
      var modified: Int64
    }

    var entries: [String: Entry] = [:]

    init?(_ folder: String) {
      guard read(folder, prefix: "") else { return nil }
    }

    private mutating func read(_ folder: String, prefix: String) -> Bool {
      guard let found = TreeWalk.statusEntries(of: folder) else { return false }
      var folders: [String] = []
      for entry in found {
        guard let status = entry.status else { return false }
        let kind = TreeWalk.kind(status)
        entries[prefix + entry.name] = Entry(
          kind: kind, size: Int64(status.st_size), modified: FileStamp.nanoseconds(status.st_mtim))
        if kind == .folder { folders.append(entry.name) }
      }
      for name in folders where !read(folder + "/" + name, prefix: prefix + name + "/") { return false }
      return true
    }
  }
}
