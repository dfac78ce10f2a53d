import Foundation

/// Files the audit had to read and could not, gathered from every thread.
/// Any entry makes the audit incomplete: the build fails and `clerk audit`
/// exits 2, and "0 leaks" is never printed.
public final class AuditGaps: @unchecked Sendable {
  private let lock = NSLock()
  private var entries: [String: String] = [:]

  public init() {}

  func record(_ path: String, _ reason: String) {
    lock.lock()
    if entries[path] == nil { entries[path] = reason }
    lock.unlock()
  }

  /// "path: reason", sorted.
  public var all: [String] {
    lock.lock()
    defer { lock.unlock() }
    return entries.sorted { $0.key < $1.key }.map { "\($0.key): \($0.value)" }
  }
}
