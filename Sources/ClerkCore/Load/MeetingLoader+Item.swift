import Foundation
import Markdown
import Yams

extension MeetingLoader {
  func loadItem(
    _ path: String, order: Int, slug: String, _ diagnostics: inout Diagnostics
  ) -> (AgendaItem, MeetingSources.Item)? {
    guard let text = files.readText(path, &diagnostics) else { return nil }
    return readItem(text, path: path, order: order, slug: slug, &diagnostics)
  }

  /// Reads an item from its text: front matter, fields, markdown body.
  /// Public through `ItemText.read` so fuzzers can drive it without a disk.
  /// The item comes with its body and front-matter values as written.
  func readItem(
    _ text: String, path: String, order: Int, slug: String, _ diagnostics: inout Diagnostics
  ) -> (AgendaItem, MeetingSources.Item)? {
    guard let split = FrontMatter.split(text, path: path, &diagnostics) else { return nil }
    guard let yaml = split.yaml else {
      diagnostics.error(
        "agenda item has no front matter; start the file with '---', 'title: …' and '---'",
        at: SourceLocation(path: path))
      return nil
    }
    var reader = YAMLReader(path: path, firstLine: split.yamlLine)
    defer { diagnostics.append(contentsOf: reader.diagnostics) }
    guard let root = reader.compose(yaml) else {
      if reader.diagnostics.all.isEmpty {
        reader.diagnostics.error("front matter is empty; 'title' is required", at: SourceLocation(path: path, line: 1))
      }
      return nil
    }
    guard let fields = reader.fields(of: root, what: "item front matter", keys: ContentKeys.item)
    else { return nil }

    var item = AgendaItem(
      order: order, slug: slug, path: path, title: "",
      body: parseMarkdown(split.body, path: path, firstLine: split.bodyLine, &diagnostics), bodyLine: split.bodyLine)
    var source = MeetingSources.Item(body: MeetingSources.Body(text: split.body, line: split.bodyLine))
    for (key, entry) in fields.values {
      item.locations[key] = reader.location(of: entry.value)
      for scalar in reader.scalars(of: entry.value) {
        source.fields.append(MeetingSources.Field(key: key, text: scalar.text, line: scalar.line))
      }
    }
    guard let title = fields["title"].flatMap({ reader.string($0, key: "title") }) else { return nil }
    item.title = title
    item.purpose = fields["purpose"].flatMap { reader.choice($0, key: "purpose", as: Purpose.self) } ?? .none
    item.access = fields["access"].flatMap { reader.choice($0, key: "access", as: Access.self) } ?? .public
    if let node = fields["exempt-paragraphs"] {
      for element in reader.list(node, key: "exempt-paragraphs") ?? [] {
        guard let number = reader.integer(element, key: "exempt-paragraphs") else { continue }
        item.locations["exempt-paragraphs#\(number)"] = reader.location(of: element)
        item.exemptParagraphs.append(number)
      }
    }
    item.summary = fields["summary"].flatMap { node in
      reader.string(node, key: "summary").map { inlineMarkdown($0, key: "summary", node: node, &reader) }
    }
    item.reportOf = fields["report-of"].flatMap { reader.string($0, key: "report-of") }
    if let node = fields["authors"] {
      item.authors = (reader.list(node, key: "authors") ?? []).compactMap { reader.contact($0, what: "an author") }
    }
    if let node = fields["see-also"] {
      for element in reader.list(node, key: "see-also") ?? [] {
        guard let slug = reader.string(element, key: "see-also") else { continue }
        item.locations["see-also#\(slug)"] = reader.location(of: element)
        item.seeAlso.append(slug)
      }
    }
    item.appendixTo = fields["appendix-to"].flatMap { reader.string($0, key: "appendix-to") }
    if let node = fields["minutes-of"], let text = reader.string(node, key: "minutes-of") {
      item.minutesOf = Self.parseMinutesReference(text)
      if item.minutesOf == nil {
        reader.error("'minutes-of' must be YYYY-MM-DD or <committee>/YYYY-MM-DD", at: node)
      }
    }
    item.orientation = fields["orientation"].flatMap { reader.choice($0, key: "orientation", as: Orientation.self) } ?? .portrait
    item.exemptReason = fields["exempt-reason"].flatMap { node in
      reader.string(node, key: "exempt-reason").map { inlineMarkdown($0, key: "exempt-reason", node: node, &reader) }
    }
    item.exemptUntil = fields["exempt-until"].flatMap { reader.date($0, key: "exempt-until") }
    if let node = fields["supplement"], let number = reader.integer(node, key: "supplement") {
      if number >= 1 {
        item.supplement = number
      } else {
        reader.error("'supplement' must be 1 or more", at: node)
      }
    }
    if let node = fields["released"], let date = reader.date(node, key: "released") {
      if item.access == .exempt {
        item.released = date
        item.access = .public
      } else {
        reader.error("'released' is for an exempt item whose exemption has ended; this item is public already", at: node)
      }
    }
    if let node = fields["quotes-exempt"] {
      item.quotesExempt = (reader.list(node, key: "quotes-exempt") ?? []).compactMap { reader.string($0, key: "quotes-exempt") }
    }
    if let node = fields["appendices"] {
      item.appendices = loadAppendices(node, item: item, &reader)
    }
    return (item, source)
  }

  private func inlineMarkdown(_ text: String, key: String, node: Node, _ reader: inout YAMLReader) -> MarkdownDocument {
    var local = Diagnostics()
    let document = parseMarkdown(text, path: reader.path, firstLine: reader.location(of: node).line, &local)
    reader.diagnostics.append(contentsOf: local)
    return document
  }

  /// `2020-02-10`, `2020-02-10-extra`, `committee/2020-02-10`.
  static func parseMinutesReference(_ text: String) -> MinutesReference? {
    let parts = text.split(separator: "/", omittingEmptySubsequences: false)
    switch parts.count {
    case 1 where ArchiveLoader.parseMeetingFolder(text) != nil:
      return MinutesReference(committee: nil, folder: text)
    case 2 where ArchiveLoader.isSlug(parts[0]) && ArchiveLoader.parseMeetingFolder(String(parts[1])) != nil:
      return MinutesReference(committee: String(parts[0]), folder: String(parts[1]))
    default:
      return nil
    }
  }
}
