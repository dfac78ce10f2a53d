import ClerkCore
import Foundation

/// Renders every pack of a build to PDF, then writes the page numbers the
/// PDFs actually have back into each meeting page ("(Pages X - Y)", linking
/// to `pack.pdf#page=X`) and into `pack-pages.json` for `clerk check`.
///
/// Plans one job per pack, looks each up in the cache, and lays the misses
/// out on `workers` engine processes, biggest pack first. The processes
/// stay up for every `run` of this value.
public final class PackPDFs: @unchecked Sendable {
  public let engine: PDFEngine
  public let tree: OutputTree
  public let cache: String
  public let workers: Int
  /// Told each time a pack is done (cached or laid out): done, total. Called
  /// from the worker threads.
  public var onProgress: (@Sendable (_ done: Int, _ total: Int) -> Void)?
  let pdfCache: PDFCache
  private let pool: [PDFWorker]

  /// Layouts of one pack at most: the first, and up to two with the
  /// agenda's one-page items marked.
  static let maximumLayouts = 3

  /// `workers` engine processes; `$CLERK_PDF_WORKERS` overrides.
  public init(engine: PDFEngine, tree: OutputTree, cache: String, workers: Int) {
    self.engine = engine
    self.tree = tree
    self.cache = cache
    let override = ProcessInfo.processInfo.environment["CLERK_PDF_WORKERS"].flatMap { Int($0) }
    self.workers = max(1, override ?? workers)
    pdfCache = PDFCache(folder: cache, engine: engine)
    pool = (0..<self.workers).map { _ in PDFWorker(engine: engine) }
  }

  public struct Outcome {
    public var pdfs = 0
    public var pages = 0
    public var hits = 0
    public var misses = 0
    public var failures: [String] = []
    /// What was printed for each meeting with a PDF: its meeting page is
    /// rendered again with these (`SiteBuilder.printedMeetingFiles(_:printed:)`).
    public var printed: [MeetingID: PrintedPages] = [:]
  }

  /// One pack to print: its HTML, the PDF to write, the tree it may load
  /// files from, and the anchors whose pages the build needs.
  struct PackJob {
    var html: String
    var pdf: String
    var root: String
    var anchors: [String]
  }

  /// What came back for one pack.
  struct Printed {
    var pages = 0
    var anchors: [String: Int?] = [:]
    var cached = false
    var error: String?
  }

  /// Renders the packs of `summaries` in `subtree`; marks the summaries
  /// whose main pack now has a PDF.
  public func run(_ summaries: inout [MeetingSummary], subtree: String) throws -> Outcome {
    var jobs: [PackJob] = []
    for summary in summaries {
      for pack in summary.packs where !pack.items.isEmpty {
        let anchors = pack.items.flatMap { ["item-\($0)", "item-\($0)-end"] } + pack.appendices
        jobs.append(
          PackJob(
            html: tree.path(pack.html, under: subtree), pdf: tree.path(pack.pdf, under: subtree),
            root: tree.path("", under: subtree), anchors: anchors))
      }
    }
    let results = render(jobs)
    var outcome = Outcome()
    var byPDF: [String: Printed] = [:]
    for (job, result) in zip(jobs, results) {
      byPDF[job.pdf] = result
      if result.cached { outcome.hits += 1 } else { outcome.misses += 1 }
    }
    var produced: [String] = []
    for index in summaries.indices {
      var printed = PrintedPages()
      for pack in summaries[index].packs where !pack.items.isEmpty {
        guard let result = byPDF[tree.path(pack.pdf, under: subtree)] else { continue }
        if let error = result.error {
          outcome.failures.append("\(subtree)/\(pack.pdf): \(error)")
          continue
        }
        produced.append(pack.pdf)
        outcome.pdfs += 1
        outcome.pages += result.pages
        printed.pageCounts[pack.pdf] = result.pages
        if pack.pdf == SiteLayout.packPDF(summaries[index].id) { summaries[index].hasPackPDF = true }
        for number in pack.items {
          if let first = result.anchors["item-\(number)"] ?? nil, let last = result.anchors["item-\(number)-end"] ?? nil {
            printed.ranges[number] = PrintedPages.Range(pdf: pack.pdf, first: first, last: last)
          }
        }
      }
      guard !printed.pageCounts.isEmpty else { continue }
      outcome.printed[summaries[index].id] = printed
      try tree.write([OutputFile(path: SiteLayout.packPages(summaries[index].id), text: printed.sidecar)], under: subtree)
    }
    tree.register(produced, under: subtree)
    return outcome
  }

  /// The PDF of every job, from the cache or laid out, in job order.
  func render(_ jobs: [PackJob]) -> [Printed] {
    let results = Results(count: jobs.count)
    var keys: [String?] = Array(repeating: nil, count: jobs.count)
    var misses: [Int] = []
    for (index, job) in jobs.enumerated() {
      do {
        let key = try pdfCache.key(html: job.html, pdf: job.pdf, root: job.root, anchors: job.anchors)
        keys[index] = key
        if let entry = pdfCache.lookUp(key, into: job.pdf) {
          results[index] = Printed(pages: entry.pages, anchors: entry.anchors, cached: true)
        } else {
          misses.append(index)
        }
      } catch {
        results[index] = Printed(error: "cannot read \(job.html): \(error.localizedDescription)")
      }
    }
    // Biggest packs first, so the workers do not end on one long job.
    let sizes = misses.map { index in
      ((try? FileManager.default.attributesOfItem(atPath: jobs[index].html))?[.size] as? Int) ?? 0
    }
    let queue = JobQueue(zip(misses, sizes).sorted { $0.1 > $1.1 }.map { $0.0 })
    let keysFound = keys
    let done = Counter(jobs.count - misses.count)
    onProgress?(done.value, jobs.count)
    DispatchQueue.concurrentPerform(iterations: min(pool.count, misses.count)) { slot in
      while let index = queue.next() {
        results[index] = layOut(jobs[index], key: keysFound[index], worker: pool[slot])
        onProgress?(done.increment(), jobs.count)
      }
    }
    return results.all
  }

  /// An agenda's page reference: `<a class="page-ref" href="#item-5" data-end="#item-5-end">`.
  nonisolated(unsafe) static let pageReference = /<a class="page-ref" href="#([^"]+)" data-end="#([^"]+)"/

  /// Lays a pack out; when an agenda page reference spans one page, marks
  /// it `page-ref--single` (printed "Page 23", not "Pages 23 - 23") and lays
  /// it out again, until the marks match the pages (`maximumLayouts` at most).
  /// The PDF appears by rename, then goes into the cache.
  func layOut(_ job: PackJob, key: String?, worker: PDFWorker) -> Printed {
    let temporaryPDF = PDFCache.temporary(beside: job.pdf)
    let markedHTML = PDFCache.temporary(beside: job.html)
    defer {
      try? FileManager.default.removeItem(atPath: temporaryPDF)
      try? FileManager.default.removeItem(atPath: markedHTML)
    }
    do {
      let text = try String(contentsOfFile: job.html, encoding: .utf8)
      let references = text.matches(of: Self.pageReference).map { (start: String($0.1), end: String($0.2)) }
      var asked = job.anchors
      var askedSet = Set(asked)
      for reference in references {
        for anchor in [reference.start, reference.end] where askedSet.insert(anchor).inserted { asked.append(anchor) }
      }
      var singles = Set<String>()
      var source = job.html
      var answer = PDFEngine.Answer()
      for layout in 1...Self.maximumLayouts {
        answer = try worker.render(
          PDFEngine.Job(html: source, base: job.html, pdf: temporaryPDF, root: job.root, anchors: asked))
        if let error = answer.error { throw PDFEngine.Problem(message: error) }
        let pages = answer.anchors ?? [:]
        let found = Set(
          references.filter { reference in
            guard let first = pages[reference.start] ?? nil, let last = pages[reference.end] ?? nil else { return false }
            return first == last
          }.map(\.start))
        if found == singles || layout == Self.maximumLayouts { break }
        singles = found
        let marked = text.replacing(Self.pageReference) { match in
          singles.contains(String(match.1))
            ? match.0.replacingOccurrences(of: "class=\"page-ref\"", with: "class=\"page-ref page-ref--single\"")
            : String(match.0)
        }
        try Data(marked.utf8).write(to: URL(fileURLWithPath: markedHTML))
        source = markedHTML
      }
      var anchors: [String: Int?] = [:]
      for anchor in job.anchors { anchors[anchor] = answer.anchors?[anchor] ?? nil }
      let pages = answer.pages ?? 0
      try PDFCache.moveIntoPlace(temporaryPDF, job.pdf)
      if let key, let bytes = (try? FileManager.default.attributesOfItem(atPath: job.pdf))?[.size] as? Int {
        pdfCache.store(key, pdf: job.pdf, entry: PDFCache.Entry(pages: pages, anchors: anchors, bytes: bytes))
      }
      return Printed(pages: pages, anchors: anchors)
    } catch {
      // No stale PDF for a pack that failed.
      try? FileManager.default.removeItem(atPath: job.pdf)
      let message = (error as? PDFEngine.Problem)?.message ?? error.localizedDescription
      FileHandle.standardError.write(Data("clerk-weasyprint: \(job.pdf): \(message)\n".utf8))
      return Printed(error: message)
    }
  }
}

/// The jobs still to lay out, handed to the workers one at a time.
private final class JobQueue: @unchecked Sendable {
  private var indices: [Int]
  private let lock = NSLock()

  init(_ indices: [Int]) { self.indices = Array(indices.reversed()) }

  func next() -> Int? { lock.withLock { indices.popLast() } }
}

/// Results written by several workers, each to its own index.
private final class Results: @unchecked Sendable {
  private var values: [PackPDFs.Printed]
  private let lock = NSLock()

  init(count: Int) { values = Array(repeating: PackPDFs.Printed(), count: count) }

  subscript(index: Int) -> PackPDFs.Printed {
    get { lock.withLock { values[index] } }
    set { lock.withLock { values[index] = newValue } }
  }

  var all: [PackPDFs.Printed] { lock.withLock { values } }
}

/// A count shared by the workers.
final class Counter: @unchecked Sendable {
  private let lock = NSLock()
  private(set) var value: Int

  init(_ value: Int) { self.value = value }

  /// Adds one; returns the new value.
  func increment() -> Int {
    lock.lock()
    defer { lock.unlock() }
    value += 1
    return value
  }
}
