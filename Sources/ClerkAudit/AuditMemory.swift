import Foundation

extension BuildAudit {
  /// What the audit of one meeting leaves for the end pass: the runs only
  /// its non-public text holds, its agenda fields' runs, its non-public
  /// values and names, its public values, and its part of the non-public
  /// fingerprint. An incremental build keeps it beside the output, so a
  /// meeting it does not render again counts in the end pass exactly as if
  /// it had been audited again. Its exempt runs, the bulk of it, are not
  /// part of its JSON: the record keeps them as bytes in a file of their own.
  public struct Memory: Codable, Sendable, Equatable {
    public struct Entry: Codable, Sendable, Equatable {
      public var key: String
      public var source: LeakIndex.Source
    }

    public var exemptRuns: [UInt64]
    var publicFieldRuns: [UInt64]
    var values: [Entry]
    var names: [Entry]
    var publicValues: [String]
    var fingerprint: [UInt64]

    init(_ batch: LeakIndexBuilder.Batch, exempt: [UInt64], fingerprint: [UInt64]) {
      exemptRuns = exempt.sorted()
      publicFieldRuns = Array(Set(batch.publicFieldRuns)).sorted()
      values = Self.entries(batch.values)
      names = Self.entries(batch.names)
      publicValues = Array(Set(batch.publicValues)).sorted()
      self.fingerprint = fingerprint
    }

    /// The first source of each key, sorted by key: the same meeting keeps the same bytes.
    static func entries(_ list: [(String, LeakIndex.Source)]) -> [Entry] {
      var first: [String: LeakIndex.Source] = [:]
      for (key, source) in list where first[key] == nil { first[key] = source }
      return first.sorted { $0.key < $1.key }.map { Entry(key: $0.key, source: $0.value) }
    }

    enum CodingKeys: String, CodingKey {
      case publicFieldRuns = "public-field-runs"
      case values, names
      case publicValues = "public-values"
      case fingerprint
    }

    // Runs are kept as little-endian bytes (base64 in JSON): a meeting can have tens of thousands.
    public init(from decoder: any Decoder) throws {
      let container = try decoder.container(keyedBy: CodingKeys.self)
      exemptRuns = []
      publicFieldRuns = Self.runs(try container.decode(Data.self, forKey: .publicFieldRuns))
      values = try container.decode([Entry].self, forKey: .values)
      names = try container.decode([Entry].self, forKey: .names)
      publicValues = try container.decode([String].self, forKey: .publicValues)
      fingerprint = try container.decode([UInt64].self, forKey: .fingerprint)
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(Self.bytes(publicFieldRuns), forKey: .publicFieldRuns)
      try container.encode(values, forKey: .values)
      try container.encode(names, forKey: .names)
      try container.encode(publicValues, forKey: .publicValues)
      try container.encode(fingerprint, forKey: .fingerprint)
    }

    public static func bytes(_ runs: [UInt64]) -> Data {
      // Little-endian machines (every one Clerk builds for) keep them as they are.
      guard UInt64(1).littleEndian == 1 else { return runs.map(\.littleEndian).withUnsafeBytes { Data($0) } }
      return runs.withUnsafeBytes { Data($0) }
    }

    public static func runs(_ bytes: Data) -> [UInt64] {
      let count = bytes.count / 8
      return [UInt64](unsafeUninitializedCapacity: count) { buffer, initialized in
        bytes.withUnsafeBytes { raw in
          for index in 0..<count {
            buffer[index] = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: index * 8, as: UInt64.self))
          }
        }
        initialized = count
      }
    }
  }
}
