/// `meeting.json`: one meeting as an Open Civic Data Event
/// (https://open-civic-data.readthedocs.io/en/latest/data/event.html),
/// with Clerk's own fields under `extras.clerk`. Its schema is
/// `docs/schema/meeting.schema.json`; change both together.
struct OpenDataEvent: Encodable {
  var name: String
  var description: String
  var classification = "committee-meeting"
  /// Local time with the Europe/London offset of that date.
  var startDate: String
  var timezone = "Europe/London"
  var allDay = false
  var status: String
  var location: Location
  var participants: [Entity]
  var documents: [Document]
  var sources: [Link]
  var agenda: [AgendaEntry]
  var extras: Extras<MeetingExtras>

  struct Location: Encodable {
    var name: String
  }

  /// A participant of the meeting, or an entity related to an item (a
  /// report's author): `organization` or `person`, and what it is to it.
  struct Entity: Encodable {
    var name: String
    var entityType: String
    var note: String
  }

  struct Document: Encodable {
    var note: String
    var date: String?
    var links: [MediaLink]
  }

  struct MediaLink: Encodable {
    var mediaType: String
    var url: String
  }

  struct Link: Encodable {
    var note: String
    var url: String
  }

  struct Revision: Encodable {
    var date: String
    var note: String
  }

  /// Clerk's own fields, namespaced as OCD asks of extras.
  struct Extras<Clerk: Encodable>: Encodable {
    var clerk: Clerk
  }

  struct MeetingExtras: Encodable {
    /// The committee's folder name (its slug).
    var committee: String
    /// The meeting's folder name (`YYYY-MM-DD[-slug]`).
    var meeting: String
    /// `public` or `non-public`: the tree this file was written to.
    var audience: String
    var time: String
    var published: String?
    var revisions: [Revision]
    /// The front sheet's notes, as text.
    var notes: [String]
  }

  /// One agenda entry: in full, or, for an exempt item in the public tree,
  /// withheld to its number, title and paragraphs.
  enum AgendaEntry: Encodable {
    case full(FullEntry)
    case withheld(WithheldEntry)

    func encode(to encoder: any Encoder) throws {
      var container = encoder.singleValueContainer()
      switch self {
      case .full(let entry): try container.encode(entry)
      case .withheld(let entry): try container.encode(entry)
      }
    }
  }

  struct FullEntry: Encodable {
    /// The agenda number as text ("5A").
    var order: String
    /// The item's title.
    var description: String
    var `public`: Bool
    /// Exemption paragraphs, on a Part 2 item (released ones too).
    var paragraphs: [Int]?
    /// Generated lines: cross-references, the exclusion motion.
    var notes: [String]
    var relatedEntities: [Entity]
    var extras: Extras<ItemExtras>
  }

  /// All an exempt item shows the public: these four keys, nothing else.
  struct WithheldEntry: Encodable {
    var order: String
    var description: String
    var `public` = false
    var paragraphs: [Int]
  }

  struct ItemExtras: Encodable {
    /// The item's page.
    var url: String
    /// `decision` or `information`; absent for `none`.
    var purpose: String?
    var summary: String?
    /// The item file's slug; absent on the generated exclusion item.
    var slug: String?
    var supplement: Int?
    /// On a released Part 2 item: the day its exemption ended.
    var released: String?
    var exemptReason: String?
    var generated: Bool?
    var appendices: [Appendix]?
  }

  struct Appendix: Encodable {
    var label: String
    var title: String
    /// The published file (CSV, PDF, image); a markdown appendix is on the item's page.
    var url: String?
  }
}
