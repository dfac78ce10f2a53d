import Markdown

/// Checks one loaded meeting against the contract and the archive index:
/// every problem becomes a diagnostic; nothing is fixed silently.
public struct MeetingChecker: Sendable {
  public let index: ArchiveIndex
  /// The day the check runs, for `exempt-until`; passed in so output is reproducible.
  public let today: CalendarDate
  let workingDays: WorkingDays

  public init(index: ArchiveIndex, today: CalendarDate) {
    self.index = index
    self.today = today
    self.workingDays = WorkingDays(site: index.site)
  }

  public func check(_ meeting: Meeting, entry: MeetingEntry) -> Diagnostics {
    var diagnostics = Diagnostics()
    checkOrders(meeting, &diagnostics)
    checkFirstItemIsNoSupplement(meeting, &diagnostics)
    let slugs = ItemSlugs(meeting.items, unloaded: meeting.unloadedItems)
    for item in meeting.items {
      checkExemption(item, &diagnostics)
      checkReferences(item, slugs: slugs, meeting: meeting, &diagnostics)
      checkLinks(item, slugs: slugs, meeting: meeting, &diagnostics)
    }
    for minutes in [meeting.minutes, meeting.nonPublicMinutes].compactMap({ $0 }) {
      for link in minutes.body.links {
        let at = SourceLocation(path: minutes.path, line: minutes.bodyLine + link.position.line - 1, column: link.position.column)
        checkLink(link.url, at: at, slugs: slugs, meeting: meeting, &diagnostics)
      }
    }
    checkPublication(entry, &diagnostics)
    return diagnostics
  }

  func checkOrders(_ meeting: Meeting, _ diagnostics: inout Diagnostics) {
    var byOrder: [Int: AgendaItem] = [:]
    // A supplementary item may share the `NN` of the item it follows.
    for item in meeting.items where item.supplement == nil {
      if let other = byOrder[item.order] {
        diagnostics.error(
          "order \(item.order) is also used by \(fileName(other.path)); each item needs its own number",
          at: SourceLocation(path: item.path))
      } else {
        byOrder[item.order] = item
      }
    }
  }

  /// A supplementary item is numbered after the item before it (`5A`
  /// after 5); the first item of Part 1 has none before it.
  func checkFirstItemIsNoSupplement(_ meeting: Meeting, _ diagnostics: inout Diagnostics) {
    let partOne = meeting.items.filter { !$0.isInPartTwo }
    guard let first = partOne.min(by: { $0.agendaOrder < $1.agendaOrder }), first.supplement != nil else { return }
    diagnostics.error(
      "a supplementary item is numbered after the item before it (5A after 5), and this one comes first in Part 1; give it an NN after an item of the published agenda",
      at: first.location(of: "supplement"))
  }

  func fileName(_ path: String) -> String {
    path.split(separator: "/").last.map(String.init) ?? path
  }

  func checkExemption(_ item: AgendaItem, _ diagnostics: inout Diagnostics) {
    switch item.access {
    case .exempt:
      if item.exemptParagraphs.isEmpty && item.hasContent {
        diagnostics.error(
          "exempt item has content but no 'exempt-paragraphs'; add the paragraph(s) of the exemption scheme it relies on",
          at: item.location(of: "access"))
      }
      checkParagraphs(item, &diagnostics)
      if let until = item.exemptUntil, until < today {
        diagnostics.warning(
          "the exemption was due for review on \(until.iso); review whether this item can now be published (nothing is released automatically)",
          at: item.location(of: "exempt-until"))
      }
    case .public where item.released != nil:
      // Released: a Part 2 item of record, public from its release date.
      checkParagraphs(item, &diagnostics)
      if let released = item.released, released > today {
        diagnostics.error(
          "'released' is \(released.iso), after today (\(today.iso)); set it on the day the exemption ends, not before",
          at: item.location(of: "released"))
      }
    case .public:
      if !item.exemptParagraphs.isEmpty {
        diagnostics.error(
          "'exempt-paragraphs' on a public item; set 'access: exempt' or remove the paragraphs",
          at: item.location(of: "exempt-paragraphs"))
      }
      for key in ["exempt-reason", "exempt-until"] where item.locations[key] != nil {
        diagnostics.warning("'\(key)' is only used on exempt items", at: item.location(of: key))
      }
      warnIfLabelledNonPublic(item, &diagnostics)
    }
    if let summary = item.summary, !summary.isSingleParagraph {
      diagnostics.warning("'summary' should be a single paragraph", at: item.location(of: "summary"))
    }
  }

  func checkParagraphs(_ item: AgendaItem, _ diagnostics: inout Diagnostics) {
    let scheme = index.site.exemptionScheme
    for number in item.exemptParagraphs where scheme.paragraphs[number] == nil {
      let valid = scheme.validParagraphs
      let range = valid.isEmpty ? "none are defined" : "valid: \(valid.first ?? 0)–\(valid.last ?? 0)"
      diagnostics.error(
        "paragraph \(number) is not in the \(scheme.kind.rawValue) exemption scheme (\(range))",
        at: item.location(of: "exempt-paragraphs#\(number)"))
    }
  }

  /// A public item whose title, summary or file name calls it non-public
  /// is usually one whose `access: exempt` was forgotten.
  func warnIfLabelledNonPublic(_ item: AgendaItem, _ diagnostics: inout Diagnostics) {
    let places: [(String, String, SourceLocation)] = [
      ("title", item.title, item.location(of: "title")),
      ("summary", item.summary?.plainText ?? "", item.location(of: "summary")),
      ("file name", fileName(item.path), SourceLocation(path: item.path)),
    ]
    for (what, text, location) in places {
      // A public item's summary often names a non-public document ("the
      // non-public minutes", "non-public summary"): there, only the words
      // that label the paper itself count.
      guard let label = Self.nonPublicLabel(in: text, skippingNonPublic: what == "summary") else { continue }
      diagnostics.warning(
        "this public item's \(what) says '\(label)': if it is exempt, set 'access: exempt' and its 'exempt-paragraphs'",
        at: location)
    }
  }

  /// The first word or pair of words in `text` that marks a paper as
  /// non-public, as clerks write them: "non-public" (or "non public",
  /// "nonpublic"), "exempt", "confidential", "Part 2" (or "Part II", "Part
  /// Two"). A plain word scan: it runs for every public item.
  static func nonPublicLabel(in text: String, skippingNonPublic: Bool = false) -> String? {
    let words = lowercasedWords(text)
    for (index, word) in words.enumerated() {
      let next = index + 1 < words.count ? words[index + 1] : ""
      switch word {
      case "exempt", "confidential": return String(word)
      case "nonpublic" where !skippingNonPublic: return "non-public"
      case "non" where next == "public" && !skippingNonPublic: return "non-public"
      case "part" where next == "2" || next == "ii" || next == "two": return "part \(next)"
      case "part2": return "part 2"
      default: continue
      }
    }
    return nil
  }

  /// The words of `text` lowercased: its runs of letters and digits. ASCII
  /// text is split by its bytes (`NonPublicLabelTests`: as
  /// `lowercasedWordsByCharacters` splits it), any other by its characters.
  static func lowercasedWords(_ text: String) -> [Substring] {
    guard text.utf8.allSatisfy({ $0 < 0x80 }) else { return lowercasedWordsByCharacters(text) }
    let lowered = text.lowercased()
    return lowered.utf8.split { !(($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57)) }.map { Substring($0) }
  }

  /// The straightforward split, by characters.
  static func lowercasedWordsByCharacters(_ text: String) -> [Substring] {
    text.lowercased().split { !($0.isLetter || $0.isNumber) }
  }

  func checkReferences(_ item: AgendaItem, slugs: ItemSlugs, meeting: Meeting, _ diagnostics: inout Diagnostics) {
    for slug in item.seeAlso {
      let at = item.location(of: "see-also#\(slug)")
      if slug == item.slug {
        diagnostics.error("'see-also' names the item itself", at: at)
      } else if let problem = slugs.problem(slug) {
        diagnostics.error("'see-also' names '\(slug)', \(problem)", at: at)
      }
    }
    if let target = item.appendixTo {
      let at = item.location(of: "appendix-to")
      if target == item.slug {
        diagnostics.error("'appendix-to' names the item itself", at: at)
      } else if let problem = slugs.problem(target) {
        diagnostics.error("'appendix-to' names '\(target)', \(problem)", at: at)
      }
    }
    if let reference = item.minutesOf {
      checkMinutesOf(reference, item: item, meeting: meeting, &diagnostics)
    }
  }

  func checkMinutesOf(_ reference: MinutesReference, item: AgendaItem, meeting: Meeting, _ diagnostics: inout Diagnostics) {
    let at = item.location(of: "minutes-of")
    let id = reference.meetingID(defaultCommittee: meeting.id.committee)
    guard let target = index.entry(id) else {
      if index.unloadedMeetings.contains(id) { return }
      diagnostics.error("'minutes-of' names \(id.path), which is not a meeting in the archive", at: at)
      return
    }
    if id == meeting.id {
      diagnostics.error("'minutes-of' names this same meeting; minutes are approved at a later meeting", at: at)
    }
    switch item.access {
    case .public:
      if !target.hasMinutes {
        diagnostics.error("'minutes-of' names \(id.path), which has no minutes.md", at: at)
      }
      if target.status == .draft && meeting.status.isPublished {
        diagnostics.error("'minutes-of' names \(id.path), a draft meeting; its minutes cannot be published", at: at)
      }
    case .exempt:
      if !target.hasNonPublicMinutes {
        diagnostics.error("'minutes-of' on an exempt item names \(id.path), which has no minutes.non-public.md", at: at)
      }
    }
  }

  func checkLinks(_ item: AgendaItem, slugs: ItemSlugs, meeting: Meeting, _ diagnostics: inout Diagnostics) {
    for link in item.body.links {
      let at = item.bodyLocation(link.position)
      if checkLink(link.url, at: at, slugs: slugs, meeting: meeting, &diagnostics) { continue }
      checkLocalFile(link, item: item, at: at, &diagnostics)
    }
    for appendix in item.appendices {
      guard case .markdown(let document) = appendix.content else { continue }
      for link in document.links {
        // An appendix file has no front matter: its lines are the document's.
        let at = SourceLocation(path: appendix.path, line: link.position.line, column: link.position.column)
        if checkLink(link.url, at: at, slugs: slugs, meeting: meeting, &diagnostics) { continue }
        checkLocalFile(link, appendix: appendix, item: item, at: at, &diagnostics)
      }
    }
    for (key, document) in [("summary", item.summary), ("exempt-reason", item.exemptReason)] {
      for link in document?.links ?? [] {
        checkLink(link.url, at: item.location(of: key), slugs: slugs, meeting: meeting, &diagnostics)
      }
    }
  }

  /// Checks `item:` and `meeting:` links; returns true when the URL was one.
  @discardableResult
  func checkLink(_ url: String, at: SourceLocation, slugs: ItemSlugs, meeting: Meeting, _ diagnostics: inout Diagnostics) -> Bool {
    if url.hasPrefix("item:") {
      let slug = String(url.dropFirst(5))
      if let problem = slugs.problem(slug) {
        diagnostics.error("link to 'item:\(slug)', \(problem)", at: at)
      }
      return true
    }
    if url.hasPrefix("meeting:") {
      let target = url.dropFirst(8)
      let parts = target.split(separator: "/", omittingEmptySubsequences: false)
      let id = MeetingID(committee: String(parts.first ?? ""), folder: String(parts.last ?? ""))
      guard parts.count == 2, let entry = index.entry(id) else {
        if parts.count == 2 && index.unloadedMeetings.contains(id) { return true }
        diagnostics.error("link to 'meeting:\(target)', which is not a meeting in the archive (write meeting:<committee>/<YYYY-MM-DD>)", at: at)
        return true
      }
      if entry.status == .draft && meeting.status.isPublished {
        diagnostics.warning("link to 'meeting:\(target)', a draft meeting; the link will not work on the public site", at: at)
      }
      return true
    }
    return false
  }

  /// A relative link or image must name a file in the item's own folder.
  func checkLocalFile(_ link: MarkdownLink, item: AgendaItem, at: SourceLocation, _ diagnostics: inout Diagnostics) {
    let url = link.url
    if url.isEmpty || url.hasPrefix("#") || url.contains(":") || url.hasPrefix("//") { return }
    let files = ContentFiles(root: index.root)
    let stem = files.itemStem(item)
    // Written relative to the meeting folder, so the same URL works from the
    // item page and the pack, which are published beside the item's folder.
    let relative = String(url.dropFirst(stem.count + 1))
    let parts = relative.split(separator: "/", omittingEmptySubsequences: false)
    guard url.hasPrefix(stem + "/"), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
      diagnostics.error("'\(url)' must name a file in the item's folder, written '\(stem)/<file>'", at: at)
      return
    }
    switch files.kind(files.itemFolder(item) + "/" + relative) {
    case .file?: return
    case .symbolicLink?: diagnostics.error("'\(url)' is a symbolic link; Clerk does not follow links", at: at)
    default: diagnostics.error("'\(url)' does not exist in the item's folder '\(stem)/'", at: at)
    }
  }

  /// A relative link or image in a markdown appendix names a file beside
  /// the appendix (or below it), inside the item's folder.
  func checkLocalFile(
    _ link: MarkdownLink, appendix: Appendix, item: AgendaItem, at: SourceLocation, _ diagnostics: inout Diagnostics
  ) {
    let url = link.url
    if url.isEmpty || url.hasPrefix("#") || url.contains(":") || url.hasPrefix("//") { return }
    let files = ContentFiles(root: index.root)
    // The appendix's folder as the clerk sees it, from the meeting folder.
    let folder = files.itemStem(item) + appendix.folder.dropFirst(files.itemFolder(item).count) + "/"
    let parts = url.split(separator: "/", omittingEmptySubsequences: false)
    guard parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }) else {
      diagnostics.error(
        "'\(url)' must name a file in the appendix's folder '\(folder)', written relative to the appendix", at: at)
      return
    }
    switch files.kind(appendix.folder + "/" + url) {
    case .file?: return
    case .symbolicLink?: diagnostics.error("'\(url)' is a symbolic link; Clerk does not follow links", at: at)
    default: diagnostics.error("'\(url)' does not exist in the appendix's folder '\(folder)'", at: at)
    }
  }

  func checkPublication(_ entry: MeetingEntry, _ diagnostics: inout Diagnostics) {
    guard entry.status.isPublished, let published = entry.published else { return }
    let at = entry.locations["published"] ?? SourceLocation(path: entry.id.path + "/meeting.yml")
    let deadline = PublicationDeadline(meeting: entry.date, published: published, workingDays: workingDays)
    switch deadline.standing {
    case .afterTheMeeting:
      diagnostics.warning("the agenda is published (\(published.iso)) after the meeting (\(entry.date.iso))", at: at)
    case .late(_, let clear):
      diagnostics.warning(
        "published \(published.iso) leaves \(Plural.count(clear, "clear working day")) before the meeting; five are required (publish by \(deadline.publishBy.longText))",
        at: at)
    case .onTime, .notPublished:
      break
    }
  }
}

/// The items of a meeting by slug. Two items may share a slug
/// (`07-update.md`, `17-update.md`); only a reference to such a slug is a
/// problem, because it is ambiguous. An item file that failed to load still
/// names its slug: its own error is the one to fix.
struct ItemSlugs {
  var items: [String: AgendaItem] = [:]
  var files: [String: [String]] = [:]

  init(_ list: [AgendaItem], unloaded: [String] = []) {
    for item in list {
      if items[item.slug] == nil { items[item.slug] = item }
      files[item.slug, default: []].append(item.path.split(separator: "/").last.map(String.init) ?? item.path)
    }
    for path in unloaded {
      let name = path.split(separator: "/").last.map(String.init) ?? path
      let slug = MeetingLoader.parseItemName(name)?.1 ?? String(name.dropLast(3))
      files[slug, default: []].append(name)
    }
  }

  /// Why a reference to `slug` cannot be resolved, or nil when it can.
  func problem(_ slug: String) -> String? {
    guard items[slug] != nil || files[slug] != nil else {
      return "which is not an item of this meeting" + KeySuggestion.didYouMean(slug, in: files.keys.sorted())
    }
    if let names = files[slug], names.count > 1 {
      return "which is ambiguous: \(names.sorted().joined(separator: " and ")) share that slug; rename one"
    }
    return nil
  }
}
