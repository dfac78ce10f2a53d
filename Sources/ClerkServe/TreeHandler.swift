import ClerkRender
import FlyingFox
import Foundation

/// Serves the files of the tree being built: `index.html` for a folder,
/// nothing outside the tree (`ServedPath`), and every HTML page with the
/// reload script and, while the content has errors, the errors box added
/// as it is sent. Nothing is cached: each request reads the latest build,
/// whole, under the build's `swapLock` (never from a tree half swapped).
struct TreeHandler: HTTPHandler {
  let state: PreviewState
  let swapLock: SwapLock

  func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
    guard request.method == .GET else {
      return HTTPResponse(statusCode: .methodNotAllowed, headers: HTTPHeaders([HTTPHeader("Allow"): "GET"]))
    }
    let found = swapLock.reading { () -> (ServedTree, ServedPath?, Data?) in
      let served = state.tree.value
      guard let folder = served.folder else { return (served, nil, nil) }
      let resolution = ServedPath.resolve(request.target.path(percentEncoded: true), in: folder + "/" + state.subtree)
      guard case .file(let path) = resolution else { return (served, resolution, nil) }
      return (served, resolution, FileManager.default.contents(atPath: path))
    }
    let (tree, resolution, body) = found
    let (served, errors) = (tree.number, tree.errors)
    guard let resolution else {
      return page(ErrorOverlay.waitingPage(build: served, errors: errors), status: .serviceUnavailable)
    }
    switch (resolution, body) {
    case (.forbidden, _):
      return text("403 forbidden: outside the served tree\n", status: .forbidden)
    case (.notFound, _), (.file, nil):
      return text("404 not found\n", status: .notFound)
    case (.redirect(let location), _):
      return HTTPResponse(statusCode: .movedPermanently, headers: HTTPHeaders([.location: location, .cacheControl: "no-store"]))
    case (.file(let path), let body?):
      let type = MediaType.of(path)
      if type == MediaType.html {
        return page(ErrorOverlay.inject(into: body, build: served, errors: errors), status: .ok)
      }
      return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }
  }

  func page(_ html: Data, status: HTTPStatusCode) -> HTTPResponse {
    HTTPResponse(statusCode: status, headers: [.contentType: MediaType.html, .cacheControl: "no-store"], body: html)
  }

  func text(_ message: String, status: HTTPStatusCode) -> HTTPResponse {
    HTTPResponse(
      statusCode: status, headers: [.contentType: "text/plain; charset=utf-8", .cacheControl: "no-store"],
      body: Data(message.utf8))
  }
}
