import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Safe, limited access to files under the content root: paths are always
/// relative to the root, symbolic links are never followed, and text must
/// be UTF-8 and under a size limit.
public struct ContentFiles: Sendable {
  public enum Kind: Sendable, Equatable {
    case file(bytes: Int)
    case directory
    case symbolicLink
    case other
  }

  public enum ReadProblem: Error, Equatable {
    case missing
    case symbolicLink
    case notAFile
    case tooLarge(bytes: Int, limit: Int)
    case invalidUTF8(line: Int, column: Int)
    case unreadable
  }

  /// Largest text file (markdown, YAML, CSV) Clerk reads: 4 MB. A report
  /// with a 400-page action plan is under 2 MB.
  public static let maximumTextBytes = 4_000_000
  /// Largest binary appendix (PDF, image): 50 MB.
  public static let maximumBinaryBytes = 50_000_000

  public let root: String

  public init(root: String) {
    var root = root
    while root.count > 1 && root.hasSuffix("/") { root.removeLast() }
    self.root = root
  }

  /// The absolute path of an existing `path`, symbolic links resolved; nil
  /// if it does not exist.
  public static func realPath(_ path: String) -> String? {
    guard let real = realpath(path, nil) else { return nil }
    defer { free(real) }
    return String(cString: real)
  }

  /// `path` made absolute with every symbolic link in it resolved
  /// (`realpath`). Where the end of the path does not exist yet, the part
  /// that exists is resolved and the rest is appended without `.` and `..`.
  public static func resolvedPath(_ path: String) -> String {
    var existing = path.hasPrefix("/") ? path : FileManager.default.currentDirectoryPath + "/" + path
    var missing: [String] = []
    var resolved = "/"
    while true {
      if let real = realPath(existing) {
        resolved = real
        break
      }
      let parent = (existing as NSString).deletingLastPathComponent
      if parent.isEmpty || parent == existing { break }
      missing.append((existing as NSString).lastPathComponent)
      existing = parent
    }
    var components = resolved.split(separator: "/").map(String.init)
    for name in missing.reversed() {
      switch name {
      case ".", "": continue
      case "..": _ = components.popLast()
      default: components.append(name)
      }
    }
    return "/" + components.joined(separator: "/")
  }

  public func absolute(_ relative: String) -> String {
    relative.isEmpty ? root : root + "/" + relative
  }

  /// What is at `relative`, without following a symbolic link.
  public func kind(_ relative: String) -> Kind? {
    var info = stat()
    guard lstat(absolute(relative), &info) == 0 else { return nil }
    switch info.st_mode & S_IFMT {
    case S_IFREG: return .file(bytes: Int(info.st_size))
    case S_IFDIR: return .directory
    case S_IFLNK: return .symbolicLink
    default: return .other
    }
  }

  /// Entry names in a folder, sorted, hidden entries included.
  public func list(_ relative: String) -> [String] {
    ((try? FileManager.default.contentsOfDirectory(atPath: absolute(relative))) ?? []).sorted()
  }

  public func readData(_ relative: String, limit: Int) throws(ReadProblem) -> Data {
    switch kind(relative) {
    case nil: throw .missing
    case .symbolicLink: throw .symbolicLink
    case .directory, .other: throw .notAFile
    case .file(let bytes):
      if bytes > limit { throw .tooLarge(bytes: bytes, limit: limit) }
    }
    guard let data = FileManager.default.contents(atPath: absolute(relative)) else {
      throw .unreadable
    }
    if data.count > limit { throw .tooLarge(bytes: data.count, limit: limit) }
    return data
  }

  /// Reads UTF-8 text, dropping a byte-order mark and normalising line ends.
  public func readText(_ relative: String) throws(ReadProblem) -> String {
    let data = try readData(relative, limit: Self.maximumTextBytes)
    let (validated, hasCarriageReturn) = data.withUnsafeBytes { raw -> (String?, Bool) in
      var bytes = UnsafeBufferPointer(start: raw.baseAddress?.assumingMemoryBound(to: UInt8.self), count: raw.count)
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = UnsafeBufferPointer(rebasing: bytes[3...]) }
      let hasCarriageReturn = bytes.baseAddress.map { memchr($0, 13, bytes.count) != nil } ?? false
      return (String(validating: bytes, as: UTF8.self), hasCarriageReturn)
    }
    guard let text = validated else {
      var bytes = [UInt8](data)
      if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
      let (line, column) = Self.firstInvalidUTF8(bytes)
      throw .invalidUTF8(line: line, column: column)
    }
    if !hasCarriageReturn { return text }
    return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
  }

  /// The line and column of the first byte that is not valid UTF-8.
  static func firstInvalidUTF8(_ bytes: [UInt8]) -> (Int, Int) {
    var lineStart = 0
    var line = 1
    for (index, byte) in bytes.enumerated() where byte == 0x0A {
      let prefix = Array(bytes[lineStart..<index])
      if String(validating: prefix, as: UTF8.self) == nil { break }
      line += 1
      lineStart = index + 1
    }
    var end = lineStart
    var column = 1
    while end < bytes.count {
      let lead = bytes[end]
      let width = lead < 0x80 ? 1 : lead >> 5 == 0x6 ? 2 : lead >> 4 == 0xE ? 3 : lead >> 3 == 0x1E ? 4 : 0
      if width == 0 || end + width > bytes.count
        || String(validating: bytes[end..<end + width], as: UTF8.self) == nil
      {
        break
      }
      end += width
      column += 1
    }
    return (line, column)
  }
}

extension ContentFiles {
  /// Reads text, turning a problem into a diagnostic at the file.
  func readText(_ relative: String, _ diagnostics: inout Diagnostics) -> String? {
    do {
      return try readText(relative)
    } catch {
      diagnostics.error(error.message, at: error.location(relative))
      return nil
    }
  }

  /// Whether the file's first line is `---`: it has YAML front matter.
  func startsWithFrontMatter(_ relative: String) -> Bool {
    guard let handle = FileHandle(forReadingAtPath: absolute(relative)) else { return false }
    defer { try? handle.close() }
    var bytes = [UInt8]((try? handle.read(upToCount: 64)) ?? Data())
    if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
    let line = bytes.prefix { $0 != 10 }
    guard let text = String(validating: line, as: UTF8.self) else { return false }
    return text[...].trimmingTrailingSpaces == "---"
  }

  /// Every regular file and symbolic link under a folder, depth first, sorted.
  public func entries(under folder: String) -> [(path: String, kind: Kind?)] {
    guard kind(folder) == .directory else { return [] }
    var found: [(String, Kind?)] = []
    var pending = [folder]
    while let current = pending.popLast() {
      for name in list(current) {
        let path = current + "/" + name
        let kind = kind(path)
        if kind == .directory { pending.append(path) } else { found.append((path, kind)) }
      }
    }
    return found.sorted { $0.0 < $1.0 }
  }
}

extension ContentFiles.ReadProblem {
  var message: String {
    switch self {
    case .missing: return "file does not exist"
    case .symbolicLink: return "is a symbolic link; Clerk does not follow links (copy the file into the content folder instead)"
    case .notAFile: return "is not a regular file"
    case .tooLarge(let bytes, let limit):
      return "file is too large (\(bytes) bytes; the limit is \(limit) bytes)"
    case .invalidUTF8: return "file is not valid UTF-8 text (save it as UTF-8)"
    case .unreadable: return "file cannot be read"
    }
  }

  func location(_ path: String) -> SourceLocation {
    if case .invalidUTF8(let line, let column) = self {
      return SourceLocation(path: path, line: line, column: column)
    }
    return SourceLocation(path: path)
  }
}
