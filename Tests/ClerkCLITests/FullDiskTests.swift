import Foundation
import TestSupport
import Testing

/// A build into a full file system (a 64 KB tmpfs) says so, and leaves
/// nothing behind. Needs root and permission to mount; skipped otherwise.
@Suite struct FullDiskTests {
  static let mayMount = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/mount")

  static func run(_ executable: String, _ arguments: [String]) -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return -1 }
    process.waitUntilExit()
    return process.terminationStatus
  }

  @Test(.enabled(if: mayMount)) func aFullDiskIsReportedAsNoSpaceLeft() throws {
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let disk = folder.appendingPathComponent("disk")
    try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
    // Not permitted here (a container without CAP_SYS_ADMIN): nothing to test.
    guard Self.run("/usr/bin/mount", ["-t", "tmpfs", "-o", "size=64k", "tmpfs", disk.path]) == 0 else { return }
    defer { _ = Self.run("/usr/bin/umount", [disk.path]) }
    let output = try ClerkProcess.run([
      "build", "Tests/Fixtures/site-small/Content", "--out", disk.appendingPathComponent("build").path,
      "--today", "2026-03-01", "--quiet", "--no-pdf",
    ])
    #expect(output.status == 1)
    #expect(output.stderr.contains(": no space left on device\n"), "\(output.stderr)")
    #expect(!output.stderr.contains("writable"), "\(output.stderr)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: disk.path) == [], "left behind")
  }
}
