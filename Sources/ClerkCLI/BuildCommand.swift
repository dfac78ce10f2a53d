import ArgumentParser
import ClerkAudit
import ClerkCore
import ClerkRender
import Foundation

/// `clerk build [CONTENT] [--out DIR]`: checks, then renders the public and
/// non-public sites into a temporary folder and swaps it in.
struct BuildCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "build",
    abstract: "Check the content, then build the public and non-public sites.")

  @OptionGroup var options: ContentOptions

  @Option(name: .long, help: "The output folder.")
  var out: String = "build"

  @Flag(name: .long, help: "Skip the PDF engine.")
  var noPDF = false

  @Option(name: .long, help: "A folder of templates to use instead of the default ones.")
  var templates: String?

  @Flag(name: .shortAndLong, help: "Print only problems and the closing summary.")
  var quiet = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Write the FNV-1a hash of every public text file as the audit read it to this file (for checking that what is published is what was audited).",
      visibility: .hidden))
  var auditedHashes: String?

  func run() throws {
    let clock = ContinuousClock()
    let started = clock.now
    let printer = DiagnosticPrinter()
    let progress = Progress(quiet: quiet)

    progress.stage(1, "Load archive")
    let (loadedIndex, indexDiagnostics) = ArchiveLoader(root: options.content).loadIndex()
    var diagnostics = indexDiagnostics
    guard let index = loadedIndex else {
      printer.print(diagnostics.sorted)
      printer.note("build failed: the previous output in '\(out)' is untouched")
      throw ExitCode.failure
    }
    let templateSet: TemplateSet
    do {
      templateSet = try TemplateSet(directory: try options.templateFolder(site: index.site, override: templates))
    } catch let problem as TemplateSet.Problem {
      printer.note(problem.description)
      throw ExitCode.failure
    }
    let tree: OutputTree
    do {
      tree = try OutputTree(out: out, content: options.content)
    } catch {
      printer.note("error: \(error.message)")
      throw ExitCode(2)
    }
    progress.note("      \(Plural.count(index.meetings.count, "meeting")) in \(Plural.count(index.committees.count, "committee"))")

    progress.stage(2, "Check, plan, render and audit meetings")
    let builder = SiteBuilder(index: index, templates: templateSet, today: options.todayDate)
    var publicSummaries: [MeetingSummary] = []
    var nonPublicSummaries: [MeetingSummary] = []
    var templateProblem: TemplateSet.Problem?
    var pdfSummary = ""
    var done = 0
    let audit = BuildAudit(archive: index, templates: templateSet.directory)
    audit.recordHashes = auditedHashes != nil
    let pasted = PastedText(index: index, templates: templateSet.directory, enabled: options.findPasted)
    var leaks: [LeakScanner.Leak] = []
    var quotes: [String] = []
    let previousNumbers = PublishedNumbers(contentsOf: out + "/" + PublishedNumbers.fileName) ?? PublishedNumbers()
    var numbers = PublishedNumbers()
    var heldBack: [String] = []
    // What each pack is made from, for `clerk check --build` (only when PDFs give pages).
    let digestsSources = !noPDF && PDFEngine.find() != nil
    var packSources: [String: String] = [:]
    do {
      try tree.write(builder.assets, under: SiteBuilder.publicTree)
      try tree.write(builder.assets, under: SiteBuilder.nonPublicTree)
      // Meetings render and write on the worker threads; a meeting with
      // errors writes nothing, and any error abandons the whole temporary tree.
      let templatesFolder = templateSet.directory
      let transform: @Sendable (MeetingResult) -> (SiteBuilder.RenderedMeeting, [LeakScanner.Leak], [PastedText.Found], String?) = { result in
        let pastes = pasted.scan(result.meeting, sources: result.sources, plan: result.plan)
        guard !result.diagnostics.hasErrors else { return (SiteBuilder.RenderedMeeting(), [], pastes, nil) }
        let sources = digestsSources ? PackSources.digest(result.plan, index: index, templates: templatesFolder) : nil
        var rendered = builder.render(result.plan)
        let pages = rendered.publicFiles.compactMap { file -> (path: String, text: String)? in
          guard case .text(let text) = file.contents, file.path.hasSuffix(".html") else { return nil }
          return (file.path, text)
        }
        let copies = rendered.publicFiles.compactMap { file -> (path: String, source: String)? in
          guard case .copy(let source) = file.contents else { return nil }
          return (file.path, source)
        }
        let found = audit.audit(result.meeting, sources: result.sources, plan: result.plan, pages: pages, copies: copies)
        do throws(OutputTree.Problem) {
          try tree.write(rendered.publicFiles, under: SiteBuilder.publicTree)
          try tree.write(rendered.nonPublicFiles, under: SiteBuilder.nonPublicTree)
        } catch {
          rendered.writeProblem = error
        }
        rendered.publicFiles = []
        rendered.nonPublicFiles = []
        return (rendered, found, pastes, sources)
      }
      try ArchiveProcessor(index: index, today: options.todayDate).process(transform: transform) { result, output in
        let (rendered, found, pastes, sources) = output
        if let sources { packSources[result.plan.id.path] = sources }
        leaks += found
        pasted.record(pastes)
        diagnostics.append(contentsOf: result.buildDiagnostics)
        if result.isHeldBackDraft { heldBack.append(result.entry.id.path) }
        diagnostics.append(contentsOf: previousNumbers.moves(in: result.plan, folder: out))
        numbers.record(result.plan)
        done += 1
        progress.count(done, of: index.meetings.count)
        if let problem = rendered.problem { templateProblem = problem }
        if let problem = rendered.writeProblem { throw problem }
        publicSummaries += rendered.publicSummary.map { [$0] } ?? []
        nonPublicSummaries += rendered.nonPublicSummary.map { [$0] } ?? []
      }
      let (pasteWarnings, acknowledged) = pasted.report()
      diagnostics.append(contentsOf: pasteWarnings)
      quotes = acknowledged
      if !diagnostics.hasErrors, templateProblem == nil {
        pdfSummary = try renderPDFs(
          tree: tree, publicSummaries: &publicSummaries, nonPublicSummaries: &nonPublicSummaries, audit: audit,
          progress: progress, printer: printer)
        audit.markDerived(publicSummaries.flatMap { $0.packs.map(\.pdf) })
      }
      progress.stage(4, "Render index and committee pages")
      if !diagnostics.hasErrors, templateProblem == nil {
        try tree.write(try builder.archivePages(publicSummaries, audience: .public), under: SiteBuilder.publicTree)
        try tree.write(try builder.archivePages(nonPublicSummaries, audience: .nonPublic), under: SiteBuilder.nonPublicTree)
      }
    } catch let problem as TemplateSet.Problem {
      templateProblem = problem
    } catch {
      // The PDF engine or the output folder failed: nothing is published.
      tree.abandon()
      printer.print(diagnostics.sorted)
      printer.note("error: \(error)")
      printer.note("build failed: the previous output in '\(out)' is untouched")
      throw ExitCode.failure
    }
    printer.print(diagnostics.sorted)
    if let templateProblem { printer.note(templateProblem.description) }
    guard !diagnostics.hasErrors, templateProblem == nil else {
      tree.abandon()
      let errors = diagnostics.errorCount + (templateProblem == nil ? 0 : 1)
      printer.note("build failed with \(Plural.count(errors, "error")): the previous output in '\(out)' is untouched")
      throw ExitCode.failure
    }

    progress.stage(5, "Audit the index pages, files and names; write \(out)")
    let found = Array(Set(leaks + audit.auditRest(root: tree.temporary))).sorted()
    let gaps = audit.gaps.all
    guard found.isEmpty, gaps.isEmpty else {
      tree.abandon()
      for leak in found { printer.note("error: \(leak.description)") }
      for gap in gaps { printer.note("error: cannot audit \(gap)") }
      if !found.isEmpty {
        printer.note("build failed: the audit found \(Plural.count(found.count, "leak")) of non-public text in public/; nothing was published and '\(out)' is untouched")
      } else {
        printer.note("build failed: the audit could not read \(Plural.count(gaps.count, "file")), so public/ cannot be called clean; nothing was published and '\(out)' is untouched")
      }
      throw ExitCode.failure
    }
    let pages = tree.files.count { $0.hasSuffix(".html") }
    do {
      let record = BuildRecord(
        content: ContentFiles.resolvedPath(options.content), templates: ContentFiles.resolvedPath(templateSet.directory),
        nonPublicFingerprint: audit.fingerprint, packSources: digestsSources ? packSources : nil)
      try tree.writeTop(BuildRecord.fileName, record.json)
      try tree.writeTop(PublishedNumbers.fileName, numbers.json)
      try tree.commit()
    } catch {
      tree.abandon()
      printer.note("error: \(error.message)")
      throw ExitCode.failure
    }
    for note in tree.notes { printer.note("note: \(note)") }
    if let auditedHashes {
      let lines = audit.auditedHashes.sorted { $0.key < $1.key }.map { String(format: "%016llx  public/", $0.value) + $0.key }
      guard FileManager.default.createFile(atPath: auditedHashes, contents: Data((lines.joined(separator: "\n") + "\n").utf8)) else {
        printer.note("error: cannot write '\(auditedHashes)'")
        throw ExitCode.failure
      }
    }
    let seconds = (clock.now - started).components
    let elapsed = Double(seconds.seconds) + Double(seconds.attoseconds) / 1e18
    let warnings = diagnostics.warningCount
    printer.note(
      "Built \(Plural.count(index.meetings.count, "meeting")), \(Plural.count(pages, "page")) in \(String(format: "%.1f", elapsed)) s → \(out)/public and \(out)/non-public"
        + (warnings > 0 ? " (\(Plural.count(warnings, "warning")))" : ""))
    if !pdfSummary.isEmpty { printer.note(pdfSummary) }
    if let summary = QuoteSummary.text(quotes) { printer.note(summary) }
    if !heldBack.isEmpty {
      printer.note(
        Plural.count(heldBack.count, "draft meeting was", "draft meetings were") + " left out of this build because of the errors above (reported as warnings): \(heldBack.joined(separator: ", "))")
    }
  }

  /// Renders every pack to PDF and writes the real page numbers back into
  /// the meeting pages. Without the engine the build goes on, with one warning.
  func renderPDFs(
    tree: OutputTree, publicSummaries: inout [MeetingSummary], nonPublicSummaries: inout [MeetingSummary],
    audit: BuildAudit, progress: Progress, printer: DiagnosticPrinter
  ) throws -> String {
    guard !noPDF else { return "" }
    guard let engine = PDFEngine.find() else {
      printer.note("warning: the PDF engine (WeasyPrint) is not installed; built pack.html without pack.pdf (run 'make pdf-setup')")
      return ""
    }
    progress.stage(3, "Render PDF packs")
    let clock = ContinuousClock()
    let started = clock.now
    let cache = (tree.destination as NSString).deletingLastPathComponent + "/." + (tree.destination as NSString).lastPathComponent + ".clerk-cache"
    let renderer = PackPDFs(engine: engine, tree: tree, cache: cache, workers: ProcessInfo.processInfo.activeProcessorCount)
    let publicOutcome = try renderer.run(&publicSummaries, subtree: SiteBuilder.publicTree)
    let nonPublicOutcome = try renderer.run(&nonPublicSummaries, subtree: SiteBuilder.nonPublicTree)
    audit.invalidate(publicOutcome.patched)
    for failure in publicOutcome.failures + nonPublicOutcome.failures {
      printer.note("warning: no PDF for \(failure)")
    }
    let duration = clock.now - started
    let seconds = Double(duration.components.seconds) + Double(duration.components.attoseconds) / 1e18
    let pdfs = publicOutcome.pdfs + nonPublicOutcome.pdfs
    let pages = publicOutcome.pages + nonPublicOutcome.pages
    let misses = publicOutcome.misses + nonPublicOutcome.misses
    let rate = misses > 0 && seconds > 0 ? String(format: ", %.0f pages/s", Double(pages) / seconds) : ""
    return "PDF: \(Plural.count(pdfs, "pack")), \(Plural.count(pages, "page")); \(publicOutcome.hits + nonPublicOutcome.hits) from cache, \(misses) rendered in \(String(format: "%.1f", seconds)) s\(rate)"
  }
}

/// Stage lines on standard error, like `[2/4] Render meetings`.
struct Progress {
  var quiet: Bool
  static let stages = 5
  let isTerminal = isatty(STDERR_FILENO) == 1

  func stage(_ number: Int, _ title: String) {
    note("[\(number)/\(Self.stages)] \(title)")
  }

  func note(_ text: String) {
    guard !quiet else { return }
    FileHandle.standardError.write(Data((text + "\n").utf8))
  }

  /// Meeting counts: live on a terminal, every 10% otherwise.
  func count(_ done: Int, of total: Int) {
    guard !quiet, total > 0 else { return }
    if isTerminal {
      FileHandle.standardError.write(Data("\r      \(done)/\(Plural.count(total, "meeting"))\(done == total ? "\n" : "")".utf8))
    } else if done == total || (total >= 20 && done % max(1, total / 10) == 0) {
      note("      \(done)/\(Plural.count(total, "meeting"))")
    }
  }
}
