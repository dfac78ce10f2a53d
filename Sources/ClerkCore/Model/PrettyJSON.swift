/// JSON text written directly as bytes, as `JSONEncoder` writes it with
/// `.sortedKeys`, `.prettyPrinted` and `.withoutEscapingSlashes`: two spaces an indent,
/// `"key" : value`, and an empty array or object as an empty line between
/// its brackets.
public struct PrettyJSON {
  public var bytes: [UInt8] = []

  public init() {}

  /// Keys in the order `.sortedKeys` gives: by their UTF-8 bytes.
  public static func sorted<Value>(_ dictionary: [String: Value]) -> [(key: String, value: Value)] {
    // The keys are sorted, not the entries (moving them is what a sort costs).
    UTF8Order.sorted(Array(dictionary.keys)).map { (key: $0, value: dictionary[$0]!) }
  }

  public mutating func object(count: Int, level: Int, member: (inout PrettyJSON, Int) -> Void) {
    container(UInt8(ascii: "{"), UInt8(ascii: "}"), count: count, level: level, member: member)
  }

  public mutating func array(count: Int, level: Int, member: (inout PrettyJSON, Int) -> Void) {
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

  public mutating func key(_ name: String) {
    string(name)
    bytes.append(contentsOf: " : ".utf8)
  }

  public mutating func number(_ value: Int) {
    bytes.append(contentsOf: String(value).utf8)
  }

  /// A string, escaped as `JSONEncoder` escapes it without escaping slashes.
  public mutating func string(_ value: String) {
    bytes.append(UInt8(ascii: "\""))
    var value = value
    value.withUTF8 { utf8 in
      // Most strings (paths, digests, dates) need no escape: appended whole.
      if !utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
        bytes.append(contentsOf: utf8)
        return
      }
      for byte in utf8 { escaped(byte) }
    }
    bytes.append(UInt8(ascii: "\""))
  }

  /// One byte of a string, escaped as `JSONEncoder` escapes it (slashes left as they are).
  private mutating func escaped(_ byte: UInt8) {
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

  private mutating func indent(_ level: Int) {
    bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level * 2))
  }

  public mutating func bool(_ value: Bool) {
    bytes.append(contentsOf: (value ? "true" : "false").utf8)
  }

  /// An object of `members`, written in the order of their keys' bytes (as
  /// `.sortedKeys` orders them); a member whose value is nil is left out,
  /// as a synthesised `Encodable` leaves out a nil optional.
  public mutating func object(level: Int, _ members: [JSONMember]) {
    let present = members.filter { $0.value != nil }.sorted { UTF8Order.precedes($0.key, $1.key) }
    object(count: present.count, level: level) { json, index in
      json.key(present[index].key)
      present[index].value!.write(into: &json, level: level + 1)
    }
  }
}

/// A value `PrettyJSON` writes as `JSONEncoder` would encode it.
public protocol PrettyJSONValue {
  func write(into json: inout PrettyJSON, level: Int)
}

/// One member of an object: its key as written (already in the case the
/// file uses) and its value, nil to leave it out.
public struct JSONMember {
  public var key: String
  public var value: (any PrettyJSONValue)?

  public init(_ key: String, _ value: (any PrettyJSONValue)?) {
    self.key = key
    self.value = value
  }
}

extension String: PrettyJSONValue {
  public func write(into json: inout PrettyJSON, level: Int) { json.string(self) }
}

extension Int: PrettyJSONValue {
  public func write(into json: inout PrettyJSON, level: Int) { json.number(self) }
}

extension Bool: PrettyJSONValue {
  public func write(into json: inout PrettyJSON, level: Int) { json.bool(self) }
}

extension Array: PrettyJSONValue where Element: PrettyJSONValue {
  public func write(into json: inout PrettyJSON, level: Int) {
    json.array(count: count, level: level) { json, index in self[index].write(into: &json, level: level + 1) }
  }
}
