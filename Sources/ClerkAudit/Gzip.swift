import CZlib
import Foundation

/// gzip through zlib, for the audit to read Pagefind's compressed index
/// files (and for tests to write one). The only file that calls zlib.
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
    var input = [UInt8](data)
    var output = Data()
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    var status = Z_OK
    input.withUnsafeMutableBufferPointer { input in
      stream.next_in = input.baseAddress
      stream.avail_in = uInt(input.count)
      while status == Z_OK || (status == Z_STREAM_END && stream.avail_in > 0) {
        if status == Z_STREAM_END { status = inflateReset(&stream) }
        chunk.withUnsafeMutableBufferPointer { buffer in
          guard let base = buffer.baseAddress else { return status = Z_MEM_ERROR }
          stream.next_out = base
          stream.avail_out = uInt(buffer.count)
          status = inflate(&stream, Z_NO_FLUSH)
          output.append(base, count: buffer.count - Int(stream.avail_out))
        }
        if status == Z_BUF_ERROR && stream.avail_in == 0 { break }
      }
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
    guard deflateInit2_(&stream, Z_BEST_COMPRESSION, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    else { return Data() }
    defer { deflateEnd(&stream) }
    var input = [UInt8](data)
    var output = Data()
    var chunk = [UInt8](repeating: 0, count: 64 * 1024)
    input.withUnsafeMutableBufferPointer { input in
      stream.next_in = input.baseAddress
      stream.avail_in = uInt(input.count)
      var status = Z_OK
      while status == Z_OK {
        chunk.withUnsafeMutableBufferPointer { buffer in
          guard let base = buffer.baseAddress else { return status = Z_MEM_ERROR }
          stream.next_out = base
          stream.avail_out = uInt(buffer.count)
          status = deflate(&stream, Z_FINISH)
          output.append(base, count: buffer.count - Int(stream.avail_out))
        }
      }
    }
    return output
  }
}
