import Dispatch
import Foundation

/// One meeting after load, check and plan.
public struct MeetingResult: Sendable {
  public var entry: MeetingEntry
  public var meeting: Meeting
  /// The meeting's files as written, and the minutes its plan binds in.
  public var sources: MeetingSources
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
  /// Threads per batch: more than the cores, because reading the content
  /// often waits on the disk rather than the processor.
  public var width: Int

  public init(index: ArchiveIndex, today: CalendarDate, batchSize: Int = 64, width: Int? = nil) {
    self.index = index
    self.today = today
    self.batchSize = max(1, batchSize)
    self.width = max(1, width ?? ProcessInfo.processInfo.activeProcessorCount * 3)
  }

  public func process(_ entries: [MeetingEntry]? = nil, _ handle: (MeetingResult) throws -> Void) rethrows {
    try process(entries, transform: { _ in () }, { result, _ in try handle(result) })
  }

  /// Like `process(_:_:)`, with a `transform` (rendering, say) that runs on
  /// the worker threads right after each meeting is planned; `handle` then
  /// gets both, one at a time, in archive order.
  public func process<T>(
    _ entries: [MeetingEntry]? = nil, transform: @escaping @Sendable (MeetingResult) -> T,
    _ handle: (MeetingResult, T) throws -> Void
  ) rethrows {
    let entries = entries ?? index.meetings
    let loader = MeetingLoader(index: index)
    let checker = MeetingChecker(index: index, today: today)
    var start = 0
    while start < entries.count {
      let batch = Array(entries[start..<min(start + batchSize, entries.count)])
      let slots = ResultSlots<(MeetingResult, T)>(count: batch.count)
      ParallelWork.run(count: batch.count, width: width) { offset in
        let entry = batch[offset]
        var (loaded, diagnostics) = loader.loadMeeting(entry)
        diagnostics.append(contentsOf: checker.check(loaded.meeting, entry: entry))
        let bound = BoundMinutes()
        let planner = MeetingPlanner(index: index) { id, access in
          let path = id.path + (access == .exempt ? "/minutes.non-public.md" : "/minutes.md")
          var ignored = Diagnostics()  // reported when that meeting itself is loaded
          var sources = MeetingSources()
          let minutes = loader.loadMinutes(path, meeting: id, access: access, into: &sources, &ignored)
          bound.add(sources.minutes)
          return minutes
        }
        let plan = planner.plan(loaded.meeting)
        loaded.sources.minutes.merge(bound.sources) { own, _ in own }
        let result = MeetingResult(
          entry: entry, meeting: loaded.meeting, sources: loaded.sources, plan: plan, diagnostics: diagnostics)
        slots.set(offset, (result, transform(result)))
      }
      for (result, transformed) in slots.values { try handle(result, transformed) }
      start += batch.count
    }
  }
}

/// The sources of the minutes one meeting's plan binds in, as its planner
/// loads them.
final class BoundMinutes: @unchecked Sendable {
  private var found: [String: MeetingSources.Body] = [:]
  private let lock = NSLock()

  func add(_ sources: [String: MeetingSources.Body]) {
    guard !sources.isEmpty else { return }
    lock.lock()
    found.merge(sources) { first, _ in first }
    lock.unlock()
  }

  var sources: [String: MeetingSources.Body] {
    lock.lock()
    defer { lock.unlock() }
    return found
  }
}

/// Results of one parallel batch, written by index under a lock.
public final class ResultSlots<Value>: @unchecked Sendable {
  private var slots: [Value?]
  private let lock = NSLock()

  public init(count: Int) { slots = Array(repeating: nil, count: count) }

  public func set(_ index: Int, _ value: Value) {
    lock.lock()
    slots[index] = value
    lock.unlock()
  }

  private var counter = 0

  /// The next unclaimed index below `limit`, or nil when all are taken.
  func take(below limit: Int) -> Int? {
    lock.lock()
    defer { lock.unlock() }
    guard counter < limit else { return nil }
    counter += 1
    return counter - 1
  }

  public var values: [Value] {
    lock.lock()
    defer { lock.unlock() }
    return slots.compactMap { $0 }
  }
}

/// Runs `body(0..<count)` on `width` threads and waits for all of them.
public enum ParallelWork {
  public static func run(count: Int, width: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let next = ResultSlots<Int>(count: 0)
    let threads = min(width, count)
    guard threads > 1 else {
      for index in 0..<count { body(index) }
      return
    }
    let group = DispatchGroup()
    for _ in 0..<threads {
      group.enter()
      let thread = Thread {
        while let index = next.take(below: count) { body(index) }
        group.leave()
      }
      thread.stackSize = 8 << 20
      thread.start()
    }
    group.wait()
  }

  /// Runs `body(part, range)` on each of `width` consecutive, near-equal
  /// ranges of `0..<count` (one a thread, part 0 first): for many small
  /// items of even cost.
  public static func chunks(count: Int, width: Int, _ body: @escaping @Sendable (Int, Range<Int>) -> Void) {
    let width = max(1, width)
    let size = max(1, (count + width - 1) / width)
    run(count: width, width: width) { part in
      body(part, min(count, part * size)..<min(count, (part + 1) * size))
    }
  }
}
