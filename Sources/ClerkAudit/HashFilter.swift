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
    Probe(words: words, mask: mask).mayContain(hash)
  }

  /// The hashes of `text`'s runs (see `Shingles`) that the filter may
  /// contain: the few a caller then looks up.
  func runs(of text: String, markup: Bool = false) -> [UInt64] {
    var found: [UInt64] = []
    forEachLikelyRun(of: text, markup: markup) { hash, _ in found.append(hash) }
    return found
  }

  /// Each run of `text` the filter may contain, with the line it starts on.
  func forEachLikelyRun(of text: String, markup: Bool = false, _ body: (UInt64, Int) -> Void) {
    // The closure reads the bits through a plain pointer: capturing the
    // filter would retain and release it for every run of the text.
    let probe = Probe(words: words, mask: mask)
    withExtendedLifetime(self) {
      Shingles.forEachRun(text, markup: markup) { hash, line in
        if probe.mayContain(hash) { body(hash, line) }
      }
    }
  }

  private struct Probe {
    let words: UnsafeMutablePointer<UInt64>
    let mask: UInt64

    @inline(__always) func mayContain(_ hash: UInt64) -> Bool {
      let bit = (hash ^ (hash >> 29)) & mask
      return words[Int(bit >> 6)] & (1 << (bit & 63)) != 0
    }
  }
}
