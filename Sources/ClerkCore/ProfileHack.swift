import Foundation
public final class CPUTimer: @unchecked Sendable {
  public static let shared = CPUTimer()
  public let lock = NSLock()
  public var totals: [String: Double] = [:]
  public static func now() -> Double { var t = timespec(); clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
  public func time<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
    let start = Self.now(); defer { let spent = Self.now() - start; lock.lock(); totals[name, default: 0] += spent; lock.unlock() }
    return try body()
  }
  public func report() { if ProcessInfo.processInfo.environment["CLERK_PROFILE"] != nil { for (k, v) in totals.sorted(by: { $0.key < $1.key }) { FileHandle.standardError.write(Data(String(format: "%@: %.2f s\n", k, v).utf8)) } } }
}
