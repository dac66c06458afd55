// swift-tools-version: 6.1
// twlab: a terminal lab for learning how TCP closes a connection and why TIME_WAIT exists.

import PackageDescription

let package = Package(
    name: "twlab",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "twlab", targets: ["twlab"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based.git", from: "2.0.1"),
    ],
    targets: [
        // libedit, through a shim header (see Sources/CEditLine/shim.h).
        .systemLibrary(
            name: "CEditLine",
            pkgConfig: "libedit",
            providers: [.apt(["libedit-dev"]), .brew(["libedit"])]
        ),
        // The TCP state machine, virtual clock, scenario language and explorer. Pure Swift, no I/O.
        .target(name: "TCPModel"),
        // Linux-only: /proc/net/tcp, sysctls, loopback experiments, network namespaces.
        .target(name: "SocketLab", dependencies: ["TCPModel"]),
        // The lesson file format: parser, model, lint, catalog.
        .target(
            name: "Lessons",
            dependencies: ["TCPModel", .product(name: "Yams", package: "Yams")]
        ),
        // Runs lessons: predictions, checking, hints, progress, grading and reports.
        .target(
            name: "Tutor",
            dependencies: [
                "Lessons", "TCPModel", "SocketLab",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // The interactive shell: line reader, commands, completion, terminal rendering.
        .target(name: "Shell", dependencies: ["Tutor", "Lessons", "TCPModel", "SocketLab", "CEditLine"]),
        // The thin command-line front end.
        .executableTarget(
            name: "twlab",
            dependencies: [
                "Shell", "Tutor", "Lessons", "TCPModel", "SocketLab",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "TCPModelTests",
            dependencies: ["TCPModel", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "SocketLabTests", dependencies: ["SocketLab", "TCPModel"]),
        .testTarget(
            name: "LessonsTests",
            dependencies: ["Lessons", "TCPModel", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "TutorTests", dependencies: ["Tutor", "Lessons", "TCPModel", "SocketLab"]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Tutor"]),
        .testTarget(name: "twlabTests", dependencies: []),
    ]
)
