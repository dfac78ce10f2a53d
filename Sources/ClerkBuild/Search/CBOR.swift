import Foundation

/// Just enough CBOR (RFC 8949) to reorder Pagefind's filter and metadata
/// files: definite lengths, integers, strings, arrays and maps, written
/// back in the shortest form, as Pagefind (minicbor) writes them, so a
/// value read and written again gives the same bytes.
indirect enum CBOR: Equatable {
  case unsigned(UInt64)
  case negative(UInt64)
  case bytes(Data)
  case text(String)
  case array([CBOR])
  case map([CBOR])  // key, value, key, value…
  case simple(UInt64)

  struct Malformed: Error {
    var reason: String
  }

  /// The one value `data` holds, all of it.
  static func decode(_ data: Data) throws(Malformed) -> CBOR {
    let bytes = [UInt8](data)
    var offset = 0
    let value = try read(bytes, &offset)
    guard offset == bytes.count else { throw Malformed(reason: "\(bytes.count - offset) bytes after the value") }
    return value
  }

  private static func read(_ bytes: [UInt8], _ offset: inout Int) throws(Malformed) -> CBOR {
    guard offset < bytes.count else { throw Malformed(reason: "cut short") }
    let major = bytes[offset] >> 5
    let info = bytes[offset] & 31
    offset += 1
    var argument: UInt64
    switch info {
    case 0..<24: argument = UInt64(info)
    case 24...27:
      let width = 1 << Int(info - 24)
      guard offset + width <= bytes.count else { throw Malformed(reason: "cut short") }
      argument = bytes[offset..<offset + width].reduce(0) { $0 << 8 | UInt64($1) }
      offset += width
    default: throw Malformed(reason: "indefinite or reserved length")
    }
    func payload() throws(Malformed) -> ArraySlice<UInt8> {
      guard argument <= UInt64(bytes.count - offset) else { throw Malformed(reason: "cut short") }
      defer { offset += Int(argument) }
      return bytes[offset..<offset + Int(argument)]
    }
    func items(_ count: UInt64) throws(Malformed) -> [CBOR] {
      guard count <= UInt64(bytes.count - offset) else { throw Malformed(reason: "cut short") }
      var list: [CBOR] = []
      for _ in 0..<count { list.append(try read(bytes, &offset)) }
      return list
    }
    switch major {
    case 0: return .unsigned(argument)
    case 1: return .negative(argument)
    case 2: return .bytes(Data(try payload()))
    case 3:
      guard let text = String(validating: try payload(), as: UTF8.self) else { throw Malformed(reason: "text is not UTF-8") }
      return .text(text)
    case 4: return .array(try items(argument))
    case 5:
      guard argument <= UInt64.max / 2 else { throw Malformed(reason: "cut short") }
      return .map(try items(argument * 2))
    case 7: return .simple(argument)
    default: throw Malformed(reason: "tags are not expected")
    }
  }

  /// The value in the shortest encoding.
  var encoded: Data {
    var out = Data()
    write(into: &out)
    return out
  }

  private func write(into out: inout Data) {
    func head(_ major: UInt8, _ argument: UInt64) {
      switch argument {
      case 0..<24: out.append(major << 5 | UInt8(argument))
      case 24...0xff: out.append(contentsOf: [major << 5 | 24, UInt8(argument)])
      case 0x100...0xffff: out.append(major << 5 | 25); append(argument, width: 2)
      case 0x10000...0xffff_ffff: out.append(major << 5 | 26); append(argument, width: 4)
      default: out.append(major << 5 | 27); append(argument, width: 8)
      }
    }
    func append(_ value: UInt64, width: Int) {
      for shift in stride(from: (width - 1) * 8, through: 0, by: -8) { out.append(UInt8(truncatingIfNeeded: value >> UInt64(shift))) }
    }
    switch self {
    case .unsigned(let value): head(0, value)
    case .negative(let value): head(1, value)
    case .bytes(let data): head(2, UInt64(data.count)); out.append(data)
    case .text(let text): head(3, UInt64(text.utf8.count)); out.append(contentsOf: text.utf8)
    case .array(let list): head(4, UInt64(list.count)); for item in list { item.write(into: &out) }
    case .map(let list): head(5, UInt64(list.count / 2)); for item in list { item.write(into: &out) }
    case .simple(let value): head(7, value)
    }
  }
}
