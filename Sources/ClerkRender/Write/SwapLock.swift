import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// A readers–writer lock between a build swapping its tree into `--out`
/// (the writer: the unchanged meeting folders moved in, the old tree
/// renamed away, the new one renamed in) and whoever reads files of that
/// output while it is live (`clerk serve` answering a request). A reader
/// never finds the output half swapped: a page either comes from the old
/// tree or from the new one.
public final class SwapLock: @unchecked Sendable {
  private var lock = pthread_rwlock_t()
  /// Run at the end of each swap that succeeded, before any reader reads
  /// again: what readers are told of the tree changes with it.
  private let swapped: @Sendable () -> Void

  public init(swapped: @escaping @Sendable () -> Void = {}) {
    self.swapped = swapped
    pthread_rwlock_init(&lock, nil)
  }

  deinit {
    pthread_rwlock_destroy(&lock)
  }

  /// Runs `body` while no swap is under way (other readers may run too).
  public func reading<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws(Failure) -> Value {
    pthread_rwlock_rdlock(&lock)
    defer { pthread_rwlock_unlock(&lock) }
    return try body()
  }

  /// Runs `body` (the swap) once no reader is reading, keeping readers out until it ends.
  public func swapping<Value, Failure: Error>(_ body: () throws(Failure) -> Value) throws(Failure) -> Value {
    pthread_rwlock_wrlock(&lock)
    defer { pthread_rwlock_unlock(&lock) }
    let value = try body()
    swapped()
    return value
  }
}
