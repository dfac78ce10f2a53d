import ClerkCore
import Foundation

/// Which meetings an incremental build carries over from the build already
/// in `--out` (or the one in `folder`), and every meeting's key. A meeting is carried over only when
/// its key is the one recorded (nothing it reads has changed), its check
/// gives the same result for today as for the day the record was made,
/// and every file it left is still there as that build wrote it.
struct ReusePlan: Sendable {
  /// Each meeting's key, and the meetings it names (for `IncrementalRecord`).
  var keys: [MeetingID: (key: String, names: Set<String>)] = [:]
  /// The records of the meetings to carry over.
  var reused: [MeetingID: IncrementalRecord.Meeting] = [:]
  /// For those whose folders hold their files and nothing else: the folders,
  /// to be moved into the new build whole (`RecordedFiles`).
  var folders: [MeetingID: [String]] = [:]
  /// The previous build's record, when one could be used.
  var previous: IncrementalRecord?
  /// The times of the previous build's files, when they go with its record.
  var times: OutputTimes?

  init() {}

  /// `previous` is nil for a full build (no previous record, `--full`, or
  /// another clerk, site, template set or PDF engine).
  init(
    previous: IncrementalRecord?, times: OutputTimes?, inputs: BuildInputs, index: ArchiveIndex, today: CalendarDate,
    folder: String
  ) {
    // Without the times of that build's files, nothing can be shown unchanged.
    let times = previous.flatMap { record in times.flatMap { $0.record == record.digest ? $0 : nil } }
    let usable = previous.flatMap { $0.site == inputs.site && times != nil ? $0 : nil }
    self.previous = usable
    self.times = usable == nil ? nil : times
    let entries = index.meetings
    typealias Carried = (record: IncrementalRecord.Meeting, folders: [String]?)
    let slots = ResultSlots<(MeetingID, (key: String, names: Set<String>), Carried?)>(count: entries.count)
    ParallelWork.run(count: entries.count, width: ProcessInfo.processInfo.activeProcessorCount) { offset in
      let entry = entries[offset]
      let recorded = usable?.meetings[entry.id.path]
      let key = inputs.key(of: entry, index: index, references: recorded?.references ?? [])
      let carried = recorded.flatMap { record -> Carried? in
        // An audited meeting without its audit's memory cannot be carried over.
        guard (record.heldBack || record.audit?.exemptRuns != nil) && record.key == key.key
          && Self.sameToday(record.todayDates, usable!.today, today),
          let files = RecordedFiles.check(record.files, in: folder, times: times!)
        else { return nil }
        return (record, files.folders)
      }
      slots.set(offset, (entry.id, key, carried))
    }
    for (id, key, carried) in slots.values {
      keys[id] = key
      if let carried {
        reused[id] = carried.record
        folders[id] = carried.folders
      }
    }
  }

  /// Whether each date compares with `now` as it did with `then`.
  static func sameToday(_ dates: [CalendarDate], _ then: CalendarDate, _ now: CalendarDate) -> Bool {
    dates.allSatisfy { ($0 < then) == ($0 < now) && ($0 > then) == ($0 > now) }
  }
}
