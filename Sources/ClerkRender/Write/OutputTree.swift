import ClerkCore
import Crypto
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

    public init(message: String) { self.message = message }
  }

  public static let manifestName = ".clerk-manifest"
  static let temporaryMarker = ".clerk-temporary"

  /// The final output folder (absolute).
  public let destination: String
  /// The temporary folder being written.
  public let temporary: String
  private let lock = NSLock()
  private var written: [String] = []
  /// Files carried over from the previous build (hard links to its files):
  /// one written again is unlinked first, so the previous build never changes.
  private var carried = Set<String>()
  /// Folders of the build in `destination` (relative to the top) that join
  /// this one as they are, moved in when it is swapped in (`moveIn`).
  private var movedFolders = Set<String>()
  /// The files in them (relative to the top).
  private var movedFiles = Set<String>()
  /// Held while the build is swapped in, when something reads `destination` as it is live (`clerk serve`).
  public var swapLock: SwapLock?
  /// The SHA-256 of each file written, from the bytes in hand, by path from the top.
  private var digests: [String: WrittenFile] = [:]
  /// Warnings to show the user (e.g. a previous build that could not be fully removed).
  public private(set) var notes: [String] = []

  /// Checks `out` against the content folder and prepares a temporary folder.
  public init(out: String, content: String) throws(Problem) {
    let fileManager = FileManager.default
    // Compared resolved, so that neither can reach the other through a link.
    let destination = ContentFiles.resolvedPath(out)
    let contentPath = ContentFiles.resolvedPath(content)
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
    let parentProblem = Self.createFolder(parent)
    guard parentProblem == 0 else {
      throw Problem(message: "cannot create '\(parent)': \(Self.reason(errno: parentProblem))")
    }
    Self.removeStaleTemporaries(in: parent, name: name)
    let temporary = "\(parent)/.\(name).clerk-tmp-\(getpid())"
    var temporaryProblem = mkdir(temporary, 0o755) == 0 ? 0 : errno
    if temporaryProblem == 0 { temporaryProblem = Self.writeFile(temporary + "/" + Self.temporaryMarker, "") }
    guard temporaryProblem == 0 else {
      throw Problem(message: "cannot write beside '\(out)': \(Self.reason(errno: temporaryProblem))")
    }
    self.destination = destination
    self.temporary = temporary
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
      guard ownerGone else { continue }
      let destination = parent + "/" + name
      let journal = journalPath(parent: parent, name: name, pid: pid)
      if finishSwap(of: path, into: destination, previous: previousName(of: destination, pid: pid)) {
        unlink(journal)
        continue
      }
      putBack(journal: journal, from: path, to: destination)
      try? fileManager.removeItem(atPath: path)
    }
  }

  /// After a build killed between the two renames of a swap (where the file
  /// system cannot exchange): its finished tree goes where the previous
  /// build was, and the previous build, moved aside, is removed as a swap
  /// would have. Whether the tree was finished and moved in.
  static func finishSwap(of temporary: String, into destination: String, previous: String) -> Bool {
    var status = stat()
    let finished = lstat(temporary + "/" + manifestName, &status) == 0
      && lstat(temporary + "/" + temporaryMarker, &status) != 0
    guard finished, lstat(destination, &status) != 0, errno == ENOENT, rename(temporary, destination) == 0 else {
      return false
    }
    if lstat(previous, &status) == 0 { _ = removeBuild(at: previous) }
    return true
  }

  /// Where a build lists the folders it is moving from the previous build
  /// into its own (`moveIn`) until its tree is swapped in: beside both.
  static func journalPath(parent: String, name: String, pid: Int32) -> String {
    "\(parent)/.\(name).clerk-moving-\(pid)"
  }

  /// After a build killed while moving folders in: every folder it moved
  /// from the previous build goes back, so that build is whole again.
  static func putBack(journal: String, from temporary: String, to destination: String) {
    guard let text = try? String(contentsOfFile: journal, encoding: .utf8) else { return }
    for folder in text.split(separator: "\n") where !ParentStep.appears(in: folder) {
      let (source, target) = (temporary + "/" + folder, destination + "/" + folder)
      guard access(source, F_OK) == 0, access(target, F_OK) != 0 else { continue }
      _ = createFolder((target as NSString).deletingLastPathComponent)
      rename(source, target)
    }
    unlink(journal)
  }

  /// Writes files under `subtree` (`public`, `non-public`); safe to call from several threads.
  public func write(_ files: [OutputFile], under subtree: String) throws(Problem) {
    let fileManager = FileManager.default
    var created = Set<String>()
    var paths: [String] = []
    var digested: [(String, WrittenFile)] = []
    let (carried, moved) = lock.withLock { (self.carried, self.movedFolders) }
    for file in files {
      let relative = subtree + "/" + file.path
      if !moved.isEmpty, Self.folders(of: relative).contains(where: { moved.contains(String($0)) }) {
        throw Problem(message: "cannot write '\(relative)': its folder is carried over from the previous build")
      }
      let path = temporary + "/" + relative
      var problem = Self.folderReady(for: path, created: &created)
      if problem == 0 && carried.contains(relative) { unlink(path) }
      var digest: WrittenFile?
      if problem == 0 {
        switch file.contents {
        case .text(var text):
          (problem, digest) = text.withUTF8 { Self.writeDigested(path, UnsafeRawBufferPointer($0)) }
        case .copy(let source):
          guard let contents = fileManager.contents(atPath: source) else {
            throw Problem(message: "cannot read '\(source)' to publish it")
          }
          (problem, digest) = contents.withUnsafeBytes { Self.writeDigested(path, $0) }
        }
      }
      guard problem == 0 else {
        throw Problem(message: Self.writeFailure(relative, errno: problem))
      }
      paths.append(relative)
      if let digest { digested.append((relative, digest)) }
    }
    lock.lock()
    written += paths
    for (relative, digest) in digested { digests[relative] = digest }
    lock.unlock()
  }

  /// Writes a file of the tree again (already listed, so not listed twice).
  public func rewrite(_ relative: String, _ text: String, under subtree: String) throws(Problem) {
    if isCarried(subtree + "/" + relative) { unlink(path(relative, under: subtree)) }
    var text = text
    let (problem, digest) = text.withUTF8 { Self.writeDigested(path(relative, under: subtree), UnsafeRawBufferPointer($0)) }
    guard problem == 0 else { throw Problem(message: Self.writeFailure(subtree + "/" + relative, errno: problem)) }
    lock.withLock { digests[subtree + "/" + relative] = digest }
  }

  /// The SHA-256 and size of a file this build wrote (by path from the
  /// top), while the file is still as it was written (same inode, size and
  /// change time); nil otherwise, and it is read and hashed.
  public func writtenDigest(_ relative: String) -> (sha256: String, size: Int)? {
    guard let digest = lock.withLock({ digests[relative] }) else { return nil }
    var status = stat()
    guard lstat(temporary + "/" + relative, &status) == 0, FileStamp(status) == digest.stamp else { return nil }
    return (digest.sha256, digest.size)
  }

  /// Writes a file, and takes its SHA-256 from the bytes written and its stamp once written.
  static func writeDigested(_ path: String, _ buffer: UnsafeRawBufferPointer) -> (Int32, WrittenFile?) {
    var status = stat()
    let problem = writeFile(path, buffer, status: &status)
    guard problem == 0 else { return (problem, nil) }
    return (0, WrittenFile(sha256: Hex.lowercase(SHA256.hash(data: buffer)), size: buffer.count, stamp: FileStamp(status)))
  }

  /// Carries files of an earlier build (in `previous`: usually
  /// `destination`) over into this one, as they are: hard links (copies
  /// where a link cannot be made). Paths are relative to the top (`public/…`).
  public func carry(_ paths: [String], from previous: String) throws(Problem) {
    var created = Set<String>()
    for relative in paths {
      guard !ParentStep.appears(in: relative) else { throw Problem(message: "cannot carry '\(relative)' over") }
      let target = temporary + "/" + relative
      var problem = Self.folderReady(for: target, created: &created)
      let source = previous + "/" + relative
      if problem == 0 && link(source, target) != 0 {
        problem = errno
        if problem == EXDEV || problem == EPERM || problem == EMLINK {
          problem = FileManager.default.contents(atPath: source).map { data in data.withUnsafeBytes { Self.writeFile(target, $0) } } ?? ENOENT
        }
      }
      guard problem == 0 else { throw Problem(message: Self.writeFailure(relative, errno: problem)) }
    }
    lock.lock()
    written += paths
    carried.formUnion(paths)
    lock.unlock()
  }

  /// Carries whole folders of the build in `destination` (relative to the
  /// top, `public/<committee>/<meeting>`) over into this one, with the
  /// files they hold (`files`, relative to the top): they are moved in
  /// when this build is swapped in (`commit`), not linked one file at a
  /// time, and nothing may be written into them meanwhile. The caller has
  /// checked that they hold exactly `files`, as the previous build left them.
  public func carryFolders(_ folders: [String], files: [String]) throws(Problem) {
    for folder in folders where ParentStep.appears(in: folder) || folder.hasPrefix("/") {
      throw Problem(message: "cannot carry '\(folder)' over")
    }
    lock.lock()
    movedFolders.formUnion(folders)
    movedFiles.formUnion(files)
    written += files
    lock.unlock()
  }

  /// The files of the folders carried over whole under `subtree`, relative to it.
  public func filesInCarriedFolders(under subtree: String) -> [String] {
    let prefix = subtree + "/"
    return lock.withLock { movedFiles }.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
  }

  /// Whether a file (relative to the top) is in a folder carried over by
  /// `carryFolders`: it joins the tree only when the tree is swapped in.
  public func isInCarriedFolder(_ relative: String) -> Bool {
    lock.withLock { movedFiles.contains(relative) }
  }

  /// `relative` and each folder above it, innermost first.
  public static func folders(of relative: String) -> [Substring] {
    var found: [Substring] = []
    var end = relative.lastIndex(of: "/")
    while let slash = end {
      found.append(relative[..<slash])
      end = relative[..<slash].lastIndex(of: "/")
    }
    return found
  }

  /// Whether a file (relative to the top) was carried over from the previous build.
  func isCarried(_ relative: String) -> Bool {
    lock.lock()
    defer { lock.unlock() }
    return carried.contains(relative)
  }

  /// Writes a file at the top of the tree, beside `public/` and `non-public/`.
  public func writeTop(_ name: String, _ text: String) throws(Problem) {
    try writeTop(name, Data(text.utf8))
  }

  public func writeTop(_ name: String, _ data: Data) throws(Problem) {
    let problem = data.withUnsafeBytes { Self.writeFile(temporary + "/" + name, $0) }
    guard problem == 0 else { throw Problem(message: Self.writeFailure(name, errno: problem)) }
    lock.lock()
    written.append(name)
    lock.unlock()
  }

  /// Why a write failed, from `errno`, in words.
  static func writeFailure(_ relative: String, errno: Int32) -> String {
    "cannot write '\(relative)': \(reason(errno: errno))"
  }

  /// A plain write: the whole tree is swapped in at the end, so single
  /// files need no atomic rename (which would fsync each one). Returns 0,
  /// or the `errno` that stopped it, for `reason(errno:)`.
  static func writeFile(_ path: String, _ text: String) -> Int32 {
    var text = text
    return text.withUTF8 { writeFile(path, UnsafeRawBufferPointer($0)) }
  }

  static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer) -> Int32 {
    var status = stat()
    return writeFile(path, buffer, status: &status)
  }

  /// As `writeFile(_:_:)`, with the file's `fstat` once written.
  static func writeFile(_ path: String, _ buffer: UnsafeRawBufferPointer, status: inout stat) -> Int32 {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { return errno }
    var offset = 0
    while let base = buffer.baseAddress, offset < buffer.count {
      let count = Glibc.write(descriptor, base + offset, buffer.count - offset)
      if count < 0 && errno == EINTR { continue }
      if count <= 0 {
        let problem = count < 0 ? errno : EIO
        close(descriptor)
        return problem
      }
      offset += count
    }
    guard fstat(descriptor, &status) == 0 else {
      let problem = errno
      close(descriptor)
      return problem
    }
    // A full disk may only show when the file is closed (NFS, quotas).
    return close(descriptor) == 0 ? 0 : errno
  }

  /// Creates the folder of `path` unless `created` says it was: 0, or the `errno`.
  static func folderReady(for path: String, created: inout Set<String>) -> Int32 {
    let folder = PathName.parent(of: path)
    guard created.insert(folder).inserted else { return 0 }
    return createFolder(folder)
  }

  /// Creates `folder` and any missing parents. Returns 0, or the `errno`
  /// that stopped it (`ENOTDIR` where a file is in the way).
  static func createFolder(_ folder: String) -> Int32 {
    var info = stat()
    if stat(folder, &info) == 0 { return info.st_mode & S_IFMT == S_IFDIR ? 0 : ENOTDIR }
    let parent = PathName.parent(of: folder)
    if !parent.isEmpty && parent != folder {
      let problem = createFolder(parent)
      if problem != 0 { return problem }
    }
    return mkdir(folder, 0o755) == 0 || errno == EEXIST ? 0 : errno
  }

  /// Why a write failed, in words a clerk can act on: a full disk is not a
  /// permissions problem.
  static func reason(errno code: Int32) -> String {
    switch code {
    case ENOSPC: return "no space left on device"
    case EDQUOT: return "no space left on device (disk quota exceeded)"
    case EACCES, EPERM: return "permission denied (is the output folder writable?)"
    case EROFS: return "read-only file system (is the output folder writable?)"
    default: return String(cString: strerror(code))
    }
  }

  /// Where a file of the tree being written is on disk.
  public func path(_ relative: String, under subtree: String) -> String {
    temporary + "/" + subtree + "/" + relative
  }

  /// Records files written at the top of the tree by other means.
  public func registerTop(_ names: [String]) {
    lock.lock()
    written += names
    lock.unlock()
  }

  /// Records files another program wrote into the tree (the PDFs).
  public func register(_ relatives: [String], under subtree: String) {
    lock.lock()
    written += relatives.map { subtree + "/" + $0 }
    lock.unlock()
  }

  /// Every file written so far, in the order of their paths' bytes.
  public var files: [String] {
    UTF8Order.sorted(lock.withLock { written })
  }

  /// How many of the files written so far `predicate` holds for.
  public func countFiles(where predicate: (String) -> Bool) -> Int {
    lock.withLock { written.count(where: predicate) }
  }

  /// Swaps the finished build in place of the previous one.
  public func commit() throws(Problem) {
    let manifest = files.joined(separator: "\n") + "\n"
    var problem = Self.writeFile(temporary + "/" + Self.manifestName, manifest)
    if problem == 0 && unlink(temporary + "/" + Self.temporaryMarker) != 0 { problem = errno }
    guard problem == 0 else {
      throw Problem(message: "cannot finish the build: \(Self.reason(errno: problem))")
    }
    let replaced: String?
    if let swapLock { replaced = try swapLock.swapping(swap) } else { replaced = try swap() }
    if let replaced { removePreviousBuild(replaced) }
  }

  /// The name build `pid` gives the previous build while it removes it.
  static func previousName(of destination: String, pid: Int32) -> String {
    "\(destination).clerk-previous-\(pid)"
  }

  /// Where the build being replaced goes while it is removed: a name not
  /// taken (one kept for files Clerk did not create may hold it).
  func previousPath() -> String {
    let base = Self.previousName(of: destination, pid: getpid())
    var path = base
    var suffix = 1
    var status = stat()
    while lstat(path, &status) == 0 {
      path = base + "-\(suffix)"
      suffix += 1
    }
    return path
  }

  /// Moves the carried folders in, then this build in place of the previous
  /// one in one atomic step (`ExchangeRename`) where the file system can,
  /// else in two renames; returns where the previous build went, if there
  /// was one.
  func swap() throws(Problem) -> String? {
    let journal = try moveIn()
    let previous = previousPath()
    let hadPrevious = FileManager.default.fileExists(atPath: destination)
    if hadPrevious {
      let exchanged = ExchangeRename.exchange(temporary, destination)
      if exchanged == 0 {
        if let journal { unlink(journal) }
        // The previous build is now under the temporary name, which the
        // next build would remove whole: give it the name of one being removed.
        return rename(temporary, previous) == 0 ? previous : temporary
      }
      guard ExchangeRename.isUnsupported(exchanged) else {
        if let journal { Self.putBack(journal: journal, from: temporary, to: destination) }
        throw Problem(message: "cannot replace '\(destination)': \(Self.reason(errno: exchanged))")
      }
      // Two renames: a build killed between them is finished by the next
      // (`removeStaleTemporaries`).
      guard rename(destination, previous) == 0 else {
        let reason = Self.reason(errno: errno)
        if let journal { Self.putBack(journal: journal, from: temporary, to: destination) }
        throw Problem(message: "cannot replace '\(destination)': \(reason)")
      }
    }
    guard rename(temporary, destination) == 0 else {
      let reason = Self.reason(errno: errno)
      if hadPrevious { _ = rename(previous, destination) }
      if let journal { Self.putBack(journal: journal, from: temporary, to: destination) }
      throw Problem(message: "cannot move the build into '\(destination)': \(reason)")
    }
    if let journal { unlink(journal) }
    return hadPrevious ? previous : nil
  }

  /// Moves the carried folders (`carryFolders`) from the previous build
  /// into this one, last of all, listing them first in a journal beside
  /// both: a build killed before its tree is swapped in has them put back
  /// by the next (`removeStaleTemporaries`). Returns the journal's path
  /// (nil when nothing is moved); on a failure every folder goes back.
  func moveIn() throws(Problem) -> String? {
    let folders = lock.withLock { movedFolders }.sorted()
    guard !folders.isEmpty else { return nil }
    let parent = (destination as NSString).deletingLastPathComponent
    let journal = Self.journalPath(parent: parent, name: (destination as NSString).lastPathComponent, pid: getpid())
    var problem = Self.writeFile(journal, folders.joined(separator: "\n") + "\n")
    for folder in folders where problem == 0 {
      let target = temporary + "/" + folder
      problem = Self.createFolder((target as NSString).deletingLastPathComponent)
      if problem == 0 && rename(destination + "/" + folder, target) != 0 { problem = errno }
    }
    guard problem == 0 else {
      Self.putBack(journal: journal, from: temporary, to: destination)
      throw Problem(message: "cannot carry the unchanged meetings over: \(Self.reason(errno: problem))")
    }
    return journal
  }

  /// Removes only what the previous build's manifest lists, then empty folders.
  func removePreviousBuild(_ path: String) {
    // What was moved into the new build is no longer there.
    if !Self.removeBuild(at: path, except: lock.withLock { movedFiles }) {
      notes.append("kept \(path): it holds files the previous build did not create")
    }
  }

  /// Removes the files a build's manifest lists (but `moved`), then its
  /// empty folders; whether the folder itself went too (false when it
  /// holds files the build did not create).
  static func removeBuild(at path: String, except moved: Set<String> = []) -> Bool {
    let fileManager = FileManager.default
    let manifest = fileManager.contents(atPath: path + "/" + Self.manifestName) ?? Data()
    let lines = ByteLines.lines(manifest).map { String(decoding: $0, as: UTF8.self) }.filter { line in
      !ParentStep.appears(in: line) && !moved.contains(line)
    }
    // Listed files only (a plain unlink: a folder in their place is left),
    // on every core: a build has tens of thousands.
    ParallelWork.chunks(count: lines.count, width: ProcessInfo.processInfo.activeProcessorCount) { _, range in
      for line in lines[range] { unlink(path + "/" + line) }
    }
    var folders = Set<String>()
    for line in lines {
      // Its folders, up to the first one already seen (whose own are too).
      var end = line.lastIndex(of: "/")
      while let slash = end, folders.insert(String(line[..<slash])).inserted {
        end = line[..<slash].lastIndex(of: "/")
      }
    }
    try? fileManager.removeItem(atPath: path + "/" + Self.manifestName)
    for folder in folders.sorted(by: { $0.count > $1.count }) {
      rmdir(path + "/" + folder)
    }
    return rmdir(path) == 0
  }

  /// Removes the temporary folder after a failed build.
  public func abandon() {
    try? FileManager.default.removeItem(atPath: temporary)
  }
}
