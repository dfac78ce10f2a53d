// swift-tools-version:6.0
// Coverage-guided fuzzers for Clerk (libFuzzer). A package of its own so the
// root package and `swift test` never see the fuzzing flags; see run.sh.
import PackageDescription

let package = Package(
  name: "ClerkFuzz",
  platforms: [.macOS(.v13)],
  dependencies: [
    // Named, so the products resolve whatever the checkout's folder is called.
    .package(name: "Clerk", path: "..")
  ],
  targets: [
    .executableTarget(
      name: "FuzzItemText",
      dependencies: [.product(name: "ClerkCore", package: "Clerk")]),
    .executableTarget(
      name: "FuzzMarkdown",
      dependencies: [.product(name: "Markdown", package: "Clerk")]),
  ]
)
