import Foundation

/// The agenda numbers of every published meeting, as a build records them
/// beside its output (`agenda-numbers.json`, outside `public/`: it names
/// items by their file's slug). The next build into the same folder reads
/// them back: once published, an agenda's numbers never move, so a build
/// that would give a published item another number is an error naming it.
public struct PublishedNumbers: Sendable, Equatable {
  public static let fileName = "agenda-numbers.json"

  /// Meeting folder (`committee/2020-02-10`) → item slug → number ("12A").
  public private(set) var meetings: [String: [String: String]] = [:]

  public init() {}

  /// Reads a previous build's record; nil when there is none or it is not one.
  public init?(contentsOf path: String) {
    guard let data = FileManager.default.contents(atPath: path),
      let meetings = try? JSONDecoder().decode([String: [String: String]].self, from: data)
    else { return nil }
    self.meetings = meetings
  }

  /// Remembers the numbers of a published meeting (a draft's may still move).
  public mutating func record(_ plan: MeetingPlan) {
    guard plan.status != .draft else { return }
    meetings[plan.id.path] = plan.numbersBySlug.mapValues(\.description)
  }

  /// Puts back a meeting's numbers as an earlier build recorded them (an
  /// incremental build, for a meeting it carries over).
  public mutating func record(_ meeting: String, numbers: [String: String]) {
    meetings[meeting] = numbers
  }

  /// The numbers recorded for one meeting.
  public func numbers(of meeting: String) -> [String: String]? { meetings[meeting] }

  /// The record as written: sorted keys, so the same archive writes the same bytes.
  public var json: String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
    let data = (try? encoder.encode(meetings)) ?? Data("{}".utf8)
    return String(decoding: data, as: UTF8.self) + "\n"
  }

  /// An error for every item of a published `plan` whose number differs
  /// from the one this record has for it. `folder` names the previous build.
  public func moves(in plan: MeetingPlan, folder: String) -> [Diagnostic] {
    guard plan.status != .draft, let published = meetings[plan.id.path] else { return [] }
    var found: [Diagnostic] = []
    for item in plan.items {
      guard let slug = item.slug, let path = item.path, let before = published[slug], before != item.number.description
      else { continue }
      found.append(
        Diagnostic(
          .error,
          "this item was published as Agenda Item \(before) (the previous build in '\(folder)') and would now be Agenda Item \(item.number); a published agenda's numbers never move: give an item added later 'supplement: N' (it is then numbered after the item before it, as \(before)A), keep a released item in Part 2 with 'released:', and leave withdrawn items in place",
          at: SourceLocation(path: path)))
    }
    return found
  }
}
