import Foundation

/// Writes a small content tree from one string, Hugo-txtar style:
///
///     -- site.yml --
///     organisation: Test
///     -- safeguarding/committee.yml --
///     name: Safeguarding
///
/// A `1️⃣` marker in a file is removed and its line:column remembered, so a
/// test can assert exactly where a diagnostic points.
public struct InlineTree {
  public let root: URL
  /// Marker positions: file path → (line, column).
  public private(set) var markers: [String: (line: Int, column: Int)] = [:]

  public static let marker = "1️⃣"

  /// The smallest archive with a meeting: a site, committee `c` and its
  /// published meeting of 10 February 2020 (add lines to its meeting.yml by
  /// appending them, and files after it).
  public static let oneMeeting = """
    -- site.yml --
    organisation: Test Council
    base-url: https://example.org/
    -- c/committee.yml --
    name: Test Committee
    -- c/2020-02-10/meeting.yml --
    date: 2020-02-10
    time: "11:00"
    venue: Guildhall
    status: published
    """

  /// The committee's previous meeting (2019-11-25, published), up to the
  /// header of its `minutes.md`: the minutes' text follows.
  public static let previousMeetingMinutes = """
    -- c/2019-11-25/meeting.yml --
    date: 2019-11-25
    time: "11:00"
    venue: Guildhall
    status: published
    -- c/2019-11-25/minutes.md --
    """

  public init(_ text: String) throws {
    root = FileManager.default.temporaryDirectory.appendingPathComponent("clerk-test-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    var files: [(String, [Substring])] = []
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("-- ") && line.hasSuffix(" --") && line.count > 6 {
        files.append((String(line.dropFirst(3).dropLast(3)), []))
      } else if !files.isEmpty {
        files[files.count - 1].1.append(line)
      }
    }
    for (path, lines) in files {
      try write(path, lines.joined(separator: "\n") + "\n")
    }
  }

  /// Writes one file (creating folders), recording a marker if present.
  public mutating func write(_ path: String, _ contents: String) throws {
    var contents = contents
    if let range = contents.range(of: Self.marker) {
      let before = contents[..<range.lowerBound]
      let line = before.count(where: { $0 == "\n" }) + 1
      let column = before.split(separator: "\n", omittingEmptySubsequences: false).last.map { $0.count + 1 } ?? 1
      markers[path] = (line, column)
      contents.removeSubrange(range)
    }
    let url = root.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(contents.utf8).write(to: url)
  }

  public var path: String { root.path }

  /// "path:line:column" of the marker in `file`.
  public func location(_ file: String) -> String? {
    markers[file].map { "\(file):\($0.line):\($0.column)" }
  }

  public func remove() {
    try? FileManager.default.removeItem(at: root)
  }
}

/// The repository's root, found from this file's path.
public let repositoryRoot: URL = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
