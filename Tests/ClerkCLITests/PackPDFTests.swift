import Foundation
import TestSupport
import Testing

/// The printed pack, read back from the PDF as a reader sees it. Needs the
/// PDF engine (`make pdf-setup`); skipped with a visible message only when it
/// is absent, and never in CI, where `CLERK_REQUIRE_PDF=1` turns the skip
/// into a failure.
@Suite struct PackPDFTests {
  static var engineInstalled: Bool {
    FileManager.default.isExecutableFile(atPath: repositoryRoot.appendingPathComponent(".venv-pdf/bin/clerk-weasyprint").path)
  }

  static var mustRun: Bool { ProcessInfo.processInfo.environment["CLERK_REQUIRE_PDF"] == "1" }

  /// Whether the engine is installed; when it is not, the test is skipped
  /// with a visible message, and fails where `CLERK_REQUIRE_PDF=1`.
  func engineReady(sourceLocation: SourceLocation = #_sourceLocation) -> Bool {
    guard Self.engineInstalled else {
      #expect(!Self.mustRun, "the PDF engine is required here: run make pdf-setup", sourceLocation: sourceLocation)
      print("SKIPPED PackPDFTests: the PDF engine is not installed (make pdf-setup)")
      return false
    }
    return true
  }

  /// Pages of a PDF as text, via poppler's `pdftotext -layout`.
  func pages(_ pdf: URL) throws -> [String] {
    var pages = try toolOutput("/usr/bin/pdftotext", ["-layout", pdf.path, "-"]).components(separatedBy: "\u{0C}")
    if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
    return pages
  }

  /// Item number → the printed "(Pages X - Y)" or "(Page X)" of the agenda.
  func agendaRanges(_ pages: [String]) -> [Int: ClosedRange<Int>] {
    var ranges: [Int: ClosedRange<Int>] = [:]
    var current: Int?
    let heading = /^\s*(\d+)\.\s+\S/
    let range = /\(Pages (\d+) - (\d+)\)/
    let single = /\(Page (\d+)\)/
    for page in pages.prefix(4) {
      for line in page.split(separator: "\n") {
        if let match = line.firstMatch(of: heading), let number = Int(match.1) { current = number }
        if let match = line.firstMatch(of: range), let current, let first = Int(match.1), let last = Int(match.2) {
          #expect(first < last, "item \(current): \(match.0) for one page")
          ranges[current] = first...last
        } else if let match = line.firstMatch(of: single), let current, let first = Int(match.1) {
          ranges[current] = first...first
        }
      }
    }
    return ranges
  }

  /// Item number → the pages whose running header or stamp says "Agenda Item N".
  func stampedPages(_ pages: [String]) -> [Int: [Int]] {
    var stamped: [Int: [Int]] = [:]
    let stamp = /Agenda Item (\d+)\s*$/
    for (index, page) in pages.enumerated() {
      var numbers = Set<Int>()
      for line in page.split(separator: "\n") {
        if let match = line.firstMatch(of: stamp), let number = Int(match.1) { numbers.insert(number) }
      }
      for number in numbers { stamped[number, default: []].append(index + 1) }
    }
    return stamped
  }

  @Test func agendaRangesMatchTheStampedPages() throws {
    guard engineReady() else { return }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let output = try ClerkProcess.run([
      "build", "Tests/Fixtures/real-pack/Content", "--out", out.path, "--today", "2020-02-01",
    ])
    #expect(output.status == 0, "\(output.stderr)")
    for tree in ["public", "non-public"] {
      let pdf = out.appendingPathComponent("\(tree)/safeguarding/2020-02-10/pack.pdf")
      let text = try pages(pdf)
      let ranges = agendaRanges(text)
      let stamped = stampedPages(text)
      #expect(ranges.count >= 12, "\(tree): too few page ranges found in the agenda: \(ranges)")
      #expect(ranges[1] == nil && ranges[2] == nil, "\(tree): standing items without content must take no pages")
      for (number, range) in ranges.sorted(by: { $0.key < $1.key }) {
        let pagesOfItem = stamped[number] ?? []
        #expect(pagesOfItem.first == range.lowerBound, "\(tree): item \(number) printed as \(range) but starts on \(pagesOfItem)")
        #expect(pagesOfItem.last == range.upperBound, "\(tree): item \(number) printed as \(range) but ends on \(pagesOfItem)")
        #expect(range.lowerBound % 2 == 1, "\(tree): item \(number) starts on an even (left-hand) page")
      }
      // Blank versos say so.
      for page in text where page.trimmingCharacters(in: .whitespacesAndNewlines).hasPrefix("This page is intentionally left blank") {
        #expect(!page.contains("Agenda Item"))
      }
      // The meeting's open data links the printed PDF.
      let json = try String(contentsOf: out.appendingPathComponent("\(tree)/safeguarding/2020-02-10/meeting.json"), encoding: .utf8)
      #expect(json.contains("\"url\" : \"https://democracy.example.gov.uk/safeguarding/2020-02-10/pack.pdf\""), "\(tree): meeting.json does not link pack.pdf")
      // The page numbers written into the web page are the PDF's.
      let meeting = try String(contentsOf: out.appendingPathComponent("\(tree)/safeguarding/2020-02-10/index.html"), encoding: .utf8)
      for (number, range) in ranges {
        #expect(meeting.contains("pack.pdf#page=\(range.lowerBound)\">Pages \(range.lowerBound) - \(range.upperBound)")
          || (range.lowerBound == range.upperBound && meeting.contains("pack.pdf#page=\(range.lowerBound)\">Page \(range.lowerBound)<")),
          "\(tree): item \(number) range missing from the meeting page")
      }
    }
    func words(_ text: String) -> String { text.split(whereSeparator: \.isWhitespace).joined(separator: " ") }
    let publicText = words(try pages(out.appendingPathComponent("public/safeguarding/2020-02-10/pack.pdf")).joined(separator: " "))
    #expect(publicText.contains("By virtue of paragraph(s) 1, 2 of Part 1 of Schedule 12A of the Local Government Act 1972."))
    #expect(publicText.contains("By virtue of paragraph(s) 3 of Part 1 of Schedule 12A of the Local Government Act 1972."))
    #expect(!publicText.contains("CANARYEXEMPT"))
    let nonPublicText = words(try pages(out.appendingPathComponent("non-public/safeguarding/2020-02-10/pack.pdf")).joined(separator: " "))
    #expect(nonPublicText.contains("CANARYEXEMPT"))
  }

  /// What is published is what was audited: the meeting pages get the
  /// PDFs' page numbers after their first audit, and are audited again;
  /// every audited text file's hash equals the file on disk.
  @Test func auditedBytesArePublishedBytes() throws {
    guard engineReady() else { return }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let log = folder.appendingPathComponent("audited.txt")
    let output = try ClerkProcess.run([
      "build", "Tests/Fixtures/real-pack/Content", "--out", out.path, "--today", "2020-02-01", "--quiet",
      "--audited-hashes", log.path,
    ])
    #expect(output.status == 0, "\(output.stderr)")
    var audited: [String: String] = [:]
    for line in try String(contentsOf: log, encoding: .utf8).split(separator: "\n") {
      let parts = line.split(separator: " ", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
      audited[parts[1]] = parts[0]
    }
    let meetingPage = "public/safeguarding/2020-02-10/index.html"
    #expect(try String(contentsOf: out.appendingPathComponent(meetingPage), encoding: .utf8).contains("pack.pdf#page="))
    #expect(audited[meetingPage] != nil, "the meeting page was not audited")
    let files = FileManager.default.enumerator(atPath: out.appendingPathComponent("public").path)?.allObjects as? [String] ?? []
    var checked = 0
    for file in files where file.hasSuffix(".html") || file.hasSuffix(".json") || file.hasSuffix(".css") {
      let bytes = try Data(contentsOf: out.appendingPathComponent("public/" + file))
      var hash: UInt64 = 0xcbf2_9ce4_8422_2325
      for byte in bytes { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
      #expect(audited["public/" + file] == String(format: "%016llx", hash), "public/\(file) differs from what the audit read")
      checked += 1
    }
    #expect(checked > 10)
  }

  @Test func rebuildingAnUnchangedArchiveRendersNoPDF() throws {
    guard engineReady() else { return }
    let folder = temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let out = folder.appendingPathComponent("build")
    let arguments = ["build", "Tests/Fixtures/site-small/Content", "--out", out.path, "--today", "2026-03-01"]
    let first = try ClerkProcess.run(arguments)
    #expect(first.status == 0, "\(first.stderr)")
    let pdf = out.appendingPathComponent("public/scrutiny/2026-03-10/pack.pdf")
    // The footnote is printed at the foot of the page that refers to it.
    let text = try pages(pdf)
    let callPage = text.firstIndex { $0.contains("details follow") }
    let notePage = text.firstIndex { $0.contains("Figures are provisional.") }
    #expect(callPage != nil && callPage == notePage, "footnote on page \(String(describing: notePage)), call on \(String(describing: callPage))")
    let before = try Data(contentsOf: pdf)
    let second = try ClerkProcess.run(arguments)
    #expect(second.status == 0)
    #expect(second.stderr.contains(", 0 rendered in"), "\(second.stderr)")
    #expect(try Data(contentsOf: pdf) == before)
  }
}
