import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The lines of a file's bytes, found with `memchr`: a build reads records
/// of tens of megabytes, which the generic `split` walks a byte at a time.
/// Empty lines are left out, as `split(separator:)` leaves them out.
public enum ByteLines {
  /// The byte ranges of the lines of `data` (without their line feeds).
  public static func ranges(_ data: Data) -> [Range<Int>] {
    data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) -> [Range<Int>] in
      var found: [Range<Int>] = []
      guard let base = buffer.baseAddress else { return found }
      var start = 0
      while start < buffer.count {
        var end = buffer.count
        if let feed = memchr(base + start, 0x0A, buffer.count - start) {
          end = UnsafeRawPointer(feed) - base
        }
        if end > start { found.append(start..<end) }
        start = end + 1
      }
      return found
    }
  }

  /// The lines of `data`, each as its own `Data`.
  public static func lines(_ data: Data) -> [Data] {
    ranges(data).map { data.subdata(in: $0.lowerBound + data.startIndex..<$0.upperBound + data.startIndex) }
  }
}
