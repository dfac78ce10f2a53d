// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "Clerk",
  platforms: [.macOS(.v13)],
  products: [
    .executable(name: "clerk", targets: ["clerk"]),
    // Libraries for the fuzzers in Fuzz/ (a separate package).
    .library(name: "ClerkCore", targets: ["ClerkCore"]),
    .library(name: "Markdown", targets: ["Markdown"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    .package(url: "https://github.com/swiftcsv/SwiftCSV", from: "0.10.0"),
    .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
    .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
    .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
  ],
  targets: [
    .systemLibrary(
      name: "CCmarkGFM", path: "Sources/CCmarkGFM", pkgConfig: "libcmark-gfm",
      providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
    .target(name: "Markdown", dependencies: ["CCmarkGFM"]),
    // zlib, for the audit to read Pagefind's gzip-compressed index files.
    .systemLibrary(name: "CZlib", path: "Sources/CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
    .target(
      name: "ClerkCore",
      dependencies: [
        "Markdown",
        .product(name: "Yams", package: "Yams"),
        .product(name: "SwiftCSV", package: "SwiftCSV"),
      ]),
    .target(
      name: "ClerkRender",
      dependencies: [
        "ClerkCore",
        .product(name: "Mustache", package: "swift-mustache"),
        .product(name: "Crypto", package: "swift-crypto"),
      ]),
    // The leak audit: runs, values, PDF, search-index and published text.
    .target(name: "ClerkAudit", dependencies: ["ClerkCore", "CZlib"]),
    // Archive integrity: the manifest of a published tree and `clerk verify`.
    .target(name: "ClerkIntegrity", dependencies: ["ClerkCore", .product(name: "Crypto", package: "swift-crypto")]),
    // The build pipeline: its steps, and the outputs they write.
    .target(name: "ClerkBuild", dependencies: ["ClerkCore", "ClerkRender", "ClerkAudit", "ClerkIntegrity"]),
    // `clerk serve`: the preview server over FlyingFox (the only module that imports it).
    .target(
      name: "ClerkServe",
      dependencies: [
        "ClerkCore", "ClerkRender", "ClerkBuild",
        .product(name: "FlyingFox", package: "FlyingFox"),
        .product(name: "FlyingSocks", package: "FlyingFox"),
      ]),
    .target(
      name: "ClerkCLI",
      dependencies: [
        "ClerkCore",
        "ClerkRender",
        "ClerkBuild",
        "ClerkServe",
        "ClerkAudit",
        "ClerkIntegrity",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]),
    // jemalloc (Debian's libjemalloc-dev) replaces glibc's malloc in the
    // binary only: a build allocates millions of small strings and
    // dictionaries on every core, and jemalloc does that about a tenth faster.
    .executableTarget(
      name: "clerk", dependencies: ["ClerkCLI"],
      linkerSettings: [.linkedLibrary("jemalloc", .when(platforms: [.linux]))]),
    .target(name: "TestSupport", path: "Tests/TestSupport"),
    .testTarget(name: "MarkdownTests", dependencies: ["Markdown"], exclude: ["Goldens"]),
    .testTarget(name: "ClerkCoreTests", dependencies: ["ClerkCore", "TestSupport"]),
    .testTarget(name: "ClerkAuditTests", dependencies: ["ClerkAudit", "TestSupport"]),
    .testTarget(name: "ClerkIntegrityTests", dependencies: ["ClerkIntegrity", "TestSupport"]),
    .testTarget(name: "ClerkRenderTests", dependencies: ["ClerkRender", "TestSupport"]),
    .testTarget(name: "ClerkCLITests", dependencies: ["ClerkCLI", "ClerkBuild", "ClerkAudit", "TestSupport"]),
    .testTarget(name: "ClerkServeTests", dependencies: ["ClerkServe", "TestSupport"]),
  ]
)
