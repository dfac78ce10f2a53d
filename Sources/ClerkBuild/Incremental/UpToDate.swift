import ClerkAudit
import ClerkCore
import ClerkRender
import Foundation

/// Whether the build already in `--out` is the one this build would
/// write, so that there is nothing to do: every meeting is carried over
/// (`ReusePlan`: the same key, the same result for today), no meeting was
/// removed, today is the day that build was made for (the archive pages
/// depend on it), it came from the same content and templates folders,
/// it has no search index and none is asked for, PDFs are off or the
/// engine is there (else the build runs, to warn of it), and the folder is
/// exactly as that build left it (`TreeStamp`: nothing added, removed or
/// written since). A build with search always runs: the index is made anew.
enum UpToDate {
  static func check(_ context: BuildContext) -> Bool {
    let (options, reuse, index) = (context.options, context.reuse, context.index!)
    // Without search, and with PDFs either off or printable: a build that
    // would warn of a missing engine runs, and warns.
    guard options.carriesOver, options.noSearch, options.noPDF || context.pdfEngine != nil,
      let previous = reuse.previous, let times = reuse.times, !times.tree.isEmpty, previous.today == options.today,
      previous.archive != nil, reuse.reused.count == index.meetings.count, previous.meetings.count == index.meetings.count
    else { return false }
    guard case .success(let record) = BuildRecord.read(build: context.tree.destination),
      record.content == ContentFiles.resolvedPath(options.content),
      record.templates == ContentFiles.resolvedPath(context.templates.directory),
      record.nonPublicFingerprint == previous.nonPublicFingerprint,
      [SiteBuilder.publicTree, SiteBuilder.nonPublicTree].allSatisfy({ subtree in
        !FileManager.default.fileExists(atPath: context.tree.destination + "/" + subtree + "/" + Pagefind.folder)
      })
    else { return false }
    return TreeStamp.of(context.tree.destination) == times.tree
  }

  /// What an up-to-date build says: the problems the previous build
  /// reported (its warnings; a build with errors is not kept), the drafts
  /// it left out, and that the output is as it was.
  static func report(_ context: BuildContext) {
    let index = context.index!
    let records = index.meetings.compactMap { context.reuse.reused[$0.id] }
    for record in records { context.diagnostics.append(contentsOf: record.diagnostics) }
    let heldBack = index.meetings.filter { context.reuse.reused[$0.id]?.heldBack == true }.map(\.id.path)
    let files = records.flatMap(\.files) + (context.reuse.previous?.archive?.files ?? [])
    let pages = files.count { $0.path.hasSuffix(".html") }
    context.summary = [
      "Up to date: nothing has changed since the last build, so \(context.options.out) is as it was (\(Plural.count(index.meetings.count, "meeting")), \(Plural.count(pages, "page")))"
    ]
    if let line = RenderMeetings.heldBackLine(heldBack) { context.summary.append(line) }
  }
}
