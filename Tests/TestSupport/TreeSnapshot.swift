import Foundation

/// Every file under a folder, by relative path, for comparing whole trees.
public struct TreeSnapshot: Equatable {
  public var files: [String: Data]

  public init(_ root: URL) {
    var files: [String: Data] = [:]
    let base = root.standardizedFileURL.path
    if let enumerator = FileManager.default.enumerator(atPath: base) {
      for case let path as String in enumerator {
        var isDirectory: ObjCBool = false
        let full = base + "/" + path
        if FileManager.default.fileExists(atPath: full, isDirectory: &isDirectory), !isDirectory.boolValue {
          files[path] = FileManager.default.contents(atPath: full) ?? Data()
        }
      }
    }
    self.files = files
  }

  public var paths: [String] { files.keys.sorted() }

  /// Paths of files whose name or contents contain `text`.
  public func mentions(_ text: String) -> [String] {
    let needle = Data(text.utf8)
    return paths.filter { path in
      path.contains(text) || (files[path].map { $0.range(of: needle) != nil } ?? false)
    }
  }
}

/// A fresh temporary folder, removed by `remove()`.
public func temporaryFolder(_ name: String = "clerk") -> URL {
  let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID().uuidString)")
  try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  return url
}

/// A copy of the default `Templates/` folder in a fresh temporary folder,
/// for tests that change or add templates.
public func copyOfDefaultTemplates() throws -> URL {
  let folder = temporaryFolder("templates")
  try FileManager.default.removeItem(at: folder)
  try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("Templates"), to: folder)
  return folder
}
