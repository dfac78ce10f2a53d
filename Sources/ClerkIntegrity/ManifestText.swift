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

/// JSON text as `JSONEncoder` pretty-prints it: two spaces an indent,
/// `"key" : value`, and an empty array or object as an empty line between
/// its brackets.
struct PrettyJSON {
  var bytes: [UInt8] = []

  /// Keys in the order `.sortedKeys` gives: by their UTF-8 bytes.
  static func sorted<Value>(_ dictionary: [String: Value]) -> [(key: String, value: Value)] {
    // The keys are sorted, not the entries (moving them is what a sort costs).
    dictionary.keys.sorted(by: UTF8Order.precedes).map { (key: $0, value: dictionary[$0]!) }
  }

  mutating func object(count: Int, level: Int, member: (inout PrettyJSON, Int) -> Void) {
    container(UInt8(ascii: "{"), UInt8(ascii: "}"), count: count, level: level, member: member)
  }

  mutating func array(count: Int, level: Int, member: (inout PrettyJSON, Int) -> Void) {
    container(UInt8(ascii: "["), UInt8(ascii: "]"), count: count, level: level, member: member)
  }

  /// A container whose own line is at `level`; each member starts on its
  /// own line, one level in.
  private mutating func container(
    _ open: UInt8, _ close: UInt8, count: Int, level: Int, member: (inout PrettyJSON, Int) -> Void
  ) {
    bytes.append(open)
    if count == 0 { bytes.append(UInt8(ascii: "\n")) }
    for index in 0..<count {
      if index > 0 { bytes.append(UInt8(ascii: ",")) }
      bytes.append(UInt8(ascii: "\n"))
      indent(level + 1)
      member(&self, index)
    }
    bytes.append(UInt8(ascii: "\n"))
    indent(level)
    bytes.append(close)
  }

  mutating func key(_ name: String) {
    string(name)
    bytes.append(contentsOf: " : ".utf8)
  }

  mutating func number(_ value: Int) {
    bytes.append(contentsOf: String(value).utf8)
  }

  /// A string, escaped as `JSONEncoder` escapes it without escaping slashes.
  mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    for byte in value.utf8 {
      switch byte {
      case UInt8(ascii: "\""): bytes.append(contentsOf: "\\\"".utf8)
      case UInt8(ascii: "\\"): bytes.append(contentsOf: "\\\\".utf8)
      case 0x08: bytes.append(contentsOf: "\\b".utf8)
      case 0x0C: bytes.append(contentsOf: "\\f".utf8)
      case 0x0A: bytes.append(contentsOf: "\\n".utf8)
      case 0x0D: bytes.append(contentsOf: "\\r".utf8)
      case 0x09: bytes.append(contentsOf: "\\t".utf8)
      case 0..<0x20:
        let digits = Array("0123456789abcdef".utf8)
        bytes.append(contentsOf: "\\u00".utf8)
        bytes.append(digits[Int(byte >> 4)])
        bytes.append(digits[Int(byte & 0x0F)])
      default: bytes.append(byte)
      }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  private mutating func indent(_ level: Int) {
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
  }
}
