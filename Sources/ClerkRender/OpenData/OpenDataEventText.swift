import ClerkCore

/// `meeting.json` written directly as bytes (`PrettyJSON`), byte for byte
/// what `OpenData.encode` (`JSONEncoder`: sorted keys, snake_case) gives,
/// which the tests hold it to: a build writes one per meeting and tree,
/// and `JSONEncoder` was a twentieth of a full build. Keys are spelled as
/// the file has them; nil optionals are left out, as encoding leaves them.
extension OpenDataEvent: PrettyJSONValue {
  /// The file's text, with its final newline.
  var text: String {
    var json = PrettyJSON()
    write(into: &json, level: 0)
    json.bytes.append(UInt8(ascii: "\n"))
    return String(decoding: json.bytes, as: UTF8.self)
  }

  func write(into json: inout PrettyJSON, level: Int) {
    json.object(
      level: level,
      [
        JSONMember("name", name), JSONMember("description", description),
        JSONMember("classification", classification), JSONMember("start_date", startDate),
        JSONMember("timezone", timezone), JSONMember("all_day", allDay), JSONMember("status", status),
        JSONMember("location", location), JSONMember("participants", participants),
        JSONMember("documents", documents), JSONMember("sources", sources), JSONMember("agenda", agenda),
        JSONMember("extras", extras),
      ])
  }
}

extension OpenDataEvent.Location: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(level: level, [JSONMember("name", name)])
  }
}

extension OpenDataEvent.Entity: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(
      level: level, [JSONMember("name", name), JSONMember("entity_type", entityType), JSONMember("note", note)])
  }
}

extension OpenDataEvent.Document: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(level: level, [JSONMember("note", note), JSONMember("date", date), JSONMember("links", links)])
  }
}

extension OpenDataEvent.MediaLink: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(level: level, [JSONMember("media_type", mediaType), JSONMember("url", url)])
  }
}

extension OpenDataEvent.Link: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(level: level, [JSONMember("note", note), JSONMember("url", url)])
  }
}

extension OpenDataEvent.Revision: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(level: level, [JSONMember("date", date), JSONMember("note", note)])
  }
}

extension OpenDataEvent.Extras: PrettyJSONValue where Clerk: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(level: level, [JSONMember("clerk", clerk)])
  }
}

extension OpenDataEvent.MeetingExtras: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(
      level: level,
      [
        JSONMember("committee", committee), JSONMember("meeting", meeting), JSONMember("audience", audience),
        JSONMember("time", time), JSONMember("published", published), JSONMember("revisions", revisions),
        JSONMember("notes", notes),
      ])
  }
}

extension OpenDataEvent.AgendaEntry: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    switch self {
    case .full(let entry): entry.write(into: &json, level: level)
    case .withheld(let entry): entry.write(into: &json, level: level)
    }
  }
}

extension OpenDataEvent.FullEntry: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(
      level: level,
      [
        JSONMember("order", order), JSONMember("description", description), JSONMember("public", `public`),
        JSONMember("paragraphs", paragraphs), JSONMember("notes", notes),
        JSONMember("related_entities", relatedEntities), JSONMember("extras", extras),
      ])
  }
}

extension OpenDataEvent.WithheldEntry: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(
      level: level,
      [
        JSONMember("order", order), JSONMember("description", description), JSONMember("public", `public`),
        JSONMember("paragraphs", paragraphs),
      ])
  }
}

extension OpenDataEvent.ItemExtras: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(
      level: level,
      [
        JSONMember("url", url), JSONMember("purpose", purpose), JSONMember("summary", summary),
        JSONMember("slug", slug), JSONMember("supplement", supplement), JSONMember("released", released),
        JSONMember("exempt_reason", exemptReason), JSONMember("generated", generated),
        JSONMember("appendices", appendices),
      ])
  }
}

extension OpenDataEvent.Appendix: PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int) {
    json.object(level: level, [JSONMember("label", label), JSONMember("title", title), JSONMember("url", url)])
  }
}
