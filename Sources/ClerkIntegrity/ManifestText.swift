import ClerkCore

/// A manifest's JSON, written directly as bytes in the layout of
/// `JSONEncoder` with sorted keys, pretty printing and unescaped slashes
/// (`Manifest.encodedJSON`, which the tests hold it to, byte for byte): a
/// build's manifest lists tens of thousands of files.
enum ManifestText {
  static func of(_ manifest: Manifest) -> String {
    var json = PrettyJSON()
    json.bytes.reserveCapacity(manifest.files.count * 150 + manifest.meetings.count * 200 + 64)
    let files = PrettyJSON.sorted(manifest.files)
    let meetings = PrettyJSON.sorted(manifest.meetings)
    json.object(count: 3, level: 0) { json, member in
      switch member {
      case 0:
        json.key("files")
        json.object(count: files.count, level: 1) { json, index in
          json.key(files[index].key)
          file(files[index].value, level: 2, into: &json)
        }
      case 1:
        json.key("format")
        json.number(manifest.format)
      default:
        json.key("meetings")
        json.object(count: meetings.count, level: 1) { json, index in
          json.key(meetings[index].key)
          meeting(meetings[index].value, level: 2, into: &json)
        }
      }
    }
    json.bytes.append(UInt8(ascii: "\n"))
    return String(decoding: json.bytes, as: UTF8.self)
  }

  static func file(_ file: Manifest.File, level: Int, into json: inout PrettyJSON) {
    json.object(count: 2, level: level) { json, member in
      if member == 0 {
        json.key("sha256")
        json.string(file.sha256)
      } else {
        json.key("size")
        json.number(file.size)
      }
    }
  }

  static func meeting(_ meeting: Manifest.Meeting, level: Int, into json: inout PrettyJSON) {
    // Sorted keys; `published` is left out when there is none.
    let keys = ["date", "published", "revisions", "status"].filter { $0 != "published" || meeting.published != nil }
    json.object(count: keys.count, level: level) { json, member in
      json.key(keys[member])
      switch keys[member] {
      case "date": json.string(meeting.date)
      case "published": json.string(meeting.published ?? "")
      case "status": json.string(meeting.status)
      default:
        json.array(count: meeting.revisions.count, level: level + 1) { json, index in
          let revision = meeting.revisions[index]
          json.object(count: 2, level: level + 2) { json, member in
            json.key(member == 0 ? "date" : "note")
            json.string(member == 0 ? revision.date : revision.note)
          }
        }
      }
    }
  }
}
