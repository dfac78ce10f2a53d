import ArgumentParser
import ClerkCore
import Foundation

/// `clerk exemptions [CONTENT] [--csv]`: the register of exempt items —
/// meeting, agenda number, title, paragraphs, `exempt-until`, `released` —
/// lapsed reviews first, as a table or as CSV for a monitoring officer.
struct ExemptionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exemptions",
    abstract: "List every exempt item, lapsed exemption reviews first.")

  @OptionGroup var options: ContentOptions

  @Flag(name: .long, help: "Write the register as CSV (RFC 4180) to standard output.")
  var csv = false

  static let header = ["meeting", "date", "number", "title", "paragraphs", "exempt-until", "released", "review"]

  func run() throws {
    let printer = DiagnosticPrinter()
    let (loaded, indexDiagnostics) = ArchiveLoader(root: options.content).loadIndex()
    var diagnostics = indexDiagnostics
    guard let index = loaded else {
      printer.print(diagnostics.sorted)
      throw ExitCode.failure
    }
    let today = options.todayDate
    var register = ExemptionRegister()
    ArchiveProcessor(index: index, today: today).process { result in
      register.add(result.meeting, plan: result.plan, today: today)
      diagnostics.append(contentsOf: result.diagnostics.sorted.filter { $0.severity == .error })
    }
    let rows = register.sorted.map(Self.row)
    if csv {
      print(([Self.header] + rows).map(Self.csvLine).joined(separator: "\r\n") + "\r\n", terminator: "")
    } else {
      for row in rows { print(Self.tableLine(row)) }
    }
    printer.print(diagnostics.sorted)
    let lapsed = register.entries.count(where: \.isLapsed)
    printer.note(
      "\(Plural.count(rows.count, "exempt item")) in \(options.content)"
        + (lapsed > 0 ? "; \(Plural.count(lapsed, "exemption")) past its review date (exempt-until): review, then release or extend" : ""))
    if diagnostics.hasErrors { throw ExitCode.failure }
  }

  static func row(_ entry: ExemptionRegister.Entry) -> [String] {
    let review =
      if entry.released != nil { "released" } else if entry.isLapsed { "LAPSED" } else if entry.exemptUntil != nil { "exempt" } else { "no review date" }
    return [
      entry.meeting.path, entry.date.iso, entry.number.description, entry.title,
      entry.paragraphs.map(String.init).joined(separator: ", "), entry.exemptUntil?.iso ?? "", entry.released?.iso ?? "", review,
    ]
  }

  /// `LAPSED  c/2020-02-10  item 7  Title  (paragraph(s) 3; exempt until 2021-02-10)`
  static func tableLine(_ row: [String]) -> String {
    var details = ["paragraph(s) " + (row[4].isEmpty ? "none" : row[4])]
    if !row[5].isEmpty { details.append("exempt until " + row[5]) }
    if !row[6].isEmpty { details.append("released " + row[6]) }
    return "\(row[7].padding(toLength: 14, withPad: " ", startingAt: 0))  \(row[0])  item \(row[2])  \(row[3])  (\(details.joined(separator: "; ")))"
  }

  /// One CSV record: fields with a comma, quote or line break are quoted.
  static func csvLine(_ fields: [String]) -> String {
    fields.map { field in
      field.contains(where: { ",\"\r\n".contains($0) }) ? "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\"" : field
    }.joined(separator: ",")
  }
}
