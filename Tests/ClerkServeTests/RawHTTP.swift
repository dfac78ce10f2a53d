import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// HTTP over a plain socket, so a test sends exactly the request target it
/// means (`/%2e%2e/site.yml` would be tidied away by URLSession).
struct RawHTTP {
  var host = "127.0.0.1"
  var port: UInt16

  struct Response {
    var status: Int
    var head: String
    var body: String
  }

  /// One GET, `Connection: close`, read to the end.
  func get(_ target: String) -> Response? {
    guard let socket = connect() else { return nil }
    defer { close(socket) }
    send(socket, "GET \(target) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
    var received = Data()
    while let chunk = read(socket) { received.append(chunk) }
    let text = String(decoding: received, as: UTF8.self)
    guard let split = text.range(of: "\r\n\r\n") else { return nil }
    let head = String(text[..<split.lowerBound])
    let status = head.split(separator: " ").dropFirst().first.flatMap { Int($0) } ?? 0
    return Response(status: status, head: head, body: String(text[split.upperBound...]))
  }

  /// Reads `/_clerk/events` until `text` has arrived (true) or `seconds` have passed.
  func events(until texts: [String], within seconds: Double) -> Bool {
    guard let socket = connect(timeout: 0.2) else { return false }
    defer { close(socket) }
    send(socket, "GET /_clerk/events HTTP/1.1\r\nHost: \(host)\r\n\r\n")
    var received = ""
    var remaining = texts[...]
    let deadline = Date().addingTimeInterval(seconds)
    while Date() < deadline, let wanted = remaining.first {
      if let range = received.range(of: wanted) {
        received = String(received[range.upperBound...])
        remaining = remaining.dropFirst()
        continue
      }
      if let chunk = read(socket) { received += String(decoding: chunk, as: UTF8.self) }
    }
    return remaining.isEmpty
  }

  func connect(timeout: Double = 5) -> Int32? {
    let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    guard socket >= 0 else { return nil }
    var wait = timeval(tv_sec: Int(timeout), tv_usec: Int((timeout - timeout.rounded(.down)) * 1_000_000))
    setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &wait, socklen_t(MemoryLayout<timeval>.size))
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_port = port.bigEndian
    inet_pton(AF_INET, host, &address.sin_addr)
    let connected = withUnsafePointer(to: &address) {
      $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
        Glibc.connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
      }
    }
    guard connected == 0 else {
      close(socket)
      return nil
    }
    return socket
  }

  func send(_ socket: Int32, _ text: String) {
    let bytes = Array(text.utf8)
    _ = bytes.withUnsafeBytes { Glibc.send(socket, $0.baseAddress, $0.count, 0) }
  }

  /// The next bytes, or nil at the end (or when nothing came within the timeout).
  func read(_ socket: Int32) -> Data? {
    var buffer = [UInt8](repeating: 0, count: 16_384)
    let count = recv(socket, &buffer, buffer.count, 0)
    return count > 0 ? Data(buffer[..<count]) : nil
  }
}
