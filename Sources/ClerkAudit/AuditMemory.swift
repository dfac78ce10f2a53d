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

    /// Kept in a file (`RunStore`), not in memory, nor in the JSON.
    public var exemptRuns: StoredRuns?
    var publicFieldRuns: [UInt64]
    var values: [Entry]
    var names: [Entry]
    var publicValues: [String]
    var fingerprint: [UInt64]

    init(_ batch: LeakIndexBuilder.Batch, exempt: StoredRuns?, fingerprint: [UInt64]) {
      exemptRuns = exempt
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

    /// Equal when all but where the runs are kept is equal.
    public static func == (a: Memory, b: Memory) -> Bool {
      (a.publicFieldRuns, a.publicValues, a.fingerprint) == (b.publicFieldRuns, b.publicValues, b.fingerprint)
        && a.values == b.values && a.names == b.names
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
      exemptRuns = nil
      publicFieldRuns = RunStore.runs(try container.decode(Data.self, forKey: .publicFieldRuns))
      values = try container.decode([Entry].self, forKey: .values)
      names = try container.decode([Entry].self, forKey: .names)
      publicValues = try container.decode([String].self, forKey: .publicValues)
      fingerprint = try container.decode([UInt64].self, forKey: .fingerprint)
    }

    public func encode(to encoder: any Encoder) throws {
      var container = encoder.container(keyedBy: CodingKeys.self)
      try container.encode(RunStore.bytes(publicFieldRuns), forKey: .publicFieldRuns)
      try container.encode(values, forKey: .values)
      try container.encode(names, forKey: .names)
      try container.encode(publicValues, forKey: .publicValues)
      try container.encode(fingerprint, forKey: .fingerprint)
    }
  }
}
