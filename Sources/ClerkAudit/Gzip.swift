import CZlib
import Foundation

/// gzip through zlib, for the audit to read Pagefind's compressed index
/// files (and for the build and tests to write one). The only file that
/// calls zlib.
public enum Gzip {
  /// Why a stream could not be inflated.
  public struct Corrupt: Error {
    public var reason: String
  }

  /// The bytes of every gzip member in `data`, one after another.
  public static func decompress(_ data: Data) throws(Corrupt) -> Data {
    guard data.count >= 18, data[data.startIndex] == 0x1f, data[data.startIndex + 1] == 0x8b else {
      throw Corrupt(reason: "not gzip data")
    }
    var stream = z_stream()
    // 15 + 32: a window of 32 KiB, gzip or zlib header detected.
    guard inflateInit2_(&stream, 15 + 32, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
      throw Corrupt(reason: "zlib cannot start")
    }
    defer { inflateEnd(&stream) }
    let (output, status) = pump(data, &stream) { stream, status in
      // A member ended and more follow: read the next one.
      if status == Z_STREAM_END && stream.avail_in > 0 { return inflateReset(&stream) == Z_OK ? inflate(&stream, Z_NO_FLUSH) : Z_DATA_ERROR }
      guard status == Z_OK else { return nil }
      let next = inflate(&stream, Z_NO_FLUSH)
      return next == Z_BUF_ERROR && stream.avail_in == 0 ? nil : next
    }
    guard status == Z_STREAM_END else {
      throw Corrupt(reason: status == Z_BUF_ERROR || status == Z_OK ? "the gzip stream is cut short" : "the gzip stream is corrupt")
    }
    return output
  }

  /// `data` as one gzip member, with no name and no time in its header
  /// (the same bytes every time).
  public static func compress(_ data: Data) -> Data {
    var stream = z_stream()
    // 15 + 16: a window of 32 KiB, written with a gzip header.
    guard
      deflateInit2_(
        &stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return Data() }
    defer { deflateEnd(&stream) }
    return pump(data, &stream) { stream, status in status == Z_OK ? deflate(&stream, Z_FINISH) : nil }.0
  }

  /// Feeds `data` to the stream and collects its output, a chunk at a
  /// time: `step` is given the last status (Z_OK to begin with) and
  /// returns the next one, or nil to stop. Returns the output and the last
  /// status.
  private static func pump(_ data: Data, _ stream: inout z_stream, step: (inout z_stream, Int32) -> Int32?) -> (Data, Int32) {
    var input = [UInt8](data)
    var output = Data()
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    var status = Z_OK
    input.withUnsafeMutableBufferPointer { input in
      stream.next_in = input.baseAddress
      stream.avail_in = uInt(input.count)
      while true {
        let more = chunk.withUnsafeMutableBufferPointer { buffer -> Bool in
          guard let base = buffer.baseAddress else { return false }
          stream.next_out = base
          stream.avail_out = uInt(buffer.count)
          guard let next = step(&stream, status) else { return false }
          status = next
          output.append(base, count: buffer.count - Int(stream.avail_out))
          return true
        }
        if !more { break }
      }
    }
    return (output, status)
  }
}
