import Foundation

/// What is being served: the tree of the last good build, its number, and
/// the errors of the latest build if it failed. Pages are told of each
/// change through the reload channel, in the same step, so no page misses one.
actor PreviewState {
  /// `public` or `non-public`: the tree of a build that is served.
  let subtree: String
  let channel = ReloadChannel()
  /// The folder of the build being served, nil until one succeeds.
  private(set) var folder: String?
  /// The number of the build being served (0: none yet).
  private(set) var served = 0
  private(set) var errors: [String] = []

  init(subtree: String) {
    self.subtree = subtree
  }

  /// The tree served (`<build>/public` or `<build>/non-public`).
  var root: String? { folder.map { $0 + "/" + subtree } }

  /// Takes a finished build: serves it if it succeeded, or keeps the last
  /// good one and shows the errors.
  func finished(_ build: PreviewBuild) {
    errors = build.errorLines
    guard build.succeeded, let built = build.folder else {
      channel.send(ReloadChannel.errors(errors))
      return
    }
    folder = built
    served = build.number
    channel.send(ReloadChannel.build(served))
  }

  /// A page's event stream, starting with the present state.
  func listen() -> AsyncStream<Data> {
    channel.listen(greeting: [ReloadChannel.build(served)] + (errors.isEmpty ? [] : [ReloadChannel.errors(errors)]))
  }
}
