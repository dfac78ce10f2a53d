/// `clerk verify NEW OLD`: every file of a meeting OLD published that NEW
/// changed or dropped is a change, unless NEW declares a revision of that
/// meeting that OLD did not have.
public struct ManifestComparison: Sendable {
  /// A file changed (or gone) without a revision.
  public struct Change: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Relative to the tree.
    public var file: String
    /// What OLD had settled the meeting as (`Manifest.Meeting.settled`).
    public var since: String
    public var isRemoved: Bool

    public var description: String { "public/\(file): changed since \(since)" }

    public static func < (a: Change, b: Change) -> Bool { a.file < b.file }
  }

  /// A meeting whose files changed under a new revision: accepted.
  public struct Revised: Sendable, Hashable {
    public var meeting: String
    public var files: Int
    public var revisions: [Manifest.Revision]
  }

  public var changes: [Change] = []
  public var revised: [Revised] = []
  /// How many meetings OLD published.
  public var meetings = 0

  public init(new: Manifest, old: Manifest) {
    meetings = old.meetings.count
    let (oldFiles, newFiles) = (old.filesByMeeting, new.filesByMeeting)
    for (path, was) in old.meetings.sorted(by: { $0.key < $1.key }) {
      let before = oldFiles[path] ?? [:]
      let after = newFiles[path] ?? [:]
      let changed = before.keys.filter { after[$0] != before[$0] }.sorted()
      guard !changed.isEmpty else { continue }
      let added = (new.meetings[path]?.revisions ?? []).filter { !was.revisions.contains($0) }
      if added.isEmpty {
        changes += changed.map { Change(file: $0, since: was.settled, isRemoved: after[$0] == nil) }
      } else {
        revised.append(Revised(meeting: path, files: changed.count, revisions: added))
      }
    }
  }
}
