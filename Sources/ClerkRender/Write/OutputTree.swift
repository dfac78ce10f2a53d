import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Writes a build into a temporary folder beside `--out` and swaps it in
/// only when everything succeeded. A failed or killed build leaves the
/// previous output exactly as it was, and Clerk never deletes a file it did
/// not create: the previous build is removed file by file from its manifest.
public final class OutputTree: @unchecked Sendable {
  public struct Problem: Error, CustomStringConvertible {
    public var message: String
    public var description: String { message }
  }

  public static let manifestName = ".clerk-manifest"
  static let temporaryMarker = ".clerk-temporary"

  /// The final output folder (absolute).
  public let destination: String
  /// The temporary folder being written.
  public let temporary: String
  private let lock = NSLock()
  private var written: [String] = []
  /// Warnings to show the user (e.g. a previous build that could not be fully removed).
  public private(set) var notes: [String] = []

  /// Checks `out` against the content folder and prepares a temporary folder.
  public init(out: String, content: String) throws(Problem) {
    let fileManager = FileManager.default
    let destination = Self.absolute(out)
    let contentPath = Self.absolute(content)
    guard destination != "/" else { throw Problem(message: "refusing to write the build to '/'") }
    if destination == contentPath || destination.hasPrefix(contentPath + "/") {
      throw Problem(message: "--out '\(out)' is inside the content folder; choose a folder outside it")
    }
    if contentPath.hasPrefix(destination + "/") {
      throw Problem(message: "--out '\(out)' contains the content folder; choose a separate folder")
    }
    var isDirectory: ObjCBool = false
    if fileManager.fileExists(atPath: destination, isDirectory: &isDirectory) {
      guard isDirectory.boolValue else { throw Problem(message: "--out '\(out)' exists and is not a folder") }
      let entries = (try? fileManager.contentsOfDirectory(atPath: destination)) ?? []
      if !entries.isEmpty && !fileManager.fileExists(atPath: destination + "/" + Self.manifestName) {
        throw Problem(
          message: "--out '\(out)' holds files Clerk did not create; choose an empty or new folder (nothing was changed)")
      }
    }
    let parent = (destination as NSString).deletingLastPathComponent
    let name = (destination as NSString).lastPathComponent
    do {
      try fileManager.createDirectory(atPath: parent, withIntermediateDirectories: true)
    } catch {
      throw Problem(message: "cannot create '\(parent)': \(error.localizedDescription)")
    }
    Self.removeStaleTemporaries(in: parent, name: name)
    let temporary = "\(parent)/.\(name).clerk-tmp-\(getpid())"
    do {
      try fileManager.createDirectory(atPath: temporary, withIntermediateDirectories: false)
      try Data().write(to: URL(fileURLWithPath: temporary + "/" + Self.temporaryMarker))
    } catch {
      throw Problem(message: "cannot write beside '\(out)': \(error.localizedDescription)")
    }
    self.destination = destination
    self.temporary = temporary
  }

  static func absolute(_ path: String) -> String {
    let url = URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath()
    return url.path
  }

  /// Temporary folders of builds that were killed: ours by name.
  static func removeStaleTemporaries(in parent: String, name: String) {
    let fileManager = FileManager.default
    for entry in (try? fileManager.contentsOfDirectory(atPath: parent)) ?? []
    where entry.hasPrefix(".\(name).clerk-tmp-") {
      let path = parent + "/" + entry
      // Ours to remove once the build named in it (by process id) is gone,
      // even if it was killed before writing its marker; a build still
      // running beside us is left alone.
      let pid = Int32(entry.split(separator: "-").last ?? "") ?? 0
      let ownerGone = pid > 0 && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
      if ownerGone {
        try? fileManager.removeItem(atPath: path)
      }
    }
  }

  /// Writes files under `subtree` (`public`, `non-public`); safe to call from several threads.
  public func write(_ files: [OutputFile], under subtree: String) throws(Problem) {
    let fileManager = FileManager.default
    var created = Set<String>()
    var paths: [String] = []
    for file in files {
      let relative = subtree + "/" + file.path
      let path = temporary + "/" + relative
      let folder = (path as NSString).deletingLastPathComponent
      if !created.contains(folder) {
        try? fileManager.createDirectory(atPath: folder, withIntermediateDirectories: true)
        created.insert(folder)
      }
      let written: Bool
      switch file.contents {
      case .text(let text):
        written = Self.writeFile(path, text)
      case .copy(let source):
        guard let contents = fileManager.contents(atPath: source) else {
          throw Problem(message: "cannot read '\(source)' to publish it")
        }
        written = contents.withUnsafeBytes { Self.writeFile(path, $0) }
      }
      guard written else {
        throw Problem(message: Self.writeFailure(relative))
      }
      paths.append(relative)
    }
    lock.lock()
    written += paths
    lock.unlock()
  }

  /// Writes a file of the tree again (already listed, so not listed twice).
  public func rewrite(_ relative: String, _ text: String, under subtree: String) throws(Problem) {
    guard Self.writeFile(path(relative, under: subtree), text) else {
      throw Problem(message: Self.writeFailure(subtree + "/" + relative))
    }
  }

  /// Writes a file at the top of the tree, beside `public/` and `non-public/`.
  public func writeTop(_ name: String, _ text: String) throws(Problem) {
    guard Self.writeFile(temporary + "/" + name, text) else { throw Problem(message: Self.writeFailure(name)) }
    lock.lock()
    written.append(name)
    lock.unlock()
  }

  /// Why a write failed, from `errno`, in words.
  static func writeFailure(_ relative: String) -> String {
    "cannot write '\(relative)' (is the output folder writable?)"
  }

  /// A plain write: the whole tree is swapped in at the end, so single
  /// files need no atomic rename (which would fsync each one).
  static func writeFile(_ path: String, _ text: String) -> Bool {
    var text = text
    return text.withUTF8 { writeFile(path, UnsafeRawBufferPointer($0)) }
  }

  static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) -> Bool {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return false }
    defer { close(descriptor) }
    guard let base = buffer.baseAddress else { return true }
    var offset = 0
    while offset < buffer.count {
      let count = Glibc.write(descriptor, base + offset, buffer.count - offset)
      if count <= 0 { return false }
      offset += count
    }
    return true
  }

  /// Where a file of the tree being written is on disk.
  public func path(_ relative: String, under subtree: String) -> String {
    temporary + "/" + subtree + "/" + relative
  }

  /// Records files another program wrote into the tree (the PDFs).
  public func register(_ relatives: [String], under subtree: String) {
    lock.lock()
    written += relatives.map { subtree + "/" + $0 }
    lock.unlock()
  }

  /// Every file written so far, sorted.
  public var files: [String] {
    lock.lock()
    defer { lock.unlock() }
    return written.sorted()
  }

  /// Swaps the finished build in place of the previous one.
  public func commit() throws(Problem) {
    let fileManager = FileManager.default
    let manifest = files.joined(separator: "\n") + "\n"
    do {
      try Data(manifest.utf8).write(to: URL(fileURLWithPath: temporary + "/" + Self.manifestName))
      try fileManager.removeItem(atPath: temporary + "/" + Self.temporaryMarker)
    } catch {
      throw Problem(message: "cannot finish the build: \(error.localizedDescription)")
    }
    let previous = destination + ".clerk-previous-\(getpid())"
    let hadPrevious = fileManager.fileExists(atPath: destination)
    if hadPrevious {
      guard rename(destination, previous) == 0 else {
        throw Problem(message: "cannot replace '\(destination)': \(String(cString: strerror(errno)))")
      }
    }
    guard rename(temporary, destination) == 0 else {
      let reason = String(cString: strerror(errno))
      if hadPrevious { _ = rename(previous, destination) }
      throw Problem(message: "cannot move the build into '\(destination)': \(reason)")
    }
    if hadPrevious { removePreviousBuild(previous) }
  }

  /// Removes only what the previous build's manifest lists, then empty folders.
  func removePreviousBuild(_ path: String) {
    let fileManager = FileManager.default
    let manifest = fileManager.contents(atPath: path + "/" + Self.manifestName).map { String(decoding: $0, as: UTF8.self) } ?? ""
    var folders = Set<String>()
    for line in manifest.split(separator: "\n") where !line.contains("..") {
      try? fileManager.removeItem(atPath: path + "/" + line)
      var folder = (String(line) as NSString).deletingLastPathComponent
      while !folder.isEmpty {
        folders.insert(folder)
        folder = (folder as NSString).deletingLastPathComponent
      }
    }
    try? fileManager.removeItem(atPath: path + "/" + Self.manifestName)
    for folder in folders.sorted(by: { $0.count > $1.count }) {
      rmdir(path + "/" + folder)
    }
    if rmdir(path) != 0 {
      notes.append("kept \(path): it holds files the previous build did not create")
    }
  }

  /// Removes the temporary folder after a failed build.
  public func abandon() {
    try? FileManager.default.removeItem(atPath: temporary)
  }
}
