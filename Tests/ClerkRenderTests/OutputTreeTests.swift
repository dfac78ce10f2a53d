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
