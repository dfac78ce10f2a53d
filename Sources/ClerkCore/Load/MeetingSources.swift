/// A meeting's files as written, beside the `Meeting` the loader made of
/// them: the leak audit reads each text exactly as the clerk wrote it
/// (and would otherwise read every file a second time), while the model
/// keeps only what the later stages use.
public struct MeetingSources: Sendable {
  /// A markdown body as written, and the file line it starts on.
  public struct Body: Sendable {
    public var text: String
    public var line: Int

    public init(text: String, line: Int) {
      self.text = text
      self.line = line
    }
  }

  /// One front-matter scalar as written, with its key and file line.
  public struct Field: Sendable {
    public var key: String
    public var text: String
    public var line: Int

    public init(key: String, text: String, line: Int) {
      self.key = key
      self.text = text
      self.line = line
    }
  }

  /// An agenda item's body and every front-matter value (each scalar of
  /// every key, in the order the file has them).
  public struct Item: Sendable {
    public var body: Body
    public var fields: [Field]

    public init(body: Body, fields: [Field] = []) {
      self.body = body
      self.fields = fields
    }
  }

  /// By item path (relative to the content root).
  public var items: [String: Item] = [:]
  /// By minutes path: the meeting's own minutes and, once it is planned,
  /// those its plan binds in from other meetings (`minutes-of`).
  public var minutes: [String: Body] = [:]

  public init(items: [String: Item] = [:], minutes: [String: Body] = [:]) {
    self.items = items
    self.minutes = minutes
  }

  /// The item as written; one the loader did not read has an empty body.
  public subscript(item: AgendaItem) -> Item {
    items[item.path] ?? Item(body: Body(text: "", line: item.bodyLine))
  }

  /// The minutes' body as written; empty for minutes the loader did not read.
  public subscript(minutes: Minutes) -> Body {
    self.minutes[minutes.path] ?? Body(text: "", line: minutes.bodyLine)
  }
}

/// One meeting as loaded: the model, and its files as written.
public struct LoadedMeeting: Sendable {
  public var meeting: Meeting
  public var sources: MeetingSources

  public init(meeting: Meeting, sources: MeetingSources = MeetingSources()) {
    self.meeting = meeting
    self.sources = sources
  }
}
