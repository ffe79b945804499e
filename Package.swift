// swift-tools-version:6.1
import PackageDescription

// Release builds let the modules see each other's code (generic functions specialised and small
// accessors inlined across module lines): about a tenth less CPU for a build of the bench corpus.
let optimized: [SwiftSetting] = [.unsafeFlags(["-cross-module-optimization"], .when(configuration: .release))]

let package = Package(
    name: "Wegweiser",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "wegweiser", targets: ["wegweiser"])
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
    ],
    targets: [
        // Debian's cmark-gfm (libcmark-gfm-dev, libcmark-gfm-extensions-dev).
        .systemLibrary(
            name: "CMarkGFM",
            pkgConfig: "libcmark-gfm",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // Lets cmark-gfm parse on several threads at once (see its header).
        .target(name: "CMarkGFMParallel"),
        .target(name: "WegweiserCore", swiftSettings: optimized),
        .target(name: "WegweiserMarkdown", dependencies: ["CMarkGFM", "CMarkGFMParallel", "WegweiserCore"], swiftSettings: optimized),
        .target(
            name: "WegweiserContent",
            dependencies: ["WegweiserCore", .product(name: "Yams", package: "Yams")], swiftSettings: optimized
        ),
        .target(name: "WegweiserSite", dependencies: ["WegweiserCore", "WegweiserContent", "WegweiserMarkdown"], swiftSettings: optimized),
        .target(
            name: "WegweiserTemplates",
            dependencies: ["WegweiserCore", "WegweiserContent", "WegweiserSite"], swiftSettings: optimized,
            plugins: ["EmbedFiles"]
        ),
        .target(
            name: "WegweiserSearch", dependencies: ["WegweiserCore"], exclude: ["Engine"], swiftSettings: optimized, plugins: ["EmbedFiles"]),
        .target(
            name: "WegweiserOutputs",
            dependencies: ["WegweiserCore", "WegweiserContent", "WegweiserSite", "WegweiserSearch"], swiftSettings: optimized
        ),
        .target(
            name: "WegweiserBuild",
            dependencies: ["WegweiserCore", "WegweiserContent", "WegweiserSite", "WegweiserTemplates", "WegweiserOutputs"],
            swiftSettings: optimized
        ),
        .target(
            name: "WegweiserServer",
            dependencies: [
                "WegweiserCore", "WegweiserBuild", .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .target(
            name: "WegweiserCLI",
            dependencies: [
                "WegweiserCore", "WegweiserContent", "WegweiserBuild", "WegweiserServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "wegweiser", dependencies: ["WegweiserCLI"]),

        // Build-time only: turns themes/default/ and the search engine into Swift source, so they ship
        // inside the binary.
        .executableTarget(name: "FileEmbedder", path: "Sources/FileEmbedder"),
        .plugin(name: "EmbedFiles", capability: .buildTool(), dependencies: ["FileEmbedder"]),

        // Shared by the test targets: sites assembled in memory.
        .target(
            name: "WegweiserTestSupport", dependencies: ["WegweiserCore", "WegweiserContent", "WegweiserSite"],
            path: "Tests/WegweiserTestSupport"),
        .testTarget(name: "WegweiserCoreTests", dependencies: ["WegweiserCore"]),
        .testTarget(name: "WegweiserMarkdownTests", dependencies: ["WegweiserMarkdown"]),
        .testTarget(name: "WegweiserContentTests", dependencies: ["WegweiserContent"]),
        .testTarget(name: "WegweiserSiteTests", dependencies: ["WegweiserSite", "WegweiserTestSupport"]),
        .testTarget(name: "WegweiserTemplatesTests", dependencies: ["WegweiserTemplates", "WegweiserTestSupport"]),
        .testTarget(name: "WegweiserSearchTests", dependencies: ["WegweiserSearch"], exclude: ["Fixtures"]),
        .testTarget(name: "WegweiserOutputsTests", dependencies: ["WegweiserOutputs", "WegweiserTestSupport"]),
        .testTarget(
            name: "WegweiserBuildTests",
            dependencies: ["WegweiserBuild"],
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(name: "WegweiserServerTests", dependencies: ["WegweiserServer"]),
        .testTarget(name: "WegweiserCLITests", dependencies: ["WegweiserCLI", "WegweiserBuild"]),
    ]
)
