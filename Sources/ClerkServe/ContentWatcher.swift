import Foundation

/// Notices edits by polling: every `interval` it takes a fingerprint of each
/// watched folder (every file's path, size and modification time, hidden
/// files and editor backups left out) and compares it with the last one.
/// Polling needs no platform API and costs a `stat` per file: a few
/// milliseconds for a year of meetings.
struct ContentWatcher {
  static let interval: Duration = .milliseconds(300)

  /// A fingerprint per folder.
  typealias Fingerprints = [String: Int]

  static func fingerprints(_ folders: [String]) -> Fingerprints {
    Dictionary(folders.map { ($0, fingerprint($0)) }, uniquingKeysWith: { first, _ in first })
  }

  /// Whether a folder watched in both `old` and `new` changed between them
  /// (a folder watched for the first time is not a change).
  static func changed(from old: Fingerprints, to new: Fingerprints) -> Bool {
    new.contains { folder, print in old[folder].map { $0 != print } ?? false }
  }

  static func fingerprint(_ folder: String) -> Int {
    var hasher = Hasher()
    let fileManager = FileManager.default
    let keys: [URLResourceKey] = [.fileSizeKey, .contentModificationDateKey, .isDirectoryKey]
    let root = URL(fileURLWithPath: folder)
    guard
      let walk = fileManager.enumerator(
        at: root, includingPropertiesForKeys: keys, options: [.skipsHiddenFiles])
    else { return 0 }
    var entries: [(String, Int, Double)] = []
    for case let url as URL in walk where !url.lastPathComponent.hasSuffix("~") {
      let values = try? url.resourceValues(forKeys: Set(keys))
      if values?.isDirectory == true { continue }
      entries.append(
        (url.path, values?.fileSize ?? -1, values?.contentModificationDate?.timeIntervalSince1970 ?? 0))
    }
    for (path, size, modified) in entries.sorted(by: { $0.0 < $1.0 }) {
      hasher.combine(path)
      hasher.combine(size)
      hasher.combine(modified)
    }
    return hasher.finalize()
  }
}
