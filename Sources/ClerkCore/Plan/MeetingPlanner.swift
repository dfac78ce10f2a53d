/// Computes the agenda exactly as the content contract says: Part 1 numbered
/// 1…k, a generated Exclusion of the Public at k+1 when Part 2 is not
/// empty, Part 2 from k+2; cross-references in both directions; minutes of
/// earlier meetings bound in where `minutes-of` says.
public struct MeetingPlanner: Sendable {
  public let index: ArchiveIndex
  /// Loads another meeting's minutes (`minutes.md` or `minutes.non-public.md`).
  public let loadMinutes: @Sendable (MeetingID, Access) -> Minutes?

  public init(index: ArchiveIndex, loadMinutes: @escaping @Sendable (MeetingID, Access) -> Minutes?) {
    self.index = index
    self.loadMinutes = loadMinutes
  }

  /// The full (non-public) plan; narrow it with `narrowed(to:)`.
  public func plan(_ meeting: Meeting) -> MeetingPlan {
    let ordered = meeting.items.sorted { $0.agendaOrder < $1.agendaOrder }
    let partOne = ordered.filter { !$0.isInPartTwo }
    let partTwo = ordered.filter(\.isInPartTwo)
    let numbering = AgendaNumbering(partOne: partOne, partTwo: partTwo)
    var numbers: [String: AgendaNumber] = [:]
    for (item, number) in zip(partOne + partTwo, numbering.numbers) where numbers[item.slug] == nil {
      numbers[item.slug] = number
    }
    let bySlug = Dictionary(ordered.map { ($0.slug, $0) }, uniquingKeysWith: { first, _ in first })
    let appendicesOf = Dictionary(grouping: ordered.filter { $0.appendixTo != nil }) { $0.appendixTo ?? "" }

    func planned(_ item: AgendaItem, number: AgendaNumber, part: AgendaPart) -> PlannedItem {
      var references: [CrossReference] = []
      func reference(_ relation: CrossReference.Relation, _ target: AgendaItem) {
        guard let targetNumber = numbers[target.slug] else { return }
        references.append(
          CrossReference(
            relation: relation, targetNumber: targetNumber, targetSlug: target.slug, targetTitle: target.title,
            targetAccess: target.access))
      }
      if let parent = item.appendixTo.flatMap({ bySlug[$0] }) { reference(.appendixOf, parent) }
      for child in appendicesOf[item.slug] ?? [] { reference(.hasAppendix, child) }
      for other in item.seeAlso.compactMap({ bySlug[$0] }) { reference(.seeAlso, other) }
      var planned = PlannedItem(
        number: number, part: part, kind: .authored, slug: item.slug, path: item.path, title: item.title,
        purpose: item.purpose, access: item.access, summary: item.summary, exemptParagraphs: item.exemptParagraphs,
        exemptReason: item.exemptReason, supplement: item.supplement, orientation: item.orientation,
        crossReferences: references,
        content: ItemContent(
          body: item.body, bodyLine: item.bodyLine, reportOf: item.reportOf, authors: item.authors,
          appendices: item.appendices, embeddedMinutes: embeddedMinutes(item, in: meeting)))
      planned.released = item.released
      return planned
    }

    let partOneNumbers = numbering.numbers.prefix(partOne.count)
    let partTwoNumbers = numbering.numbers.dropFirst(partOne.count)
    var items = zip(partOne, partOneNumbers).map { planned($0, number: $1, part: .one) }
    if !partTwo.isEmpty {
      items.append(exclusionItem(number: numbering.exclusion, partTwo: Array(zip(partTwo, partTwoNumbers))))
      items += zip(partTwo, partTwoNumbers).map { planned($0, number: $1, part: .two) }
    }
    let committee = index.committee(meeting.id.committee) ?? Committee(slug: meeting.id.committee, name: meeting.id.committee)
    var plan = MeetingPlan(
      id: meeting.id, committee: committee, date: meeting.date, time: meeting.time, venue: meeting.venue,
      status: meeting.status, published: meeting.published, notes: meeting.notes, items: items,
      minutes: meeting.minutes, nonPublicMinutes: meeting.nonPublicMinutes, audience: .nonPublic,
      numbersBySlug: numbers)
    plan.revisions = meeting.revisions
    return plan
  }

  /// The generated item, with one row per run of adjacent Part 2 items
  /// that rely on the same paragraphs. An item with no paragraphs (a
  /// standing item with no content) gets no row: it needs no exclusion.
  func exclusionItem(number: AgendaNumber, partTwo: [(AgendaItem, AgendaNumber)]) -> PlannedItem {
    var rows: [ExclusionOfThePublic.Row] = []
    var lastRowIndex = -2
    for (index, (item, itemNumber)) in partTwo.enumerated() {
      let paragraphs = Array(Set(item.exemptParagraphs)).sorted()
      guard !paragraphs.isEmpty else { continue }
      if let last = rows.last, last.paragraphs == paragraphs, lastRowIndex == index - 1 {
        rows[rows.count - 1].items.append(itemNumber)
      } else {
        rows.append(ExclusionOfThePublic.Row(items: [itemNumber], paragraphs: paragraphs))
      }
      lastRowIndex = index
    }
    let exclusion = ExclusionOfThePublic(motion: index.site.exemptionScheme.motion, rows: rows)
    return PlannedItem(
      number: number, part: .one, kind: .exclusion(exclusion), slug: nil, path: nil,
      title: "Exclusion of the Public", purpose: .decision, access: .public, summary: nil, exemptParagraphs: [],
      exemptReason: nil, supplement: nil, orientation: .portrait, crossReferences: [], content: nil)
  }

  func embeddedMinutes(_ item: AgendaItem, in meeting: Meeting) -> EmbeddedMinutes? {
    guard let reference = item.minutesOf else { return nil }
    let id = reference.meetingID(defaultCommittee: meeting.id.committee)
    guard let entry = index.entry(id), id != meeting.id, let minutes = loadMinutes(id, item.access) else { return nil }
    // Non-public minutes only ever go into exempt items.
    guard minutes.access == .public || item.access == .exempt else { return nil }
    return EmbeddedMinutes(meeting: id, meetingDate: entry.date, minutes: minutes)
  }
}
