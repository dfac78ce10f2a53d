import ClerkCore
import Foundation

/// Pagefind, the search index of a static site, as `make search-setup`
/// installs it (`.venv-search/bin/clerk-pagefind`). It reads a finished
/// tree's HTML and writes the index beside it, in `search/`.
public struct Pagefind: Sendable {
  public let executable: String

  /// Where `make search-setup` installs it, relative to the repository.
  public static let installedPath = ".venv-search/bin/clerk-pagefind"
  /// Names another Pagefind binary.
  public static let environmentVariable = "CLERK_PAGEFIND"
  /// Set to 1, a missing Pagefind fails the build instead of a warning.
  public static let requiredVariable = "CLERK_REQUIRE_SEARCH"
  /// The index's folder in each tree.
  public static let folder = SiteFolders.search

  /// Why Pagefind did not index a tree.
  public struct Failure: Error {
    public var message: String
    public init(message: String) { self.message = message }
  }

  public init(executable: String) {
    self.executable = executable
  }

  /// `$CLERK_PAGEFIND`, else `.venv-search/bin/clerk-pagefind` in the
  /// current folder or the nearest folder above it that has one.
  public static func find(
    environment: [String: String] = ProcessInfo.processInfo.environment,
    currentDirectory: String = FileManager.default.currentDirectoryPath
  ) -> Pagefind? {
    InstalledTool.find(
      installedPath, environmentVariable: environmentVariable, environment: environment, currentDirectory: currentDirectory
    ).map(Pagefind.init(executable:))
  }

  /// Whether the environment asks for search to be built (`CLERK_REQUIRE_SEARCH=1`).
  public static func isRequired(environment: [String: String] = ProcessInfo.processInfo.environment) -> Bool {
    environment[requiredVariable] == "1"
  }

  /// Indexes the pages under `site` into `site/search`. Pagefind runs in
  /// `site`, with none of its own `PAGEFIND_*` settings from the
  /// environment, so the same tree always gives the same index.
  public func index(site: String) throws(Failure) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = ["--site", ".", "--output-subdir", Self.folder, "--keep-index-url", "--silent"]
    process.currentDirectoryURL = URL(fileURLWithPath: site)
    process.environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PAGEFIND_") }
    let pipe = Pipe()
    process.standardOutput = pipe
    process.standardError = pipe
    process.standardInput = FileHandle.nullDevice
    do { try process.run() } catch { throw Failure(message: "cannot run \(executable): \(error.localizedDescription)") }
    let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    guard process.terminationReason == .exit, process.terminationStatus == 0 else {
      let how = process.terminationReason == .exit ? "exit \(process.terminationStatus)" : "signal \(process.terminationStatus)"
      throw Failure(message: "Pagefind failed (\(how)): \(Self.summary(output))")
    }
  }

  /// The files of the index in `site/search` (relative to `site`, sorted).
  public static func files(site: String) -> [String] {
    let base = site + "/" + folder
    let written = (FileManager.default.enumerator(atPath: base)?.allObjects as? [String] ?? []).filter { relative in
      var isFolder: ObjCBool = false
      return FileManager.default.fileExists(atPath: base + "/" + relative, isDirectory: &isFolder) && !isFolder.boolValue
    }
    return written.map { folder + "/" + $0 }.sorted()
  }

  /// The last few lines Pagefind printed, on one line.
  static func summary(_ output: String) -> String {
    let lines = output.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    guard !lines.isEmpty else { return "it printed nothing" }
    return lines.suffix(4).joined(separator: " / ")
  }
}
