// swift-tools-version: 6.1
import PackageDescription

// Layers (DESIGN.md §1): model → store → console → executable; TerminalUI knows nothing of the domain.
let package = Package(
    name: "ChannelDesk",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "channeldesk", targets: ["channeldesk"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        // The console's config file (config.toml).
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CCurses",
            pkgConfig: "ncursesw",
            providers: [.apt(["libncursesw5-dev"])]
        ),
        // The Public Suffix List (DESIGN.md §3); the list itself comes from Debian's `publicsuffix`.
        .systemLibrary(
            name: "CPSL",
            pkgConfig: "libpsl",
            providers: [.apt(["libpsl-dev", "publicsuffix"])]
        ),
        // libdeflate's CRC-32 for the programme file's column and journal checksums.
        .systemLibrary(
            name: "CDeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        .target(name: "ChannelResources", path: "Resources", exclude: ["README.md"],
                resources: [.copy("default-policy.json")]),
        .target(name: "ChannelModel", dependencies: ["CPSL"]),
        .target(name: "ChannelStore", dependencies: ["ChannelModel", "ChannelResources", "CDeflate"]),
        .target(name: "TerminalUI", dependencies: ["CCurses"]),
        .target(name: "ChannelConsole", dependencies: ["ChannelStore", "TerminalUI", .product(name: "TOMLKit", package: "TOMLKit")]),
        // A team's shared programme (DESIGN.md §9): kept apart so the local-file build needs no server.
        .target(name: "ChannelShared", dependencies: [
            "ChannelStore",
            .product(name: "PostgresNIO", package: "postgres-nio"),
        ]),
        .executableTarget(
            name: "channeldesk",
            dependencies: [
                "ChannelConsole", "ChannelStore", "ChannelShared", "TerminalUI",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(
            name: "channeldesk-bench",
            dependencies: ["ChannelConsole", "ChannelStore", "ChannelModel", "ChannelShared", "TerminalUI"],
            path: "Benchmarks/channeldesk-bench"
        ),
        .testTarget(name: "ChannelModelTests", dependencies: ["ChannelModel", "ChannelStore"]),
        .testTarget(name: "ChannelStoreTests", dependencies: ["ChannelStore"]),
        .testTarget(name: "TerminalUITests", dependencies: ["TerminalUI"]),
        .testTarget(name: "ChannelConsoleTests", dependencies: ["ChannelConsole"], exclude: ["__Snapshots__"]),
        .testTarget(name: "CLITests", dependencies: ["ChannelStore", "TerminalUI", "ChannelConsole"]),
        .testTarget(name: "EndToEndTests", dependencies: ["ChannelStore"]),
        .testTarget(name: "ReliabilityTests", dependencies: ["ChannelStore"]),
        .testTarget(name: "SharedProgrammeTests", dependencies: ["ChannelShared", "ChannelStore"]),
    ]
)
