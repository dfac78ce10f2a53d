import ClerkCore
import ClerkRender
import Foundation

/// A meeting's summaries in both trees (what the archive outputs list of
/// it) as JSON bytes: the record keeps them so, a carried meeting brings
/// them back without decoding them, and `ArchiveKey` digests the bytes.
/// They are decoded only when the archive outputs are rendered. The same
/// summaries always give the same bytes (sorted keys).
struct RecordedSummaries: Sendable, Equatable {
  struct Pair: Codable, Sendable {
    var `public`: MeetingSummary?
    var nonPublic: MeetingSummary?
  }

  let json: Data
  /// The summaries themselves, when this build made them: the archive
  /// outputs take them as they are instead of decoding `json`, which
  /// holds the same (`RecordedSummariesTests`).
  let made: Pair?

  init(json: Data) {
    self.json = json
    made = nil
  }

  init(public: MeetingSummary?, nonPublic: MeetingSummary?) {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    let pair = Pair(public: `public`, nonPublic: nonPublic)
    // Encoding plain strings, numbers and arrays cannot fail.
    json = (try? encoder.encode(pair)) ?? Data()
    made = pair
  }

  /// Two records are equal when their bytes are.
  static func == (a: Self, b: Self) -> Bool { a.json == b.json }

  /// The summaries as made, or else decoded from the bytes; nil when the
  /// bytes are not summaries (a damaged record).
  func summaries() -> Pair? { made ?? (try? JSONDecoder().decode(Pair.self, from: json)) }

  /// Every meeting's summaries (those not made by this build decoded on
  /// every core), as two lists (one
  /// per tree) in the order of `ids`; nil when one cannot be decoded.
  static func lists(_ ids: [MeetingID], _ summaries: [MeetingID: RecordedSummaries]) -> (
    public: [MeetingSummary], nonPublic: [MeetingSummary]
  )? {
    let present = ids.compactMap { summaries[$0] }
    let slots = ResultSlots<Pair>(count: present.count)
    ParallelWork.run(count: present.count, width: ProcessInfo.processInfo.activeProcessorCount) { offset in
      if let pair = present[offset].summaries() { slots.set(offset, pair) }
    }
    let pairs = slots.values
    guard pairs.count == present.count else { return nil }
    return (pairs.compactMap(\.public), pairs.compactMap(\.nonPublic))
  }
}
