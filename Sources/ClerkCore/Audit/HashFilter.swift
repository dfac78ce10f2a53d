/// A bitmap of hashes: `mayContain` is false for most hashes never
/// inserted, in one memory read, so the audit consults its dictionaries
/// only for likely hits.
final class HashFilter: @unchecked Sendable {
  private let words: UnsafeMutablePointer<UInt64>
  private let count: Int
  private let mask: UInt64

  /// A filter of `2^bits` bits.
  init(bits: Int) {
    count = max(1, (1 << bits) / 64)
    words = .allocate(capacity: count)
    words.initialize(repeating: 0, count: count)
    mask = UInt64(count * 64) - 1
  }

  deinit { words.deallocate() }

  /// Only while the filter is being built, before it is shared.
  func insert(_ hash: UInt64) {
    let bit = (hash ^ (hash >> 29)) & mask
    words[Int(bit >> 6)] |= 1 << (bit & 63)
  }

  @inline(__always) func mayContain(_ hash: UInt64) -> Bool {
    probe.mayContain(hash)
  }

  /// The filter's bits without a reference to the filter, for hot loops
  /// that would otherwise retain and release it for every hash. Valid
  /// while the filter is alive.
  var probe: Probe { Probe(words: words, mask: mask) }

  struct Probe {
    fileprivate let words: UnsafeMutablePointer<UInt64>
    fileprivate let mask: UInt64

    @inline(__always) func mayContain(_ hash: UInt64) -> Bool {
      let bit = (hash ^ (hash >> 29)) & mask
      return words[Int(bit >> 6)] & (1 << (bit & 63)) != 0
    }
  }
}
