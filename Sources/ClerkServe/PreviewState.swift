import ClerkCore
import Foundation

/// What a request is answered from: the folder of the build being served
/// (nil until one succeeds), its number, and the errors of the latest
/// build if it failed. It changes together with the tree on disk: a
/// build's tree and number take over at the swap (`PreviewBuilder`,
/// inside the swap lock), its errors when it ends.
struct ServedTree: Sendable {
  var folder: String?
  /// 0: none yet.
  var number = 0
  var errors: [String] = []
}

/// The served tree, and the pages listening for changes: each change is
/// sent on the reload channel in the same step as it is made, so no page
/// misses one.
actor PreviewState {
  /// `public` or `non-public`: the tree of a build that is served.
  let subtree: String
  let channel = ReloadChannel()
  /// Read by every request (under the swap lock), written by the builder at the swap and here.
  nonisolated let tree = Locked(ServedTree())

  init(subtree: String) {
    self.subtree = subtree
  }

  /// Takes a finished build: serves it if it succeeded (its tree is in
  /// place already, when it wrote one), or keeps the last good one and
  /// shows the errors.
  func finished(_ build: PreviewBuild) {
    let errors = build.errorLines
    guard build.succeeded, let built = build.folder else {
      tree.value.errors = errors
      channel.send(ReloadChannel.errors(errors))
      return
    }
    tree.value = ServedTree(folder: built, number: build.number, errors: errors)
    channel.send(ReloadChannel.build(build.number))
  }

  /// A page's event stream, starting with the present state.
  func listen() -> AsyncStream<Data> {
    let served = tree.value
    return channel.listen(
      greeting: [ReloadChannel.build(served.number)] + (served.errors.isEmpty ? [] : [ReloadChannel.errors(served.errors)]))
  }
}
