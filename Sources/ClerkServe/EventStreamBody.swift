import FlyingFox
import FlyingSocks
import Foundation

/// A listener's events as the bytes of a streamed (chunked) response body,
/// so FlyingFox writes each event as soon as it is sent.
struct EventStreamBody: AsyncBufferedSequence {
  typealias Element = UInt8

  let events: AsyncStream<Data>

  func makeAsyncIterator() -> Iterator { Iterator(events: events.makeAsyncIterator()) }

  struct Iterator: AsyncBufferedIteratorProtocol {
    var events: AsyncStream<Data>.Iterator
    var pending: [UInt8] = []

    mutating func next() async -> UInt8? {
      guard await fill() else { return nil }
      return pending.removeFirst()
    }

    mutating func nextBuffer(suggested count: Int) async -> [UInt8]? {
      guard await fill() else { return nil }
      let taken = Array(pending.prefix(Swift.max(count, 1)))
      pending.removeFirst(taken.count)
      return taken
    }

    /// Waits for the next event when nothing is pending; false once the stream has ended.
    private mutating func fill() async -> Bool {
      while pending.isEmpty {
        guard let event = await events.next() else { return false }
        pending = Array(event)
      }
      return true
    }
  }

  /// The response that streams these events.
  var response: HTTPResponse {
    HTTPResponse(
      statusCode: .ok,
      headers: [.contentType: "text/event-stream", .cacheControl: "no-store"],
      body: HTTPBodySequence(from: self))
  }
}
