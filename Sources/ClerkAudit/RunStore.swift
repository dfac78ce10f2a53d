import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// Run hashes kept in a file rather than in memory, 8 bytes each, little
/// endian: the exempt runs the end pass looks for, and those of every
/// meeting's audit memory (a large archive has tens of millions). A store
/// is a temporary file this build appends to, or the runs file of an
/// earlier build, read where a span says.
public final class RunStore: @unchecked Sendable {
  /// Where one meeting's runs are: the first run and how many.
  public struct Span: Sendable, Equatable {
    public var start: Int
    public var count: Int

    public init(start: Int, count: Int) {
      self.start = start
      self.count = count
    }
  }

  private let descriptor: Int32
  private let temporary: String?
  private let lock = NSLock()
  /// Runs in the file.
  public private(set) var count: Int

  /// A new, empty temporary store (nil when no file can be made).
  public init?() {
    let path = NSTemporaryDirectory() + "/clerk-memory-runs-\(getpid())-\(UUID().uuidString)"
    descriptor = open(path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else { return nil }
    temporary = path
    count = 0
  }

  /// The runs file at `path`, read only.
  public init?(reading path: String) {
    descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { return nil }
    var info = stat()
    guard fstat(descriptor, &info) == 0 else {
      close(descriptor)
      return nil
    }
    temporary = nil
    count = Int(info.st_size) / 8
  }

  /// The file's `fstat`, as the store reads it.
  public func status() -> stat? {
    var info = stat()
    return fstat(descriptor, &info) == 0 ? info : nil
  }

  deinit {
    close(descriptor)
    if let temporary { unlink(temporary) }
  }

  /// Appends `runs`; nil when they could not be written.
  public func append(_ runs: [UInt64]) -> Span? {
    lock.lock()
    defer { lock.unlock() }
    let span = Span(start: count, count: runs.count)
    let bytes = Self.bytes(runs)
    let written = bytes.withUnsafeBytes { pwrite(descriptor, $0.baseAddress, $0.count, off_t(span.start * 8)) }
    guard written == bytes.count else { return nil }
    count += runs.count
    return span
  }

  /// The runs of `span`; nil when it is not in the file.
  public func read(_ span: Span) -> [UInt64]? {
    guard span.start >= 0, span.count >= 0, span.start + span.count <= count else { return nil }
    var bytes = Data(count: span.count * 8)
    let read = bytes.withUnsafeMutableBytes { pread(descriptor, $0.baseAddress, $0.count, off_t(span.start * 8)) }
    guard read == span.count * 8 else { return nil }
    return Self.runs(bytes)
  }

  /// Every run in the file, in order, read a megabyte at a time.
  public func forEach(_ body: (UInt64) -> Void) {
    let total = lock.withLock { count }
    let chunk = 1 << 17
    var start = 0
    while start < total {
      guard let runs = read(Span(start: start, count: min(chunk, total - start))) else { return }
      runs.forEach(body)
      start += chunk
    }
  }

  /// Runs as bytes, little endian.
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

/// One meeting's exempt runs, where a `RunStore` keeps them.
public struct StoredRuns: Sendable {
  public let store: RunStore
  public let span: RunStore.Span

  public init(store: RunStore, span: RunStore.Span) {
    self.store = store
    self.span = span
  }

  public var runs: [UInt64]? { store.read(span) }
}
