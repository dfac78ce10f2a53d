import Foundation
import Markdown

/// Loads one meeting folder: its items, appendices and minutes. Each meeting
/// loads independently of the others, so meetings can load in parallel.
public struct MeetingLoader: Sendable {
  public let files: ContentFiles
  public let index: ArchiveIndex

  public init(index: ArchiveIndex) {
    self.index = index
    self.files = ContentFiles(root: index.root)
  }

  /// `NN-slug.md` → (NN, slug).
  static func parseItemName(_ name: String, suffix: String = ".md") -> (Int, String)? {
    guard name.hasSuffix(suffix) else { return nil }
    let stem = name.dropLast(suffix.count)
    guard let dash = stem.firstIndex(of: "-") else { return nil }
    let digits = stem[..<dash]
    let slug = stem[stem.index(after: dash)...]
    guard (1...3).contains(digits.count), digits.allSatisfy({ $0.isASCII && $0.isNumber }),
      let order = Int(digits), ArchiveLoader.isSlug(slug)
    else { return nil }
    return (order, String(slug))
  }

  /// The meeting, with its files as written beside it (`MeetingSources`).
  public func loadMeeting(_ entry: MeetingEntry) -> (LoadedMeeting, Diagnostics) {
    var diagnostics = Diagnostics()
    var sources = MeetingSources()
    let folder = entry.id.path
    var items: [AgendaItem] = []
    var unloadedItems: [String] = []
    var itemFolders: [String] = []
    var minutes: Minutes?
    var nonPublicMinutes: Minutes?
    for name in files.list(folder) {
      let path = folder + "/" + name
      let kind = files.kind(path)
      if kind == .symbolicLink {
        diagnostics.error(ContentFiles.ReadProblem.symbolicLink.message, at: SourceLocation(path: path))
        continue
      }
      switch name {
      case "meeting.yml":
        continue
      case "minutes.md":
        minutes = loadMinutes(path, meeting: entry.id, access: .public, into: &sources, &diagnostics)
        continue
      case "minutes.non-public.md":
        nonPublicMinutes = loadMinutes(path, meeting: entry.id, access: .exempt, into: &sources, &diagnostics)
        continue
      default: break
      }
      if case .file = kind, let (order, slug) = Self.parseItemName(name) {
        if let (item, source) = loadItem(path, order: order, slug: slug, &diagnostics) {
          items.append(item)
          sources.items[path] = source
        } else {
          unloadedItems.append(path)
        }
      } else if kind == .directory, Self.parseItemName(name + ".md") != nil {
        itemFolders.append(name)
      } else if case .file = kind, name.hasSuffix(".md"), name.first?.isNumber == true {
        diagnostics.error(
          "item file names are NN-slug.md (NN: 1 to 3 digits; slug: lowercase letters, digits and hyphens)",
          at: SourceLocation(path: path))
      } else if case .file = kind, name.hasSuffix(".md"), files.startsWithFrontMatter(path) {
        // Front matter makes it an item the clerk meant to be on the agenda.
        diagnostics.error(
          "'\(name)' has front matter like an agenda item but no number, so it is not on the agenda; rename it "
            + "NN-\(Self.suggestedSlug(String(name.dropLast(3)))).md, with NN its place on the agenda",
          at: SourceLocation(path: path))
        unloadedItems.append(path)
      } else {
        diagnostics.warning("'\(name)' is not part of the content format and will be ignored", at: SourceLocation(path: path))
      }
    }
    Self.reportCaseCollisions(files.list(folder).map { folder + "/" + $0 }, &diagnostics)
    let itemStems = Set(items.map { files.itemStem($0) })
    for name in itemFolders where !itemStems.contains(name) {
      diagnostics.warning("folder '\(name)' belongs to no agenda item and will be ignored", at: SourceLocation(path: folder + "/" + name))
    }
    for item in items {
      warnAboutUnusedFiles(of: item, &diagnostics)
    }
    var notes: [MarkdownDocument] = []
    for note in entry.notes {
      notes.append(parseMarkdown(note, path: folder + "/meeting.yml", firstLine: 1, &diagnostics))
    }
    items.sort { $0.agendaOrder < $1.agendaOrder }
    var meeting = Meeting(
      id: entry.id, date: entry.date, time: entry.time, venue: entry.venue, status: entry.status,
      published: entry.published, notes: notes, items: items, minutes: minutes, nonPublicMinutes: nonPublicMinutes)
    meeting.unloadedItems = unloadedItems
    meeting.revisions = entry.revisions
    return (LoadedMeeting(meeting: meeting, sources: sources), diagnostics)
  }

  /// A file name made into a slug: `Budget Report` → `budget-report`.
  static func suggestedSlug(_ stem: String) -> String {
    let words = stem.lowercased().split { !($0.isASCII && ($0.isLetter || $0.isNumber)) }
    return words.isEmpty ? "slug" : words.joined(separator: "-")
  }

  /// Names that differ only by case publish to the same file on Windows and
  /// macOS, where one would silently replace the other.
  static func reportCaseCollisions(_ paths: [String], _ diagnostics: inout Diagnostics) {
    var seen: [String: String] = [:]
    for path in paths.sorted() {
      let key = path.lowercased()
      if let other = seen[key] {
        diagnostics.error(
          "'\((path as NSString).lastPathComponent)' differs from '\((other as NSString).lastPathComponent)' only by case; rename one (they would collide when published)",
          at: SourceLocation(path: path))
      } else {
        seen[key] = path
      }
    }
  }

  func parseMarkdown(
    _ text: String, path: String, firstLine: Int, options: MarkdownOptions = .standard, _ diagnostics: inout Diagnostics
  ) -> MarkdownDocument {
    do {
      return try MarkdownDocument.parse(text, options: options)
    } catch {
      diagnostics.error(Self.describe(error), at: SourceLocation(path: path, line: firstLine))
      return (try? MarkdownDocument.parse("")) ?? .empty
    }
  }

  static func describe(_ error: any Error) -> String {
    switch error as? MarkdownError {
    case .tooLarge(let bytes, let limit)?: return "markdown is too large (\(bytes) bytes; the limit is \(limit))"
    case .tooDeep?: return "markdown is nested too deeply or is too complex to be rendered safely (simplify or split the file)"
    default: return "markdown could not be read: \(error)"
    }
  }

  /// The minutes, with their body as written added to `sources`.
  func loadMinutes(
    _ path: String, meeting: MeetingID, access: Access, into sources: inout MeetingSources, _ diagnostics: inout Diagnostics
  ) -> Minutes? {
    guard let text = files.readText(path, &diagnostics) else { return nil }
    guard let split = FrontMatter.split(text, path: path, &diagnostics) else { return nil }
    if let yaml = split.yaml {
      var reader = YAMLReader(path: path, firstLine: split.yamlLine)
      if let root = reader.compose(yaml) {
        _ = reader.fields(of: root, what: "minutes front matter", allowed: [])
      }
      diagnostics.append(contentsOf: reader.diagnostics)
    }
    let body = parseMarkdown(split.body, path: path, firstLine: split.bodyLine, &diagnostics)
    sources.minutes[path] = MeetingSources.Body(text: split.body, line: split.bodyLine)
    return Minutes(meeting: meeting, path: path, access: access, body: body, bodyLine: split.bodyLine)
  }
}

extension ContentFiles {
  /// The item's file name without `.md`: also the name of its folder.
  func itemStem(_ item: AgendaItem) -> String {
    let name = item.path.split(separator: "/").last.map(String.init) ?? item.path
    return String(name.dropLast(3))
  }

  /// The item's appendix folder, relative to the content root.
  public func itemFolder(_ item: AgendaItem) -> String {
    String(item.path.dropLast(3))
  }
}
