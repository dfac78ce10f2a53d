import Foundation

/// The server-sent events that tell open pages about builds. Each page's
/// `EventSource` gets, on connecting and after every build, either
/// `event: build` with the number of the build now served (the page reloads
/// if it came from another) or `event: errors` with the failed build's
/// errors as a JSON array of lines (the page shows them).
final class ReloadChannel: @unchecked Sendable {
  private let lock = NSLock()
  private var listeners: [UUID: AsyncStream<Data>.Continuation] = [:]

  /// A new listener's stream, starting with `greeting`.
  func listen(greeting: [Data]) -> AsyncStream<Data> {
    let (stream, continuation) = AsyncStream<Data>.makeStream(bufferingPolicy: .bufferingNewest(16))
    let id = UUID()
    continuation.onTermination = { [weak self] _ in self?.remove(id) }
    for event in greeting { continuation.yield(event) }
    lock.withLock { listeners[id] = continuation }
    return stream
  }

  /// Sends `event` to every page listening.
  func send(_ event: Data) {
    for listener in lock.withLock({ Array(listeners.values) }) { listener.yield(event) }
  }

  /// Ends every stream (the server is stopping).
  func close() {
    for listener in lock.withLock({ Array(listeners.values) }) { listener.finish() }
  }

  private func remove(_ id: UUID) {
    _ = lock.withLock { listeners.removeValue(forKey: id) }
  }

  /// `event: build`: the build now served.
  static func build(_ number: Int) -> Data {
    Data("event: build\ndata: \(number)\n\n".utf8)
  }

  /// `event: errors`: the lines of a failed build, one JSON array on one line.
  static func errors(_ lines: [String]) -> Data {
    let encoder = JSONEncoder()
    encoder.outputFormatting = .withoutEscapingSlashes
    let json = (try? encoder.encode(lines)).map { String(decoding: $0, as: UTF8.self) } ?? "[]"
    return Data("event: errors\ndata: \(json)\n\n".utf8)
  }
}
