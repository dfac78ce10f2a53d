import ClerkCore
import ClerkRender

/// The plain-text agenda `clerk check` prints for each meeting.
enum AgendaListing {
  static func render(
    _ plan: MeetingPlan, pages: [AgendaNumber: String] = [:], omitted: String? = nil, numbering: AppendixNumbering = .letters,
    deadline: PublicationDeadline? = nil
  ) -> String {
    var lines: [String] = []
    let status = [.draft: "  [draft: not published]", .cancelled: "  [cancelled]"][plan.status] ?? ""
    lines.append("\(plan.id.path)  \(plan.committee.name)\(status)")
    lines.append("  \(plan.date.longText), \(plan.time), \(plan.venue)")
    if let deadline { lines.append("  " + Self.deadlineLine(deadline)) }
    if let omitted { lines.append("  (\(omitted))") }
    if plan.items.isEmpty {
      lines.append("  (no agenda items)")
    }
    var currentPart: AgendaPart?
    for item in plan.items {
      if item.part != currentPart {
        currentPart = item.part
        lines.append("  \(item.part.title)")
      }
      var line = pad(item.number.description, 5) + "  " + item.title
      var tags: [String] = []
      if let label = item.purpose.label { tags.append(label) }
      if item.access == .exempt {
        tags.append(item.exemptParagraphs.isEmpty ? "exempt" : "paragraph(s) " + DisplayFormat.list(item.exemptParagraphs))
      }
      if let released = item.released {
        tags.append("paragraph(s) " + DisplayFormat.list(item.exemptParagraphs) + ", released on " + released.iso)
      }
      if let supplement = item.supplement { tags.append("Supplementary Agenda \(supplement)") }
      if item.content?.isEmpty == true && !item.isGenerated { tags.append("no pages") }
      if let range = pages[item.number] { tags.append(range) }
      if !tags.isEmpty { line += "  (" + tags.joined(separator: "; ") + ")" }
      lines.append(line)
      for reference in item.crossReferences {
        lines.append(String(repeating: " ", count: 9) + reference.sentence)
      }
      if case .exclusion(let exclusion) = item.kind {
        for row in exclusion.rows {
          lines.append(String(repeating: " ", count: 9) + "Item " + DisplayFormat.list(row.items) + " | Paragraph(s) " + DisplayFormat.list(row.paragraphs))
        }
      }
      for (offset, appendix) in (item.content?.appendices ?? []).enumerated() {
        let landscape = appendix.orientation == .landscape ? " (landscape)" : ""
        let label = numbering.label(offset + 1)
        lines.append(String(repeating: " ", count: 9) + "Appendix \(label): \(appendix.title)\(landscape)")
      }
      if let minutes = item.content?.embeddedMinutes {
        let kind = minutes.minutes.access == .exempt ? "non-public minutes" : "minutes"
        lines.append(String(repeating: " ", count: 9) + "Includes the \(kind) of \(minutes.meeting.path).")
      }
    }
    return lines.joined(separator: "\n")
  }


  static func pad(_ text: String, _ width: Int) -> String {
    String(repeating: " ", count: max(0, width - text.count)) + text
  }

  /// `Publish by Friday 31 January 2020 (published 2020-01-31: on time)`.
  static func deadlineLine(_ deadline: PublicationDeadline) -> String {
    let standing =
      switch deadline.standing {
      case .notPublished: "not published yet"
      case .onTime(let date): "published \(date.iso): on time"
      case .late(let date, let clear): "published \(date.iso): late, \(Plural.count(clear, "clear working day"))"
      case .afterTheMeeting(let date): "published \(date.iso): after the meeting"
      }
    return "Publish by \(deadline.publishBy.longText) (\(standing))"
  }
}
