import ClerkAudit
import ClerkCore
import ClerkRender
import Foundation

/// Loads, checks, plans, renders, audits and writes each meeting, on the
/// worker threads, in archive order. A meeting with errors writes nothing;
/// a draft with errors is left out (`MeetingResult.isHeldBackDraft`).
///
/// A meeting the previous build's record says is unchanged
/// (`ReusePlan`) is carried over instead: its files, its summaries, its
/// problems and what its audit left for the end pass. That holds only
/// while the archive's non-public set is the one that build audited
/// against: once the meetings that changed are rendered, the fingerprint
/// of the set (theirs, and the others' as recorded) is compared with the
/// recorded one, and if it differs every meeting is rendered and audited.
struct RenderMeetings: BuildStep {
  func title(_ context: BuildContext) -> String { "Check, plan, render and audit meetings" }

  /// What the worker threads hand back for one meeting.
  struct Done: Sendable {
    var rendered = SiteBuilder.RenderedMeeting()
    var leaks: [LeakScanner.Leak] = []
    var pastes: [PastedText.Found] = []
    var packSources: String?
    var summaries: RecordedSummaries?
  }

  func run(_ context: BuildContext) throws {
    let (index, tree, builder) = (context.index!, context.tree!, context.builder!)
    try tree.write(builder.assets, under: SiteBuilder.publicTree)
    try tree.write(builder.assets, under: SiteBuilder.nonPublicTree)
    let pasted = PastedText(index: index, templates: context.templates.directory, enabled: context.options.findPasted)
    var progress = 0
    let reused = context.reuse.reused
    try render(index.meetings.filter { reused[$0.id] == nil }, context, pasted: pasted, progress: &progress)
    if !reused.isEmpty {
      for (id, record) in reused {
        if let memory = record.audit { context.audit.restoreFingerprint(id, memory) }
      }
      if context.audit.fingerprint == context.reuse.previous?.nonPublicFingerprint {
        try carryOver(reused, context, progress: &progress)
      } else {
        context.progress.note("      the archive's non-public text changed since the last build: every meeting is rendered and audited")
        try render(index.meetings.filter { reused[$0.id] != nil }, context, pasted: pasted, progress: &progress)
      }
    }
    let (warnings, quotes) = pasted.report()
    context.diagnostics.append(contentsOf: warnings)
    if let line = QuoteSummary.text(quotes) { context.closing.append(line) }
    if let line = Self.heldBackLine(index.meetings.filter { context.records[$0.id]?.heldBack == true }.map(\.id.path)) {
      context.closing.append(line)
    }
    try context.stopOnErrors()
  }

  /// The closing line naming the drafts left out for their errors (nil when none were).
  static func heldBackLine(_ paths: [String]) -> String? {
    guard !paths.isEmpty else { return nil }
    return Plural.count(paths.count, "draft meeting was", "draft meetings were")
      + " left out of this build because of the errors above (reported as warnings): \(paths.joined(separator: ", "))"
  }

  /// Renders `entries` (load, check, plan, render, audit, write), and
  /// records each for the next build.
  func render(
    _ entries: [MeetingEntry], _ context: BuildContext, pasted: PastedText, progress: inout Int
  ) throws {
    let options = context.options
    let (index, tree, builder, audit) = (context.index!, context.tree!, context.builder!, context.audit!)
    let templates = context.templates.directory
    let previous = PublishedNumbers(contentsOf: options.out + "/" + PublishedNumbers.fileName) ?? PublishedNumbers()
    let digestsSources = context.pdfEngine != nil
    let transform: @Sendable (MeetingResult) -> Done = { result in
      var done = Done(pastes: pasted.scan(result.meeting, sources: result.sources, plan: result.plan))
      guard !result.diagnostics.hasErrors else { return done }
      if digestsSources { done.packSources = PackSources.digest(result.plan, index: index, templates: templates) }
      done.rendered = builder.render(result.plan)
      done.leaks = audit.audit(
        result.meeting, sources: result.sources, plan: result.plan, pages: done.rendered.publicPages, copies: done.rendered.publicCopies)
      do throws(OutputTree.Problem) {
        try tree.write(done.rendered.publicFiles, under: SiteBuilder.publicTree)
        try tree.write(done.rendered.nonPublicFiles, under: SiteBuilder.nonPublicTree)
      } catch {
        done.rendered.writeProblem = error
      }
      done.rendered.publicFiles = []
      done.rendered.nonPublicFiles = []
      if done.rendered.publicSummary != nil || done.rendered.nonPublicSummary != nil {
        done.summaries = RecordedSummaries(public: done.rendered.publicSummary, nonPublic: done.rendered.nonPublicSummary)
      }
      return done
    }
    try ArchiveProcessor(index: index, today: options.today).process(entries, transform: transform) { result, done in
      if let sources = done.packSources { context.packSources[result.plan.id.path] = sources }
      context.leaks += done.leaks
      pasted.record(done.pastes)
      context.diagnostics.append(contentsOf: result.buildDiagnostics)
      context.diagnostics.append(contentsOf: previous.moves(in: result.plan, folder: options.out))
      context.numbers.record(result.plan)
      context.rendered.insert(result.entry.id)
      context.records[result.entry.id] = record(result, done, context)
      progress += 1
      context.progress.count(progress, of: index.meetings.count)
      if let problem = done.rendered.problem { context.diagnostics.append(problem.diagnostic) }
      if let problem = done.rendered.writeProblem {
        context.diagnostics.append(Diagnostic(.error, problem.message))
        throw BuildFailure.untouched(options.out)
      }
      context.summaries[result.entry.id] = done.summaries
    }
  }

  /// What the next build needs to carry this meeting over; its summaries
  /// (final once the PDFs are printed) and files are added by the last steps.
  func record(_ result: MeetingResult, _ done: Done, _ context: BuildContext) -> IncrementalRecord.Meeting {
    let id = result.entry.id
    let references = result.meeting.items.compactMap { $0.minutesOf?.meetingID(defaultCommittee: id.committee).path }
    let key = context.reuse.keys[id]
    // A plan that bound in minutes the key did not read cannot be trusted
    // next time: an empty key renders the meeting again.
    let trusted = key.map { key in references.allSatisfy { key.names.contains($0) } } ?? false
    return IncrementalRecord.Meeting(
      key: trusted ? key?.key ?? "" : "", references: Array(Set(references)).sorted(),
      todayDates: result.meeting.items.flatMap { [$0.exemptUntil, $0.released].compactMap { $0 } },
      diagnostics: result.buildDiagnostics, heldBack: result.isHeldBackDraft, numbers: context.numbers.numbers(of: id.path),
      packSources: done.packSources, audit: context.audit.memories[id.path], files: [])
  }

  /// Carries the unchanged meetings over from the previous build.
  func carryOver(
    _ reused: [MeetingID: IncrementalRecord.Meeting], _ context: BuildContext, progress: inout Int
  ) throws {
    let (tree, previous) = (context.tree!, context.previousBuild)
    let records = Array(reused)
    let carriedFolders = context.reuse.folders
    let problems = ResultSlots<OutputTree.Problem>(count: records.count)
    // A meeting's folders are moved in whole when the tree is swapped in;
    // Pagefind reads the whole tree before that, so a build with search
    // links each file instead.
    let movesFolders = context.options.noSearch
    ParallelWork.run(count: records.count, width: ProcessInfo.processInfo.activeProcessorCount) { offset in
      let (id, record) = records[offset]
      let paths = record.files.map(\.path)
      do throws(OutputTree.Problem) {
        if movesFolders, let folders = carriedFolders[id] {
          try tree.carryFolders(folders, files: paths)
        } else {
          try tree.carry(paths, from: previous)
        }
      } catch {
        problems.set(offset, error)
      }
    }
    if let problem = problems.values.first {
      context.diagnostics.append(Diagnostic(.error, problem.message))
      throw BuildFailure.untouched(context.options.out)
    }
    for entry in context.index.meetings {
      guard let record = reused[entry.id] else { continue }
      if let memory = record.audit {
        let files = IncrementalRecord.File.publicPaths(record.files)
        context.audit.restore(entry.id, memory, files: files)
      }
      context.diagnostics.append(contentsOf: record.diagnostics)
      if let numbers = record.numbers { context.numbers.record(entry.id.path, numbers: numbers) }
      if let sources = record.packSources { context.packSources[entry.id.path] = sources }
      context.records[entry.id] = record
      context.summaries[entry.id] = record.summaries
      progress += 1
      context.progress.count(progress, of: context.index.meetings.count)
    }
  }
}
