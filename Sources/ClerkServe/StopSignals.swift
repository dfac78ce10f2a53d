import Foundation

/// SIGINT and SIGTERM, taken from their default (which would end the
/// process at once) and delivered as an async stream, so the server can
/// stop and remove its work folder first.
final class StopSignals: @unchecked Sendable {
  private var sources: [any DispatchSourceSignal] = []
  let received: AsyncStream<Int32>

  init(_ numbers: [Int32] = [SIGINT, SIGTERM]) {
    let (stream, continuation) = AsyncStream<Int32>.makeStream()
    received = stream
    for number in numbers {
      signal(number, SIG_IGN)
      let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
      source.setEventHandler { continuation.yield(number) }
      source.resume()
      sources.append(source)
    }
  }

  /// Waits for the first of the signals.
  func wait() async {
    for await _ in received { return }
  }
}
