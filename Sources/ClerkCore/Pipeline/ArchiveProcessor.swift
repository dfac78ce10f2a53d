import Dispatch
import Foundation

/// One meeting after load, check and plan.
public struct MeetingResult: Sendable {
  public var entry: MeetingEntry
  public var meeting: Meeting
  /// The full plan; narrow it before rendering.
  public var plan: MeetingPlan
  public var diagnostics: Diagnostics
}

/// Runs load → check → plan over every meeting of an archive, in parallel
/// batches, handing results back in archive order. Memory stays bounded by
/// the batch size, whatever the size of the archive.
public struct ArchiveProcessor: Sendable {
  public let index: ArchiveIndex
  public let today: CalendarDate
  public var batchSize: Int

  public init(index: ArchiveIndex, today: CalendarDate, batchSize: Int = 64) {
    self.index = index
    self.today = today
    self.batchSize = max(1, batchSize)
  }

  public func process(_ entries: [MeetingEntry]? = nil, _ handle: (MeetingResult) throws -> Void) rethrows {
    let entries = entries ?? index.meetings
    let loader = MeetingLoader(index: index)
    let checker = MeetingChecker(index: index, today: today)
    let planner = MeetingPlanner(index: index) { id, access in
      let path = id.path + (access == .exempt ? "/minutes.non-public.md" : "/minutes.md")
      var ignored = Diagnostics()  // reported when that meeting itself is loaded
      return loader.loadMinutes(path, meeting: id, access: access, &ignored)
    }
    var start = 0
    while start < entries.count {
      let batch = Array(entries[start..<min(start + batchSize, entries.count)])
      let slots = ResultSlots(count: batch.count)
      DispatchQueue.concurrentPerform(iterations: batch.count) { offset in
        let entry = batch[offset]
        var (meeting, diagnostics) = loader.loadMeeting(entry)
        diagnostics.append(contentsOf: checker.check(meeting, entry: entry))
        let plan = planner.plan(meeting)
        slots.set(offset, MeetingResult(entry: entry, meeting: meeting, plan: plan, diagnostics: diagnostics))
      }
      for result in slots.values { try handle(result) }
      start += batch.count
    }
  }
}

/// Results of one parallel batch, written by index under a lock.
final class ResultSlots: @unchecked Sendable {
  private var slots: [MeetingResult?]
  private let lock = NSLock()

  init(count: Int) { slots = Array(repeating: nil, count: count) }

  func set(_ index: Int, _ value: MeetingResult) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  var values: [MeetingResult] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}
