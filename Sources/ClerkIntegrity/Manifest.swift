import Foundation

/// `public/manifest.json`: the SHA-256 and size of every other file of the
/// tree, and the meetings the tree publishes with the revisions each
/// declares, so `clerk verify` can tell a silent change to a published
/// meeting from a declared one.
public struct Manifest: Codable, Sendable, Equatable {
  public static let fileName = "manifest.json"

  /// One file's fingerprint.
  public struct File: Codable, Sendable, Equatable {
    public var sha256: String
    public var size: Int

    public init(sha256: String, size: Int) {
      self.sha256 = sha256
      self.size = size
    }
  }

  /// A meeting the tree publishes (published or cancelled).
  public struct Meeting: Codable, Sendable, Equatable {
    public var date: String
    public var status: String
    /// The day its agenda was published (`published:`), when given.
    public var published: String?
    public var revisions: [Revision]

    public init(date: String, status: String, published: String?, revisions: [Revision]) {
      self.date = date
      self.status = status
      self.published = published
      self.revisions = revisions
    }

    /// The last day the meeting's files were declared: its newest revision,
    /// else its publication, else its date.
    public var settled: String {
      revisions.map(\.date).max() ?? published ?? date
    }
  }

  /// One `revisions:` entry, as written.
  public struct Revision: Codable, Sendable, Hashable {
    public var date: String
    public var note: String

    public init(date: String, note: String) {
      self.date = date
      self.note = note
    }
  }

  /// The manifest's own format; a reader refuses others.
  public var format = 1
  /// By meeting path, `<committee>/<folder>`.
  public var meetings: [String: Meeting]
  /// By path relative to the tree (`audit-and-governance/2025-06-18/index.html`).
  public var files: [String: File]

  public init(meetings: [String: Meeting], files: [String: File]) {
    self.meetings = meetings
    self.files = files
  }

  /// Sorted keys, one entry a line: the same tree gives the same bytes.
  /// Written by `ManifestText` (a build's manifest lists tens of
  /// thousands of files); `encodedJSON` is the same text from `JSONEncoder`.
  public var json: String { ManifestText.of(self) }

  /// The straightforward text `json` must equal, byte for byte.
  var encodedJSON: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    // Encoding plain strings and numbers cannot fail.
    return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
  }

  /// The files of every meeting folder (`<committee>/<meeting>/…`), by
  /// the meeting's path: one pass over the list.
  public var filesByMeeting: [String: [String: File]] {
    var grouped: [String: [String: File]] = [:]
    for (path, file) in files {
      let parts = path.split(separator: "/", maxSplits: 2)
      guard parts.count == 3 else { continue }
      grouped[parts[0] + "/" + parts[1], default: [:]][path] = file
    }
    return grouped
  }

  /// Why a manifest could not be read.
  public struct Problem: Error, Sendable {
    public var message: String

    public init(message: String) { self.message = message }
  }

  /// The manifest of a build: `build` may be the build folder, its
  /// `public/` folder or the manifest file itself.
  public static func read(_ build: String) -> Result<Manifest, Problem> {
    var isDirectory: ObjCBool = false
    var path = build
    if FileManager.default.fileExists(atPath: build, isDirectory: &isDirectory), isDirectory.boolValue {
      let inPublic = build + "/public/" + fileName
      path = FileManager.default.fileExists(atPath: inPublic) ? inPublic : build + "/" + fileName
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      return .failure(Problem(message: "'\(path)' cannot be read; give a build folder that holds public/\(fileName)"))
    }
    do {
      let manifest = try JSONDecoder().decode(Manifest.self, from: data)
      guard manifest.format == 1 else {
        return .failure(Problem(message: "'\(path)' is manifest format \(manifest.format); this clerk reads format 1"))
      }
      return .success(manifest)
    } catch {
      return .failure(Problem(message: "'\(path)' is not a Clerk manifest: \(error)"))
    }
  }
}
