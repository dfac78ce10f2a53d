import Foundation

/// Where the tools a `make …-setup` installs into the repository are found:
/// the path in an environment variable, else the installed path in the
/// current folder or the nearest folder above it that has one (the
/// repository, when run from inside it).
enum InstalledTool {
  /// The executable, or nil: a variable naming something that is not a
  /// program counts as missing.
  static func find(
    _ installedPath: String, environmentVariable: String, environment: [String: String], currentDirectory: String
  ) -> String? {
    let fileManager = FileManager.default
    if let path = environment[environmentVariable], !path.isEmpty {
      return fileManager.isExecutableFile(atPath: path) ? path : nil
    }
    var folder = URL(fileURLWithPath: currentDirectory).standardizedFileURL
    while true {
      let candidate = folder.appendingPathComponent(installedPath).path
      if fileManager.isExecutableFile(atPath: candidate) { return candidate }
      let parent = folder.deletingLastPathComponent()
      if parent.path == folder.path { return nil }
      folder = parent
    }
  }
}
