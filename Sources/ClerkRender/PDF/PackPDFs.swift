import ClerkCore
import Foundation

/// Renders every pack of a build to PDF, then writes the page numbers the
/// PDFs actually have back into each meeting page ("(Pages X - Y)", linking
/// to `pack.pdf#page=X`) and into `pack-pages.json` for `clerk check`.
public struct PackPDFs {
  public let engine: PDFEngine
  public let tree: OutputTree
  public let cache: String
  public let workers: Int

  public init(engine: PDFEngine, tree: OutputTree, cache: String, workers: Int) {
    self.engine = engine
    self.tree = tree
    self.cache = cache
    self.workers = workers
  }

  public struct Outcome {
    public var pdfs = 0
    public var pages = 0
    public var hits = 0
    public var misses = 0
    public var failures: [String] = []
    /// Pages that now show the PDFs' page numbers (relative to the
    /// subtree): written after the meeting's audit, so audited again.
    public var patched: [String] = []
  }

  /// Renders the packs of `summaries` in `subtree`; marks the summaries
  /// whose main pack now has a PDF.
  public func run(_ summaries: inout [MeetingSummary], subtree: String) throws -> Outcome {
    var jobs: [PDFEngine.Job] = []
    for summary in summaries {
      for pack in summary.packs where !pack.items.isEmpty {
        let anchors = pack.items.flatMap { ["item-\($0)", "item-\($0)-end"] } + pack.appendices
        jobs.append(
          PDFEngine.Job(
            html: tree.path(pack.html, under: subtree), pdf: tree.path(pack.pdf, under: subtree), anchors: anchors,
            root: tree.path("", under: subtree)))
      }
    }
    let (results, hits, misses) = try engine.render(jobs, cache: cache, workers: workers)
    var outcome = Outcome(hits: hits, misses: misses)
    var byPDF: [String: PDFEngine.Result] = [:]
    for result in results { byPDF[result.pdf] = result }
    var produced: [String] = []
    for index in summaries.indices {
      var ranges: [AgendaNumber: (pdf: String, first: Int, last: Int)] = [:]
      var pageCounts: [String: Int] = [:]
      for pack in summaries[index].packs where !pack.items.isEmpty {
        guard let result = byPDF[tree.path(pack.pdf, under: subtree)] else { continue }
        if let error = result.error {
          outcome.failures.append("\(subtree)/\(pack.pdf): \(error)")
          continue
        }
        produced.append(pack.pdf)
        outcome.pdfs += 1
        outcome.pages += result.pages ?? 0
        pageCounts[pack.pdf] = result.pages ?? 0
        if pack.pdf == SiteLayout.packPDF(summaries[index].id) { summaries[index].hasPackPDF = true }
        for number in pack.items {
          if let first = result.anchors?["item-\(number)"] ?? nil, let last = result.anchors?["item-\(number)-end"] ?? nil {
            ranges[number] = (pack.pdf, first, last)
          }
        }
      }
      outcome.patched += try writePageNumbers(ranges, pageCounts: pageCounts, summary: summaries[index], subtree: subtree)
    }
    tree.register(produced, under: subtree)
    return outcome
  }

  func writePageNumbers(
    _ ranges: [AgendaNumber: (pdf: String, first: Int, last: Int)], pageCounts: [String: Int], summary: MeetingSummary,
    subtree: String
  ) throws(OutputTree.Problem) -> [String] {
    let page = SiteLayout.meeting(summary.id)
    let path = tree.path(page, under: subtree)
    guard var html = FileManager.default.contents(atPath: path).map({ String(decoding: $0, as: UTF8.self) }) else {
      throw OutputTree.Problem(message: "cannot read '\(subtree)/\(page)' back to add the PDF page numbers")
    }
    for (number, range) in ranges.sorted(by: { $0.key < $1.key }) {
      let href = SiteLayout.relative(from: page, to: range.pdf) + "#page=\(range.first)"
      let pages = DisplayFormat.pageRange(first: range.first, last: range.last)
      html = html.replacingOccurrences(
        of: PackPages.pageRangeMarker(number),
        with: "<span class=\"page-range\">(<a href=\"\(href)\">\(pages)<span class=\"visually-hidden\"> of the agenda pack</span></a>)</span>")
    }
    var links = ""
    for pack in summary.packs {
      guard let count = pageCounts[pack.pdf] else { continue }
      let name = pack.pdf.hasSuffix("/pack.pdf") ? "Agenda pack" : "Supplementary agenda " + (pack.pdf.split(separator: "-").last?.dropLast(4) ?? "")
      links += "<li><a href=\"\(SiteLayout.relative(from: page, to: pack.pdf))\">\(name) (PDF, \(Plural.count(count, "page")))</a></li>\n"
    }
    html = html.replacingOccurrences(of: PackPages.pdfLinksMarker, with: links)
    try tree.rewrite(page, html, under: subtree)
    let json = ranges.sorted(by: { $0.key < $1.key }).map { number, range in
      "  \"\(number)\": {\"pdf\": \"\((range.pdf as NSString).lastPathComponent)\", \"first\": \(range.first), \"last\": \(range.last)}"
    }.joined(separator: ",\n")
    let sidecar = SiteLayout.packPages(summary.id)
    try tree.write([OutputFile(path: sidecar, text: "{\n\(json)\n}\n")], under: subtree)
    return [page, sidecar]
  }
}
