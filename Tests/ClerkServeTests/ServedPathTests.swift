import Foundation
import Testing

@testable import ClerkServe

/// The path resolver refuses every way out of the served tree: `..` as
/// written and percent-encoded, backslashes, NUL, encoded slashes and
/// symbolic links that lead outside.
@Suite struct ServedPathTests {
  let folder: URL
  let root: String

  init() throws {
    let fileManager = FileManager.default
    folder = fileManager.temporaryDirectory.appendingPathComponent("served-\(UUID().uuidString)")
    root = folder.appendingPathComponent("public").path
    for path in ["public/a", "outside"] {
      try fileManager.createDirectory(at: folder.appendingPathComponent(path), withIntermediateDirectories: true)
    }
    for path in ["public/index.html", "public/a/index.html", "public/a/page.html", "public/.hidden", "site.yml", "outside/index.html"] {
      try Data(path.utf8).write(to: folder.appendingPathComponent(path))
    }
    try fileManager.createSymbolicLink(atPath: root + "/link-out", withDestinationPath: folder.path + "/site.yml")
    try fileManager.createSymbolicLink(atPath: root + "/folder-out", withDestinationPath: folder.path + "/outside")
    try fileManager.createSymbolicLink(atPath: root + "/link-in", withDestinationPath: "a/page.html")
  }

  func real(_ path: String) -> String {
    URL(fileURLWithPath: root + "/" + path).resolvingSymlinksInPath().path
  }

  @Test func servesFilesAndFolderIndexes() {
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(ServedPath.resolve("/", in: root) == .file(real("index.html")))
    #expect(ServedPath.resolve("/a/", in: root) == .file(real("a/index.html")))
    #expect(ServedPath.resolve("/a/page.html", in: root) == .file(real("a/page.html")))
    #expect(ServedPath.resolve("/a//page.html", in: root) == .file(real("a/page.html")))
    #expect(ServedPath.resolve("/a", in: root) == .redirect("/a/"))
    #expect(ServedPath.resolve("/link-in", in: root) == .file(real("a/page.html")))
    #expect(ServedPath.resolve("/missing.html", in: root) == .notFound)
    #expect(ServedPath.resolve("/.hidden", in: root) == .notFound)
    #expect(ServedPath.resolve("//etc/passwd", in: root) == .notFound)
  }

  @Test(arguments: [
    "/../site.yml", "/a/../../site.yml", "/%2e%2e/site.yml", "/%2E%2E%2Fsite.yml", "/a/%2e%2e/%2e%2e/site.yml",
    "/.%2e/site.yml", "/./index.html", "/..%5csite.yml", "/a\\..\\..\\site.yml", "/index.html%00.png",
    "/%2fetc%2fpasswd", "/%zz", "site.yml", "http://127.0.0.1/../site.yml", "/link-out", "/folder-out/",
    "/folder-out/index.html",
  ])
  func refuses(_ target: String) {
    defer { try? FileManager.default.removeItem(at: folder) }
    #expect(ServedPath.resolve(target, in: root) == .forbidden)
  }
}
