import Foundation
import Yams

/// Reads `site.yml`, every `committee.yml` and every `meeting.yml`: the
/// index against which each meeting is then loaded on its own.
public struct ArchiveLoader: Sendable {
  public let files: ContentFiles
  /// The content folder as given (less trailing slashes), for saying it was not found.
  let givenRoot: String

  /// Resolves `root` once, so that a content folder reached through a
  /// symbolic link loads; links inside the tree are still never followed.
  public init(root: String) {
    givenRoot = ContentFiles(root: root).root
    files = ContentFiles(root: ContentFiles.realPath(root) ?? root)
  }

  /// A committee or item slug: lowercase letters, digits and hyphens.
  static func isSlug(_ text: some StringProtocol) -> Bool {
    !text.isEmpty && text.utf8.allSatisfy { ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 }
  }

  /// `YYYY-MM-DD` or `YYYY-MM-DD-<slug>`: the date part and the slug.
  static func parseMeetingFolder(_ name: String) -> (CalendarDate, String?)? {
    guard name.count >= 10, let date = CalendarDate(iso: name.prefix(10)) else { return nil }
    if name.count == 10 { return (date, nil) }
    let rest = name.dropFirst(10)
    guard rest.first == "-", isSlug(rest.dropFirst()) else { return nil }
    return (date, String(rest.dropFirst()))
  }

  public func loadIndex() -> (ArchiveIndex?, Diagnostics) {
    var diagnostics = Diagnostics()
    guard files.kind("") == .directory else {
      diagnostics.error("content folder not found", at: SourceLocation(path: givenRoot))
      return (nil, diagnostics)
    }
    let site = loadSite(&diagnostics)
    var committees: [Committee] = []
    var meetings: [MeetingEntry] = []
    var unloaded = Set<MeetingID>()
    // Each committee folder is loaded on a worker thread; its results and
    // problems are taken in folder order.
    typealias Loaded = (committee: Committee?, meetings: [MeetingEntry], unloaded: Set<MeetingID>, diagnostics: Diagnostics)
    var order: [(name: String, slot: Int?)] = []
    var folders: [String] = []
    for name in files.list("") where name != "site.yml" {
      if files.kind(name) == .directory, !name.hasPrefix("."), Self.isSlug(name), files.kind(name + "/committee.yml") != nil {
        // Its pages would land among the site's own files.
        if SiteFolders.reserved.contains(name) {
          diagnostics.error(
            "a committee folder cannot be named '\(name)': the site keeps its own files in \(name)/; rename the folder "
              + "(a committee's folder name is its address, not its title)",
            at: SourceLocation(path: name + "/committee.yml"))
          continue
        }
        folders.append(name)
        order.append((name, folders.count - 1))
      } else {
        order.append((name, nil))
      }
    }
    let loaded = ResultSlots<Loaded>(count: folders.count)
    let committeeFolders = folders
    ParallelWork.run(count: folders.count, width: ProcessInfo.processInfo.activeProcessorCount) { offset in
      var problems = Diagnostics()
      var gone = Set<MeetingID>()
      let committee = loadCommittee(committeeFolders[offset], &problems)
      let entries = loadMeetingEntries(committee: committeeFolders[offset], unloaded: &gone, &problems)
      loaded.set(offset, (committee, entries, gone, problems))
    }
    let results = loaded.values
    for (name, slot) in order {
      if let slot {
        let result = results[slot]
        if let committee = result.committee { committees.append(committee) }
        meetings += result.meetings
        unloaded.formUnion(result.unloaded)
        diagnostics.append(contentsOf: result.diagnostics.all)
        continue
      }
      switch files.kind(name) {
      case .directory where name.hasPrefix("."):
        continue
      case .directory where Self.isSlug(name):
        diagnostics.warning("folder '\(name)' has no committee.yml and will be ignored", at: SourceLocation(path: name))
      case .directory:
        diagnostics.warning(
          "folder '\(name)' is not a committee (names are lowercase letters, digits and hyphens) and will be ignored",
          at: SourceLocation(path: name))
      case .symbolicLink:
        diagnostics.error(ContentFiles.ReadProblem.symbolicLink.message, at: SourceLocation(path: name))
      default:
        diagnostics.warning("'\(name)' is not part of the content format and will be ignored", at: SourceLocation(path: name))
      }
    }
    guard let site else { return (nil, diagnostics) }
    var index = ArchiveIndex(root: files.root, site: site, committees: committees, meetings: meetings)
    index.unloadedMeetings = unloaded
    return (index, diagnostics)
  }

  /// Reads a whole YAML file as a mapping of the declared keys.
  func readYAML(
    _ path: String, what: String, keys: [ContentKey], _ diagnostics: inout Diagnostics
  ) -> (YAMLReader, YAMLFields)? {
    guard let text = files.readText(path, &diagnostics) else { return nil }
    var reader = YAMLReader(path: path)
    defer { diagnostics.append(contentsOf: reader.diagnostics) }
    guard let root = reader.compose(text) else {
      if reader.diagnostics.all.isEmpty {
        diagnostics.error("\(what) is empty", at: SourceLocation(path: path))
      }
      return nil
    }
    guard let fields = reader.fields(of: root, what: what, keys: keys) else {
      return nil
    }
    return (reader, fields)
  }

  func loadSite(_ diagnostics: inout Diagnostics) -> Site? {
    guard files.kind("site.yml") != nil else {
      diagnostics.error("site.yml is missing (it names the organisation)", at: SourceLocation(path: "site.yml"))
      return nil
    }
    guard
      let (loadedReader, fields) = readYAML(
        "site.yml", what: "site.yml", keys: ContentKeys.site, &diagnostics)
    else { return nil }
    var reader = loadedReader
    defer { diagnostics.append(contentsOf: reader.diagnostics) }
    let organisation = fields["organisation"].flatMap { reader.string($0, key: "organisation") }
    let baseURL = fields["base-url"].flatMap { reader.string($0, key: "base-url") }
    var signatory: Signatory?
    if let node = fields["signatory"],
      let sig = reader.fields(of: node, what: "signatory", keys: ContentKeys.signatory),
      let name = sig["name"].flatMap({ reader.string($0, key: "name") }),
      let title = sig["title"].flatMap({ reader.string($0, key: "title") })
    {
      signatory = Signatory(name: name, title: title)
    }
    let kind = fields["exemption-scheme"].flatMap { reader.choice($0, key: "exemption-scheme", as: ExemptionScheme.Kind.self) } ?? .england
    var scheme = ExemptionScheme.builtIn(kind) ?? ExemptionScheme(
      kind: .custom, paragraphs: [:],
      placeholderTemplate: "By virtue of paragraph(s) {paragraphs} of the exemption scheme.",
      motion: "That the public be excluded from the meeting for the following items on the grounds that they involve the likely disclosure of exempt information.")
    if let node = fields["exemption-paragraphs"] {
      if kind != .custom {
        reader.error("'exemption-paragraphs' is only used with 'exemption-scheme: custom'", at: node)
      } else if case .mapping(let mapping) = node {
        for (key, value) in mapping {
          guard let number = reader.integer(key, key: "exemption-paragraphs"),
            let text = reader.string(value, key: "exemption-paragraphs")
          else { continue }
          scheme.paragraphs[number] = text
        }
      } else {
        reader.error("'exemption-paragraphs' must map paragraph numbers to descriptions", at: node)
      }
    } else if kind == .custom, let mark = fields.values["exemption-scheme"]?.value {
      reader.error("'exemption-scheme: custom' needs 'exemption-paragraphs'", at: mark)
    }
    for key in ["exemption-placeholder", "exemption-motion"] {
      guard let node = fields[key] else { continue }
      guard kind == .custom else {
        reader.error("'\(key)' is only used with 'exemption-scheme: custom'", at: node)
        continue
      }
      guard let text = reader.string(node, key: key) else { continue }
      if key == "exemption-motion" {
        scheme.motion = text
      } else if text.contains("{paragraphs}") {
        scheme.placeholderTemplate = text
      } else {
        reader.error("'exemption-placeholder' must contain {paragraphs} where the numbers go", at: node)
      }
    }
    var closure = Set<CalendarDate>()
    if let node = fields["closure-days"] {
      for day in reader.list(node, key: "closure-days") ?? [] {
        if let date = reader.date(day, key: "closure-days") { closure.insert(date) }
      }
    }
    guard let organisation, let baseURL else { return nil }
    var site = Site(
      organisation: organisation, baseURL: baseURL, signatory: signatory, exemptionScheme: scheme,
      closureDays: closure)
    site.templates = fields["templates"].flatMap { reader.string($0, key: "templates") }
    site.appendixNumbering =
      fields["appendix-numbering"].flatMap { reader.choice($0, key: "appendix-numbering", as: AppendixNumbering.self) } ?? .letters
    site.bankHolidays =
      fields["bank-holidays"].flatMap { reader.choice($0, key: "bank-holidays", as: Nation.self) } ?? Nation.of(scheme.kind)
    if let node = fields["accessibility"],
      let contact = reader.fields(of: node, what: "accessibility", keys: ContentKeys.accessibility)
    {
      site.accessibility = AccessibilityContact(
        email: contact["email"].flatMap { reader.string($0, key: "email") },
        phone: contact["phone"].flatMap { reader.string($0, key: "phone") },
        prepared: contact["prepared"].flatMap { reader.date($0, key: "prepared") },
        reviewed: contact["reviewed"].flatMap { reader.date($0, key: "reviewed") })
    }
    return site
  }

  func loadCommittee(_ slug: String, _ diagnostics: inout Diagnostics) -> Committee? {
    guard
      let (loadedReader, fields) = readYAML(
        slug + "/committee.yml", what: "committee.yml", keys: ContentKeys.committee, &diagnostics)
    else { return nil }
    var reader = loadedReader
    defer { diagnostics.append(contentsOf: reader.diagnostics) }
    var members: [CommitteeMember] = []
    if let node = fields["members"] {
      for entry in reader.list(node, key: "members") ?? [] {
        if case .scalar = entry, let name = reader.string(entry, key: "members") {
          members.append(CommitteeMember(name: name))
          continue
        }
        guard let member = reader.fields(of: entry, what: "a member", keys: ContentKeys.member),
          let name = member["name"].flatMap({ reader.string($0, key: "name") })
        else { continue }
        members.append(CommitteeMember(name: name, role: member["role"].flatMap { reader.string($0, key: "role") }))
      }
    }
    let clerk = fields["clerk"].flatMap { reader.contact($0, what: "clerk") }
    guard let name = fields["name"].flatMap({ reader.string($0, key: "name") }) else { return nil }
    var committee = Committee(slug: slug, name: name, members: members, clerk: clerk)
    if let node = fields["time"], let text = reader.string(node, key: "time") {
      committee.time = Self.parseTime(text)
      if committee.time == nil { reader.error("'time' must be a 24-hour time such as \"18:30\"", at: node) }
    }
    committee.venue = fields["venue"].flatMap { reader.string($0, key: "venue") }
    committee.standingItems = fields["standing-items"].map { reader.standingItems($0) } ?? []
    return committee
  }

  func loadMeetingEntries(
    committee: String, unloaded: inout Set<MeetingID>, _ diagnostics: inout Diagnostics
  ) -> [MeetingEntry] {
    var entries: [MeetingEntry] = []
    for name in files.list(committee) where name != "committee.yml" {
      let path = committee + "/" + name
      let kind = files.kind(path)
      if kind == .symbolicLink {
        diagnostics.error(ContentFiles.ReadProblem.symbolicLink.message, at: SourceLocation(path: path))
        continue
      }
      guard kind == .directory, let (date, _) = Self.parseMeetingFolder(name) else {
        diagnostics.warning(
          "'\(name)' is not a meeting folder (YYYY-MM-DD or YYYY-MM-DD-slug) and will be ignored",
          at: SourceLocation(path: path))
        continue
      }
      let id = MeetingID(committee: committee, folder: name)
      guard files.kind(path + "/meeting.yml") != nil else {
        diagnostics.error("meeting folder has no meeting.yml", at: SourceLocation(path: path))
        unloaded.insert(id)
        continue
      }
      if let entry = loadMeetingEntry(id, folderDate: date, &diagnostics) {
        entries.append(entry)
      } else {
        unloaded.insert(id)
      }
    }
    warnAboutCopies(entries, &diagnostics)
    return entries
  }

  /// A backup copy of a meeting folder (`2020-02-10-old`) would be published
  /// as a second meeting that day: two meetings of one committee with the
  /// same date and the same items are warned about. Meetings that only
  /// share a date are not.
  func warnAboutCopies(_ entries: [MeetingEntry], _ diagnostics: inout Diagnostics) {
    let byDate = Dictionary(grouping: entries, by: \.date)
    for date in byDate.keys.sorted() {
      guard let sameDay = byDate[date], sameDay.count > 1 else { continue }
      // The plain `YYYY-MM-DD` folder is taken as the original.
      let ordered = sameDay.map(\.id).sorted { ($0.folder.count, $0.folder) < ($1.folder.count, $1.folder) }
      var originals: [(id: MeetingID, slugs: Set<String>)] = []
      for id in ordered {
        let slugs = Set(files.list(id.path).compactMap { MeetingLoader.parseItemName($0)?.1 })
        if !slugs.isEmpty, let original = originals.first(where: { $0.slugs == slugs }) {
          diagnostics.warning(
            "this meeting has the same date and items as \(original.id.path); if it is a backup copy, move it out of the content folder",
            at: SourceLocation(path: id.path + "/meeting.yml"))
        } else {
          originals.append((id, slugs))
        }
      }
    }
  }

  func loadMeetingEntry(_ id: MeetingID, folderDate: CalendarDate, _ diagnostics: inout Diagnostics) -> MeetingEntry? {
    let path = id.path + "/meeting.yml"
    guard
      let (loadedReader, fields) = readYAML(
        path, what: "meeting.yml", keys: ContentKeys.meeting, &diagnostics)
    else { return nil }
    var reader = loadedReader
    defer { diagnostics.append(contentsOf: reader.diagnostics) }
    let date = fields["date"].flatMap { reader.date($0, key: "date") }
    if let date, date != folderDate, let node = fields["date"] {
      reader.error("date \(date) does not match the meeting folder name '\(id.folder)'", at: node)
    }
    var time: String?
    if let node = fields["time"], let text = reader.string(node, key: "time") {
      if let normalised = Self.parseTime(text) {
        time = normalised
      } else {
        reader.error("'time' must be a 24-hour time such as \"18:30\"", at: node)
      }
    }
    let venue = fields["venue"].flatMap { reader.string($0, key: "venue") }
    let status = fields["status"].flatMap { reader.choice($0, key: "status", as: MeetingStatus.self) } ?? .draft
    let published = fields["published"].flatMap { reader.date($0, key: "published") }
    let notes = fields["notes"].map { reader.strings($0, key: "notes") } ?? []
    // Keep going with placeholders so the items' problems are reported too;
    // the errors above already fail the run.
    var entry = MeetingEntry(
      id: id, date: date ?? folderDate, time: time ?? "00:00", venue: venue ?? "", status: status, published: published, notes: notes,
      hasMinutes: files.kind(id.path + "/minutes.md") != nil,
      hasNonPublicMinutes: files.kind(id.path + "/minutes.non-public.md") != nil)
    entry.revisions = fields["revisions"].map { reader.revisions($0) } ?? []
    for (key, field) in fields.values { entry.locations[key] = reader.location(of: field.value) }
    return entry
  }

  /// "18:30" or "9:05" → "18:30" / "09:05".
  static func parseTime(_ text: String) -> String? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2, (1...2).contains(parts[0].count), parts[1].count == 2,
      let hours = Int(parts[0]), let minutes = Int(parts[1]), (0...23).contains(hours), (0...59).contains(minutes),
      parts.allSatisfy({ $0.allSatisfy(\.isASCII) })
    else { return nil }
    return (hours < 10 ? "0" : "") + "\(hours):" + parts[1]
  }
}

extension YAMLReader {
  mutating func revisions(_ node: Node) -> [Revision] {
    (list(node, key: "revisions") ?? []).compactMap { entry in
      guard let fields = fields(of: entry, what: "a revision", keys: ContentKeys.revision),
        let date = fields["date"].flatMap({ date($0, key: "date") }),
        let note = fields["note"].flatMap({ string($0, key: "note") })
      else { return nil }
      return Revision(date: date, note: note)
    }
  }

  mutating func contact(_ node: Node, what: String) -> Contact? {
    guard let fields = fields(of: node, what: what, keys: ContentKeys.contact),
      let name = fields["name"].flatMap({ string($0, key: "name") })
    else { return nil }
    return Contact(
      name: name, role: fields["role"].flatMap { string($0, key: "role") },
      phone: fields["phone"].flatMap { string($0, key: "phone") },
      email: fields["email"].flatMap { string($0, key: "email") })
  }
}
