import Yams

/// `clerk new meeting`: the files of a new draft meeting of a committee —
/// `meeting.yml` with the committee's usual time and venue, and one item
/// per standing item, numbered 10, 20, … — worked out before anything is
/// written, so a problem writes nothing.
public struct MeetingScaffold: Sendable {
  /// Folder relative to the content root: `<committee>/<date>[-<slug>]`.
  public var id: MeetingID
  /// Paths relative to the content root, in writing order.
  public var files: [(path: String, text: String)]
  /// The meeting whose minutes a `minutes-of: previous` item binds in.
  public var previous: MeetingEntry?
  /// Things the clerk should know (no earlier meeting, its minutes missing).
  public var notes: [String] = []

  public struct Problem: Error, Sendable {
    public var message: String
  }

  public static func make(
    index: ArchiveIndex, committee slug: String, date: CalendarDate, folderSlug: String? = nil,
    time: String? = nil, venue: String? = nil
  ) -> Result<MeetingScaffold, Problem> {
    guard let committee = index.committee(slug) else {
      let known = index.committees.map(\.slug)
      return .failure(
        Problem(
          message: "no committee '\(slug)' in \(index.root)" + KeySuggestion.didYouMean(slug, in: known)
            + (known.isEmpty ? "" : " (committees: \(known.joined(separator: ", ")))")))
    }
    if let folderSlug, !ArchiveLoader.isSlug(folderSlug) {
      return .failure(Problem(message: "--slug must be lowercase letters, digits and hyphens"))
    }
    let id = MeetingID(committee: slug, folder: date.iso + (folderSlug.map { "-" + $0 } ?? ""))
    guard ContentFiles(root: index.root).kind(id.path) == nil else {
      return .failure(Problem(message: "\(id.path) already exists; Clerk never overwrites a meeting (pass --slug for a second meeting that day)"))
    }
    guard let time = time.map({ ArchiveLoader.parseTime($0) }) ?? committee.time else {
      return .failure(
        Problem(
          message: time == nil
            ? "\(slug)/committee.yml has no usual 'time'; add one (time: \"18:30\") or pass --time"
            : "--time must be a 24-hour time such as 18:30"))
    }
    guard let venue = venue ?? committee.venue else {
      return .failure(Problem(message: "\(slug)/committee.yml has no usual 'venue'; add one or pass --venue"))
    }
    // A cancelled meeting has no minutes to approve.
    let previous = index.meetings.filter { $0.id.committee == slug && $0.date < date && $0.status != .cancelled }
      .max { ($0.date, $0.time, $0.id.folder) < ($1.date, $1.time, $1.id.folder) }
    var scaffold = MeetingScaffold(id: id, files: [], previous: previous)
    scaffold.files.append((id.path + "/meeting.yml", meetingYAML(date: date, time: time, venue: venue)))
    for (offset, item) in committee.standingItems.enumerated() {
      var frontMatter = item.frontMatter
      if item.minutesOfPrevious {
        if let previous {
          frontMatter += "minutes-of: \(previous.id.folder)\n"
          let (file, has) = item.isExempt ? ("minutes.non-public.md", previous.hasNonPublicMinutes) : ("minutes.md", previous.hasMinutes)
          if !has {
            scaffold.notes.append("\(previous.id.path) has no \(file) yet: add it before this agenda is published")
          }
        } else {
          scaffold.notes.append("'\(item.slug)' has no 'minutes-of': \(committee.name) has no meeting before \(date.iso)")
        }
      }
      let number = String(format: "%02d", (offset + 1) * 10)
      scaffold.files.append(("\(id.path)/\(number)-\(item.slug).md", "---\n" + frontMatter + "---\n"))
    }
    return .success(scaffold)
  }

  static func meetingYAML(date: CalendarDate, time: String, venue: String) -> String {
    let mapping: Node.Mapping = [
      "date": Node(date.iso),
      "time": Node(time, Tag(.str), .doubleQuoted),
      "venue": Node(venue),
      "status": Node("draft"),
    ]
    return (try? Yams.serialize(node: .mapping(mapping), width: -1)) ?? ""
  }
}
