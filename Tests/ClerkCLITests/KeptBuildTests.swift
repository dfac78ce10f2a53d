import ClerkCore
import Foundation
import TestSupport
import Testing

@testable import ClerkBuild

/// A process that builds into the same folder again (`clerk serve`) keeps
/// the last build's record and times in memory (`KeptBuild`): used only
/// while the files on disk are the ones it was made with, and giving the
/// build a fresh build gives.
@Suite struct KeptBuildTests {
  @Test func theKeptRecordStandsInForTheFilesWhileTheyAreThoseItWasMadeWith() throws {
    let workspace = try IncrementalBuildTests.Workspace()
    defer { workspace.remove() }
    let templates = workspace.templates.path
    var options = BuildOptions(
      content: workspace.content.path, out: workspace.out.path, templates: { _ in templates }, noPDF: true, quiet: true,
      findPasted: false, today: try #require(CalendarDate(iso: IncrementalBuildTests.today)), auditedHashes: nil,
      noSearch: true)
    options.keeps = true
    let first = BuildPipeline().run(options)
    #expect(first.status == 0, "\(first.summary)")
    let kept = try #require(first.kept)
    let folder = ContentFiles.resolvedPath(workspace.out.path)
    let current = try #require(kept.current(for: folder), "the files are the ones it was made with")
    // What it stands in for is what reading the files gives.
    let read = try #require(IncrementalRecord.read(folder))
    #expect(current.record.digest == read.digest && current.record.lines == read.lines)
    #expect(current.record.meetings.keys.sorted() == read.meetings.keys.sorted())
    for (path, meeting) in read.meetings {
      let held = current.record.meetings[path]
      #expect(held?.audit?.exemptRuns?.runs == meeting.audit?.exemptRuns?.runs, "\(path)")
      #expect(held?.key == meeting.key && held?.files == meeting.files && held?.summaries == meeting.summaries, "\(path)")
    }
    let times = try #require(OutputTimes(for: folder))
    #expect(current.times.times == times.times && current.times.tree == times.tree && current.times.record == times.record)

    // An edit, built with the kept record: what a fresh build gives.
    try IncrementalBuildTests.edit("children-and-families/2026-09-22/70-complaints-annual-report.md", in: workspace.content) {
      $0 + "\n\(IncrementalBuildTests.canary) in a public report.\n"
    }
    options.kept = kept
    let second = BuildPipeline().run(options)
    #expect(second.status == 0 && second.rendered == 1, "\(second.summary)")
    // (Built here too: the record names the binary that made it.)
    var fullOptions = options
    (fullOptions.out, fullOptions.full, fullOptions.kept) = (workspace.fresh.path, true, nil)
    let full = BuildPipeline().run(fullOptions)
    #expect(full.status == 0, "\(full.summary)")
    let (incremental, fresh) = (workspace.snapshot(workspace.out), workspace.snapshot(workspace.fresh))
    #expect(incremental.paths == fresh.paths)
    #expect(fresh.paths.filter { incremental.files[$0] != fresh.files[$0] }.isEmpty)

    // The kept one no longer stands for the folder; nor does the new one once its record is written again.
    #expect(kept.current(for: folder) == nil)
    let newer = try #require(second.kept)
    #expect(newer.current(for: folder) != nil)
    let recordFile = workspace.out.appendingPathComponent(IncrementalRecord.fileName)
    try Data(contentsOf: recordFile).write(to: recordFile, options: .atomic)
    #expect(newer.current(for: folder) == nil)
  }
}
