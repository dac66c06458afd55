// swift-tools-version: 6.1
// twlab: a terminal lab for learning how TCP closes a connection and why TIME_WAIT exists.
// Sources/README.md maps the modules: what each owns and what it may import.

import PackageDescription

/// Testing aids that print answers (`_tutor`, `_sim-bench`, practice scripts) are compiled into debug
/// builds only, which the tests use; the release build a learner runs (`make run`) has none of them.
let testingAids: [SwiftSetting] = [.define("TWLAB_TESTING_AIDS", .when(configuration: .debug))]

let package = Package(
    name: "twlab",
    // Linux only: the live lab reads netlink and /proc and makes network namespaces.
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
        // Linux-only: netlink and /proc socket tables, sysctls, loopback experiments, namespaces.
        .target(name: "SocketLab", dependencies: ["TCPModel"]),
        // The lesson file format, the lessons folder, lint, variants and the one answer pipeline.
        .target(
            name: "Lessons",
            dependencies: [
                "TCPModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Everything that turns values into terminal text: diagrams, tables, bars, steps, wrapping.
        .target(name: "Rendering", dependencies: ["TCPModel", "SocketLab"]),
        // A learner's walk through lessons: steps, predictions, hints, progress.
        .target(name: "Tutor", dependencies: ["Lessons", "TCPModel", "SocketLab", "Rendering"], swiftSettings: testingAids),
        // Papers, variants, grading, report writers.
        .target(name: "Quiz", dependencies: ["Lessons", "TCPModel", .product(name: "Yams", package: "Yams")]),
        // Every command, declared once with swift-argument-parser, for the command line and the shell.
        .target(
            name: "Commands",
            dependencies: [
                "Tutor", "Quiz", "Rendering", "Lessons", "TCPModel", "SocketLab",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: testingAids
        ),
        // The interactive shell: line reader, tokenising, completion, Ctrl-C.
        .target(
            name: "Shell",
            dependencies: [
                "Commands", "Tutor", "Quiz", "Rendering", "Lessons", "TCPModel", "SocketLab", "CEditLine",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            swiftSettings: testingAids
        ),
        // The entry point: a few lines.
        .executableTarget(name: "twlab", dependencies: ["Shell"]),
        .testTarget(
            name: "TCPModelTests",
            dependencies: ["TCPModel", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "SocketLabTests",
            dependencies: ["SocketLab", "TCPModel", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(
            name: "LessonsTests",
            dependencies: ["Lessons", "TCPModel", .product(name: "PropertyBased", package: "swift-property-based")]
        ),
        .testTarget(name: "RenderingTests", dependencies: ["Rendering", "TCPModel", "SocketLab", "Lessons"]),
        .testTarget(name: "TutorTests", dependencies: ["Tutor", "Lessons", "TCPModel", "SocketLab", "Rendering"],
                    swiftSettings: testingAids),
        .testTarget(name: "QuizTests", dependencies: ["Quiz", "Lessons", "TCPModel"]),
        .testTarget(name: "CommandsTests", dependencies: ["Commands", "Lessons", "TCPModel", "Quiz", "Rendering",
                                                         .product(name: "ArgumentParser", package: "swift-argument-parser")]),
        .testTarget(name: "ShellTests", dependencies: ["Shell", "Commands", "Tutor", "Rendering"]),
        .testTarget(name: "twlabTests", dependencies: []),
    ]
)
