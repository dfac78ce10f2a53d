import ClerkBuild
import ClerkCore
import FlyingFox
import FlyingSocks
import Foundation

/// `clerk serve`: builds the content into a private work folder, serves
/// the public (or non-public) tree on 127.0.0.1 only, rebuilds when the
/// content or the templates change and tells open pages to reload. It runs
/// until SIGINT or SIGTERM, then removes the work folder.
public struct PreviewServer: Sendable {
  public struct Options: Sendable {
    /// The port to listen on; 0 lets the system pick a free one.
    public var port: UInt16
    public var audience: Audience
    /// What `clerk build` would be asked (its `out` is ignored: builds go to the work folder).
    public var build: BuildOptions

    public init(port: UInt16, audience: Audience, build: BuildOptions) {
      self.port = port
      self.audience = audience
      self.build = build
    }
  }

  /// What the command prints, and where.
  public struct Report: Sendable {
    /// The server listens at `url`; builds go into `work`.
    public var listening: @Sendable (_ url: String, _ work: String) -> Void
    public var built: @Sendable (PreviewBuild) -> Void
    /// A word on how changes are noticed, when it is not as usual (polling).
    public var watching: @Sendable (String) -> Void

    public init(
      listening: @escaping @Sendable (_ url: String, _ work: String) -> Void,
      built: @escaping @Sendable (PreviewBuild) -> Void,
      watching: @escaping @Sendable (String) -> Void = { _ in }
    ) {
      self.listening = listening
      self.built = built
      self.watching = watching
    }
  }

  public struct Failure: Error, CustomStringConvertible {
    public var description: String
  }

  let options: Options
  let report: Report

  public init(options: Options, report: Report) {
    self.options = options
    self.report = report
  }

  /// Serves until SIGINT or SIGTERM; throws only when it cannot start.
  public func run() throws {
    let stop = StopSignals()
    let work = try Self.makeWorkFolder()
    defer { try? FileManager.default.removeItem(atPath: work) }
    let finished = DispatchSemaphore(value: 0)
    let failure = Locked<(any Error)?>(nil)
    Task {
      do { try await serve(work: work, until: stop) } catch { failure.value = error }
      finished.signal()
    }
    finished.wait()
    if let error = failure.value { throw error }
  }

  func serve(work: String, until stop: StopSignals) async throws {
    let state = PreviewState(subtree: options.audience.rawValue)
    let server = HTTPServer(
      address: try .inet(ip4: "127.0.0.1", port: options.port), timeout: 15, logger: .disabled)
    await server.appendRoute(HTTPRoute(methods: [.GET], path: ErrorOverlay.scriptPath)) { _ in
      HTTPResponse(
        statusCode: .ok, headers: [.contentType: MediaType.of(ErrorOverlay.scriptPath), .cacheControl: "no-store"],
        body: Data(ErrorOverlay.script.utf8))
    }
    await server.appendRoute(HTTPRoute(methods: [.GET], path: ErrorOverlay.eventsPath)) { _ in
      EventStreamBody(events: await state.listen()).response
    }
    let builder = PreviewBuilder(work: work, options: options.build, served: state.tree)
    await server.appendRoute("*", to: TreeHandler(state: state, swapLock: builder.swapLock))
    let failed = Locked<(any Error)?>(nil)
    let running = Task {
      do { try await server.run() } catch { failed.value = error }
    }
    let port = try await Self.port(of: server, failed: failed)
    report.listening("http://127.0.0.1:\(port)/", work)

    let watching = Task { await watch(builder: builder, state: state) }
    await stop.wait()
    watching.cancel()
    state.channel.close()
    await server.stop(timeout: 1)
    running.cancel()
  }

  /// Builds, then rebuilds whenever a watched folder changes (changes made
  /// during a build are seen as soon as it ends).
  func watch(builder: PreviewBuilder, state: PreviewState) async {
    let folders = { [options.build.content] + (builder.templates.value.map { [$0] } ?? []) }
    let watcher = ContentWatcher(folders())
    var number = 0
    var toldPolling = false
    while !Task.isCancelled {
      number += 1
      let build = await Self.offCooperativePool { [number] in builder.build(number: number) }
      await state.finished(build)
      report.built(build)
      // The templates folder is known once a build has read site.yml.
      watcher.watch(folders())
      if !toldPolling, let notice = watcher.pollingNotice {
        report.watching(notice)
        toldPolling = true
      }
      await watcher.waitForChange()
    }
  }

  /// Runs the (blocking, multi-threaded) build on a thread of its own, so
  /// the server's threads keep answering.
  static func offCooperativePool<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
    await withCheckedContinuation { continuation in
      DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
    }
  }

  /// The port the server listens on, once it does (the one picked, for `--port 0`).
  static func port(of server: HTTPServer, failed: Locked<(any Error)?>) async throws -> UInt16 {
    let deadline = ContinuousClock.now + .seconds(10)
    while ContinuousClock.now < deadline {
      if let error = failed.value { throw Failure(description: "cannot listen on 127.0.0.1: \(error)") }
      if await server.isListening, case .ip4(_, let port) = await server.listeningAddress { return port }
      try await Task.sleep(for: .milliseconds(10))
    }
    throw Failure(description: "the server did not start listening within 10 seconds")
  }

  /// A new folder only this user can read (the non-public tree is built there too).
  static func makeWorkFolder() throws -> String {
    var template = Array((NSTemporaryDirectory() + "/clerk-serve-XXXXXX").utf8CString)
    guard let made = mkdtemp(&template) else {
      throw Failure(description: "cannot create a work folder in \(NSTemporaryDirectory()): \(String(cString: strerror(errno)))")
    }
    return URL(fileURLWithPath: String(cString: made)).standardizedFileURL.path
  }
}
