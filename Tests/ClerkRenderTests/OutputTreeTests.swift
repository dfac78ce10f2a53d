import ClerkCore
import Foundation
import TestSupport
import Testing

@testable import ClerkRender

#if canImport(Glibc)
  import Glibc
#endif

/// A failed write says why: a full disk is not a permissions problem.
@Suite struct OutputTreeTests {
  @Test func reasonsNameTheFailure() {
    #expect(OutputTree.reason(errno: ENOSPC) == "no space left on device")
    #expect(OutputTree.reason(errno: EDQUOT) == "no space left on device (disk quota exceeded)")
    #expect(OutputTree.reason(errno: EACCES) == "permission denied (is the output folder writable?)")
    #expect(OutputTree.reason(errno: EROFS) == "read-only file system (is the output folder writable?)")
    #expect(OutputTree.reason(errno: ENOTDIR) == "Not a directory")
  }

  /// `/dev/full` fails every write with `ENOSPC`.
  @Test(.enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
  func aFullDiskIsReportedAsNoSpaceLeft() throws {
    #expect(OutputTree.writeFile("/dev/full", "text") == ENOSPC)
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tree = try OutputTree(
      out: folder.appendingPathComponent("build").path, content: folder.appendingPathComponent("content").path)
    defer { tree.abandon() }
    #expect(OutputTree.createFolder(tree.temporary + "/public/a") == 0)
    try FileManager.default.createSymbolicLink(
      atPath: tree.temporary + "/public/a/full.html", withDestinationPath: "/dev/full")
    try tree.write([OutputFile(path: "a/page.html", text: "fits")], under: "public")
    let problem = #expect(throws: OutputTree.Problem.self) {
      try tree.write([OutputFile(path: "a/full.html", text: "does not fit")], under: "public")
    }
    #expect(problem?.message == "cannot write 'public/a/full.html': no space left on device")
  }

  @Test func aFileInTheWayOfAFolderIsNotADirectory() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    try Data("x".utf8).write(to: folder.appendingPathComponent("file"))
    #expect(OutputTree.createFolder(folder.appendingPathComponent("file/a/b").path) == ENOTDIR)
    #expect(OutputTree.createFolder(folder.appendingPathComponent("a/b/c").path) == 0)
    #expect(OutputTree.createFolder(folder.appendingPathComponent("a/b/c").path) == 0)
  }
}

/// Folders carried over whole (`carryFolders`) are moved in when the tree
/// is swapped in; a build killed while moving them has them put back.
@Suite struct CarriedFolderTests {
  func write(_ text: String, _ path: String) throws {
    try FileManager.default.createDirectory(
      atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: false, encoding: .utf8)
  }

  /// The id of a process that has ended (a killed build's, as the next build finds it).
  static func endedProcessID() throws -> Int32 {
    let ended = Process()
    ended.executableURL = URL(fileURLWithPath: "/bin/true")
    try ended.run()
    ended.waitUntilExit()
    return ended.processIdentifier
  }

  func firstBuild(in folder: URL) throws -> String {
    let out = folder.appendingPathComponent("out").path
    let tree = try OutputTree(out: out, content: folder.appendingPathComponent("content").path)
    try tree.write(
      [OutputFile(path: "c/m1/index.html", text: "one"), OutputFile(path: "c/m2/index.html", text: "two")], under: "public")
    try tree.commit()
    return out
  }

  @Test func carriedFoldersAreMovedInWhenTheTreeIsSwappedIn() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = try firstBuild(in: folder)
    let tree = try OutputTree(out: out, content: folder.appendingPathComponent("content").path)
    try tree.carryFolders(["public/c/m1"], files: ["public/c/m1/index.html"])
    #expect(tree.isInCarriedFolder("public/c/m1/index.html") && !tree.isInCarriedFolder("public/c/m2/index.html"))
    #expect(throws: OutputTree.Problem.self) {
      try tree.write([OutputFile(path: "c/m1/extra.html", text: "no")], under: "public")
    }
    try tree.write([OutputFile(path: "c/m2/index.html", text: "two, again")], under: "public")
    // Until the swap, the previous build is whole.
    #expect(FileManager.default.fileExists(atPath: out + "/public/c/m1/index.html"))
    try tree.commit()
    #expect(try String(contentsOfFile: out + "/public/c/m1/index.html", encoding: .utf8) == "one")
    #expect(try String(contentsOfFile: out + "/public/c/m2/index.html", encoding: .utf8) == "two, again")
    let manifest = try String(contentsOfFile: out + "/" + OutputTree.manifestName, encoding: .utf8)
    #expect(manifest == "public/c/m1/index.html\npublic/c/m2/index.html\n")
    let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "out" }
    #expect(beside.isEmpty, "left beside the output: \(beside)")
  }

  @Test func aKilledBuildsMovedFoldersArePutBack() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = try firstBuild(in: folder)
    // A build (a process that has ended) moved public/c/m1 into its temporary tree, then died.
    let pid = try CarriedFolderTests.endedProcessID()
    let temporary = folder.path + "/.out.clerk-tmp-\(pid)"
    try FileManager.default.createDirectory(atPath: temporary + "/public/c", withIntermediateDirectories: true)
    try "public/c/m1\n".write(toFile: folder.path + "/.out.clerk-moving-\(pid)", atomically: false, encoding: .utf8)
    #expect(rename(out + "/public/c/m1", temporary + "/public/c/m1") == 0)
    // The next build puts it back before it starts.
    let tree = try OutputTree(out: out, content: folder.appendingPathComponent("content").path)
    defer { tree.abandon() }
    #expect(try String(contentsOfFile: out + "/public/c/m1/index.html", encoding: .utf8) == "one")
    #expect(!FileManager.default.fileExists(atPath: temporary))
    #expect(!FileManager.default.fileExists(atPath: folder.path + "/.out.clerk-moving-\(pid)"))
  }
}

/// The swap of a finished build for the previous one leaves no moment
/// without an output, and a build killed mid-swap is finished by the next.
@Suite struct SwapTests {
  @Test func anExchangeSwapsTwoFoldersInOneStep() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let (first, second) = (folder.path + "/first", folder.path + "/second")
    try CarriedFolderTests().write("one", first + "/page.html")
    try CarriedFolderTests().write("two", second + "/page.html")
    let code = ExchangeRename.exchange(first, second)
    // Where the file system cannot exchange, the two-rename swap is used
    // (and the next test covers its recovery); this one runs where it can.
    try #require(code == 0 || ExchangeRename.isUnsupported(code), "errno \(code)")
    guard code == 0 else { return }
    #expect(try String(contentsOfFile: first + "/page.html", encoding: .utf8) == "two")
    #expect(try String(contentsOfFile: second + "/page.html", encoding: .utf8) == "one")
    #expect(ExchangeRename.exchange(first, folder.path + "/missing") == ENOENT)
  }

  @Test func aBuildKilledBetweenTheRenamesOfASwapIsFinishedByTheNext() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = try CarriedFolderTests().firstBuild(in: folder)
    // A build (a process that has ended) wrote its tree, moved public/c/m1
    // in, moved the previous build aside, and died before moving its own in.
    let pid = try CarriedFolderTests.endedProcessID()
    let temporary = folder.path + "/.out.clerk-tmp-\(pid)"
    let previous = out + ".clerk-previous-\(pid)"
    let journal = folder.path + "/.out.clerk-moving-\(pid)"
    try CarriedFolderTests().write("two, finished", temporary + "/public/c/m2/index.html")
    try "public/c/m1/index.html\npublic/c/m2/index.html\n".write(
      toFile: temporary + "/" + OutputTree.manifestName, atomically: false, encoding: .utf8)
    try "public/c/m1\n".write(toFile: journal, atomically: false, encoding: .utf8)
    #expect(rename(out + "/public/c/m1", temporary + "/public/c/m1") == 0)
    #expect(rename(out, previous) == 0)
    // The next build starts from the finished one, and nothing is left beside it.
    let tree = try OutputTree(out: out, content: folder.appendingPathComponent("content").path)
    tree.abandon()
    #expect(try String(contentsOfFile: out + "/public/c/m1/index.html", encoding: .utf8) == "one")
    #expect(try String(contentsOfFile: out + "/public/c/m2/index.html", encoding: .utf8) == "two, finished")
    let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0 != "out" }
    #expect(beside.isEmpty, "left beside the output: \(beside)")
  }

  @Test func anUnfinishedBuildOfAKilledProcessIsRemovedAndTheOutputKept() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = try CarriedFolderTests().firstBuild(in: folder)
    let pid = try CarriedFolderTests.endedProcessID()
    // Its manifest is written but its marker is still there: not finished.
    let temporary = folder.path + "/.out.clerk-tmp-\(pid)"
    try CarriedFolderTests().write("half", temporary + "/public/c/m2/index.html")
    try "".write(toFile: temporary + "/" + OutputTree.manifestName, atomically: false, encoding: .utf8)
    try "".write(toFile: temporary + "/.clerk-temporary", atomically: false, encoding: .utf8)
    let tree = try OutputTree(out: out, content: folder.appendingPathComponent("content").path)
    tree.abandon()
    #expect(try String(contentsOfFile: out + "/public/c/m2/index.html", encoding: .utf8) == "two")
    #expect(!FileManager.default.fileExists(atPath: temporary))
  }
}

/// The digests of written files come from the bytes written (what
/// `sha256sum` says of them), and only while the file is as written.
@Suite struct WrittenDigestTests {
  @Test func aWrittenFilesDigestHoldsUntilTheFileChanges() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let tree = try OutputTree(out: folder.appendingPathComponent("out").path, content: folder.appendingPathComponent("content").path)
    defer { tree.abandon() }
    try tree.write([OutputFile(path: "c/m/index.html", text: "one")], under: "public")
    let written = try #require(tree.writtenDigest("public/c/m/index.html"))
    #expect(written.sha256 == "7692c3ad3540bb803c020b3aee66cd8887123234ea0c6e7143c0add73ff431ed" && written.size == 3)
    try tree.rewrite("c/m/index.html", "two, again", under: "public")
    #expect(tree.writtenDigest("public/c/m/index.html")?.sha256 == "0b5b08869b305ce2a6aa8278e47c8caf0f69ccc5d691cd1001175a5234a13ea5")
    // Changed behind the tree's back, even to the same size (once the
    // clock has moved on: file times are coarse): no digest, so it is read.
    usleep(50_000)
    try "two, AGAIN".write(toFile: tree.path("c/m/index.html", under: "public"), atomically: false, encoding: .utf8)
    #expect(tree.writtenDigest("public/c/m/index.html") == nil)
    #expect(tree.writtenDigest("public/c/m/never-written.html") == nil)
  }
}

/// Reading a live output while builds are swapped into it (`clerk serve`).
@Suite struct SwapLockTests {
  /// A reader holding the lock finds every carried page, however the swaps fall.
  @Test func aReaderNeverFindsTheOutputHalfSwapped() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = try CarriedFolderTests().firstBuild(in: folder)
    let lock = SwapLock()
    let stop = Locked(false)
    let misses = Locked(0)
    let reads = Locked(0)
    let reader = Thread {
      while !stop.value {
        let found = lock.reading { FileManager.default.contents(atPath: out + "/public/c/m1/index.html") != nil }
        reads.value += 1
        if !found { misses.value += 1 }
      }
    }
    reader.start()
    for round in 0..<40 {
      let tree = try OutputTree(out: out, content: folder.appendingPathComponent("content").path)
      tree.swapLock = lock
      try tree.carryFolders(["public/c/m1"], files: ["public/c/m1/index.html"])
      try tree.write([OutputFile(path: "c/m2/index.html", text: "round \(round)")], under: "public")
      try tree.commit()
    }
    stop.value = true
    while !reader.isFinished { usleep(1000) }
    #expect(reads.value > 0)
    #expect(misses.value == 0, "\(misses.value) of \(reads.value) reads found no page")
  }

  /// A previous build kept for a file Clerk did not create does not stop the next swap.
  @Test func aKeptPreviousBuildIsSteppedAround() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = try CarriedFolderTests().firstBuild(in: folder)
    try "planted".write(toFile: out + "/public/planted.txt", atomically: false, encoding: .utf8)
    for round in 0..<2 {
      let tree = try OutputTree(out: out, content: folder.appendingPathComponent("content").path)
      try tree.write([OutputFile(path: "c/m1/index.html", text: "round \(round)")], under: "public")
      try tree.commit()
      #expect(try String(contentsOfFile: out + "/public/c/m1/index.html", encoding: .utf8) == "round \(round)")
    }
    let kept = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { $0.contains("clerk-previous") }
    #expect(kept.count == 1, "\(kept)")
  }
}
