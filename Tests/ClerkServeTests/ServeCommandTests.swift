import Foundation
import TestSupport
import Testing

/// `clerk serve` through the built binary: it prints its URL first, serves
/// the meeting pages, rebuilds on an edit and tells pages to reload, shows
/// errors over the last good build, refuses every path out of the tree, and
/// removes its work folder when terminated.
@Suite(.serialized) struct ServeCommandTests {
  static let archive = InlineTree.oneMeeting + "\n" + InlineTree.previousMeetingMinutes + """

    Resolved to approve the budget.

    -- c/2020-02-10/01-report.md --
    ---
    title: Budget Report
    ---
    The first version of the report.
    """

  static let page = "/c/2020-02-10/"

  @Test func servesRebuildsAndRefuses() throws {
    var tree = try InlineTree(Self.archive)
    defer { tree.remove() }
    let serve = try ServeProcess([tree.path, "--port", "0"])
    let port = try #require(serve.port(), "first line: \(serve.stdout) \(serve.stderr)")
    let http = RawHTTP(port: port)
    let work = try #require(serve.workFolder(), "\(serve.stderr)")

    let first = poll(within: 30) { http.get(Self.page).flatMap { $0.status == 200 ? $0 : nil } }
    #expect(first?.body.contains("Budget Report") == true, "\(serve.stderr)")
    #expect(first?.head.contains("Content-Type: text/html; charset=utf-8") == true)
    #expect(first?.body.contains("<script src=\"/_clerk/reload.js\" data-build=\"1\"></script>") == true)
    #expect(http.get("/c/2020-02-10")?.head.contains("Location: /c/2020-02-10/") == true)
    #expect(http.get("/_clerk/reload.js")?.body.contains("new EventSource(\"/_clerk/events\")") == true)

    // Refused: a way out as written, percent-encoded, and through a planted link.
    let served = work + "/site/public"
    try FileManager.default.createSymbolicLink(atPath: served + "/planted.yml", withDestinationPath: tree.path + "/site.yml")
    for target in ["/../site.yml", "/%2e%2e/site.yml", "/%2E%2E%2Fsite.yml", "/c/..%5c..%5csite.yml", "/planted.yml"] {
      let refused = http.get(target)
      #expect(refused?.status == 403, "\(target): \(refused?.head ?? "no response")")
      #expect(refused?.body.contains("organisation") == false)
    }
    // The script is added as served, never written into the build.
    let onDisk = try String(contentsOfFile: served + "/c/2020-02-10/index.html", encoding: .utf8)
    #expect(onDisk.contains("Budget Report") && !onDisk.contains("_clerk"))

    // An edit is rebuilt, and listening pages are told of the new build.
    #expect(http.events(until: ["event: build\ndata: 1\n\n"], within: 5))
    try tree.write("c/2020-02-10/01-report.md", "---\ntitle: Revised Budget Report\n---\nThe second version.\n")
    // The new tree is served from the moment it is swapped in, a moment
    // before the build is announced: the page then names build 2.
    let revised = poll(within: 20) {
      http.get(Self.page).flatMap { $0.body.contains("Revised Budget Report") && $0.body.contains("data-build=\"2\"") ? $0 : nil }
    }
    #expect(revised != nil, "\(serve.stderr)")
    #expect(http.events(until: ["event: build\ndata: 2\n\n"], within: 5))
    // Incremental: the meeting not edited is carried over from the build served.
    #expect(serve.stderr.contains("build 2: ok in") && serve.stderr.contains("(rendered 1 meeting, carried 1 over)"), "\(serve.stderr)")

    // A broken file: the errors over the last good build, cleared once fixed.
    try tree.write("c/2020-02-10/01-report.md", "---\n1️⃣titel: Broken Report\n---\nThe third version.\n")
    let location = try #require(tree.location("c/2020-02-10/01-report.md"))
    let broken = poll(within: 20) { http.get(Self.page).flatMap { $0.body.contains("role=\"alert\"") ? $0 : nil } }
    #expect(broken?.body.contains("\(location): error: unknown key &#39;titel&#39;") == true, "\(broken?.body ?? serve.stderr)")
    #expect(broken?.body.contains("Revised Budget Report") == true)
    #expect(serve.stderr.contains("\(location): error: unknown key 'titel'"))
    #expect(http.events(until: ["event: errors\ndata: [", "\"\(location): error: unknown key 'titel'"], within: 5))
    try tree.write("c/2020-02-10/01-report.md", "---\ntitle: Fixed Budget Report\n---\nThe fourth version.\n")
    let fixed = poll(within: 20) { http.get(Self.page).flatMap { $0.body.contains("Fixed Budget Report") ? $0 : nil } }
    #expect(fixed?.body.contains("role=\"alert\"") == false)

    #expect(serve.terminate() == 0, "\(serve.stderr)")
    #expect(!FileManager.default.fileExists(atPath: work))
  }

  @Test func listensOnLoopbackOnly() throws {
    let tree = try InlineTree(Self.archive)
    defer { tree.remove() }
    let serve = try ServeProcess([tree.path, "--port", "0", "--non-public"])
    let port = try #require(serve.port(), "first line: \(serve.stdout) \(serve.stderr)")
    let hex = String(format: ":%04X", port)
    // Every socket listening (state 0A) on the port, from the kernel's tables.
    let tables = ["/proc/net/tcp", "/proc/net/tcp6"].map { (try? String(contentsOfFile: $0, encoding: .utf8)) ?? "" }
    let listening = tables.joined(separator: "\n").split(separator: "\n").compactMap { line -> String? in
      let fields = line.split(separator: " ")
      guard fields.count > 3, fields[1].hasSuffix(hex), fields[3] == "0A" else { return nil }
      return String(fields[1])
    }
    #expect(listening == ["0100007F" + hex])
    // Reached on 127.0.0.1, and not on any other address of the machine.
    #expect(poll(within: 30) { RawHTTP(port: port).get(Self.page).flatMap { $0.status == 200 ? true : nil } } == true)
    for address in Self.otherAddresses() {
      #expect(RawHTTP(host: address, port: port).connect() == nil, "reachable on \(address)")
    }
    #expect(serve.terminate() == 0)
  }

  /// The machine's IPv4 addresses other than loopback.
  static func otherAddresses() -> [String] {
    var list: UnsafeMutablePointer<ifaddrs>?
    guard getifaddrs(&list) == 0 else { return [] }
    defer { freeifaddrs(list) }
    var addresses: [String] = []
    var entry = list
    while let current = entry {
      defer { entry = current.pointee.ifa_next }
      guard let address = current.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET) else { continue }
      var text = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
      address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { ipv4 in
        var bits = ipv4.pointee.sin_addr
        _ = inet_ntop(AF_INET, &bits, &text, socklen_t(INET_ADDRSTRLEN))
      }
      let name = String(decoding: text.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
      if !name.hasPrefix("127.") { addresses.append(name) }
    }
    return addresses
  }
}
