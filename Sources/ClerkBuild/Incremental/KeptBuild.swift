import ClerkCore
import Foundation

/// What a build left beside its output (its record and its times), kept
/// in memory by a process that builds into the same folder again (`clerk
/// serve`), so the next build does not read and decode them: about a
/// fifth of an edit's build on the medium bench archive. It stands in for
/// the files only while they are the ones it was made with: the record's
/// identity (its two files' stamps) and the times file's stamp are
/// compared first, and anything else is read from disk as ever.
public final class KeptBuild: @unchecked Sendable {
  let folder: String
  let record: IncrementalRecord
  let times: OutputTimes
  let timesStamp: ContentFacts.Stamp

  init(folder: String, record: IncrementalRecord, times: OutputTimes, timesStamp: ContentFacts.Stamp) {
    self.folder = folder
    self.record = record
    self.times = times
    self.timesStamp = timesStamp
  }

  /// The kept record and times, when they are still those of the build in `folder`.
  func current(for folder: String) -> (record: IncrementalRecord, times: OutputTimes)? {
    guard folder == self.folder, IncrementalRecord.identity(in: folder) == self.record.digest,
      ContentFacts.Stamp.of(OutputTimes.path(for: folder)) == timesStamp
    else { return nil }
    return (self.record, times)
  }
}
