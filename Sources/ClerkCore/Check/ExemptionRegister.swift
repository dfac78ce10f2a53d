/// The register of exempt items a monitoring officer reviews: every Part 2
/// item of every meeting, lapsed reviews first.
public struct ExemptionRegister: Sendable {
  public struct Entry: Sendable, Equatable {
    public var meeting: MeetingID
    public var date: CalendarDate
    public var number: AgendaNumber
    public var title: String
    public var paragraphs: [Int]
    public var exemptUntil: CalendarDate?
    public var released: CalendarDate?
    /// Still exempt, and its `exempt-until` review date has passed.
    public var isLapsed: Bool
  }

  public private(set) var entries: [Entry] = []

  public init() {}

  /// Adds the Part 2 items (the generated exclusion item aside) of one
  /// planned meeting; `today` decides what has lapsed.
  public mutating func add(_ meeting: Meeting, plan: MeetingPlan, today: CalendarDate) {
    let items = Dictionary(meeting.items.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    for planned in plan.items where planned.part == .two && !planned.isGenerated {
      let item = planned.path.flatMap { items[$0] }
      let until = item?.exemptUntil
      entries.append(
        Entry(
          meeting: plan.id, date: plan.date, number: planned.number, title: planned.title,
          paragraphs: planned.exemptParagraphs, exemptUntil: until, released: planned.released,
          isLapsed: planned.released == nil && until.map { $0 < today } == true))
    }
  }

  /// Lapsed reviews first (oldest review date first), then the rest by
  /// meeting and agenda order.
  public var sorted: [Entry] {
    entries.sorted { a, b in
      if a.isLapsed != b.isLapsed { return a.isLapsed }
      if a.isLapsed, let x = a.exemptUntil, let y = b.exemptUntil, x != y { return x < y }
      return (a.date, a.meeting.path, a.number) < (b.date, b.meeting.path, b.number)
    }
  }
}
