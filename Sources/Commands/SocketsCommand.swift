import Rendering
import ArgumentParser
import Foundation
import SocketLab

/// `twlab sockets`: Show the kernel's TCP sockets from /proc/net/tcp and /proc/net/tcp6.
public struct SocketsCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "sockets",
        abstract: "Show the kernel's TCP sockets from /proc/net/tcp and /proc/net/tcp6.",
        discussion: """
            States accept any spelling (time-wait, TIME_WAIT, TIME-WAIT). The timer column is the time \
            left in the kernel's timer for that socket; TIME_WAIT sockets show the 60-second countdown.
            """)

    @Option(name: .long, help: "Keep only sockets in this state (repeatable).")
    var state: [String] = []

    @Option(name: .long, help: "Keep only sockets with this port at either end (repeatable).")
    var port: [String] = []

    @Option(name: .long, help: "Keep only sockets with this local port (repeatable).")
    var sport: [String] = []

    @Option(name: .long, help: "Keep only sockets with this remote port (repeatable).")
    var dport: [String] = []

    @Flag(name: .long, help: "Print how many sockets are in each state.")
    var count = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Flag(name: .long, help: "Redraw every SECONDS (default 1) with a TIME_WAIT countdown; q or Ctrl-C ends it.")
    var watch = false

    @Option(name: .long, help: "Where to read the table: auto (netlink, else /proc), proc or netlink.")
    var source: String = "auto"

    @Argument(help: "Seconds between redraws with --watch.")
    var seconds: Double?

    public func validate() throws {
        if seconds != nil && !watch { throw ValidationError("a number of seconds goes with --watch, as in: twlab sockets --watch 2") }
        if let seconds, !(seconds >= 0.1 && seconds <= 3600) { throw ValidationError("--watch takes 0.1 to 3600 seconds") }
        if watch && json { throw ValidationError("--watch and --json do not go together; pick one") }
        if SocketTable.Source(rawValue: source) == nil { throw ValidationError("--source takes auto, proc or netlink") }
    }

    public func run() throws {
        let filter: SocketFilter
        do {
            filter = try SocketFilterParser.filter(states: state, ports: port, sourcePorts: sport, destinationPorts: dport)
        } catch {
            throw ValidationError("\(error)")
        }
        if watch {
            runWatch(filter: filter)
            return
        }
        let table: SocketTable
        do {
            table = try SocketTable.read(filter: filter, source: SocketTable.Source(rawValue: source) ?? .automatic)
        } catch {
            FileHandle.standardError.write(Data("twlab: \(error)\n".utf8))
            throw ExitCode(1)
        }
        if json {
            SocketTableJSON.write(table, to: 1)
        } else if count {
            print(SocketTableText.countLines(for: table).joined(separator: "\n"))
        } else {
            print(SocketTableText().lines(for: table).joined(separator: "\n"))
        }
        if table.skippedLines > 0 {
            FileHandle.standardError.write(Data("twlab: skipped \(table.skippedLines) unreadable lines of /proc/net/tcp{,6}\n".utf8))
        }
    }

    private func runWatch(filter: SocketFilter) {
        StopSignal.install()
        let watcher = SocketWatch(filter: filter, intervalSeconds: seconds ?? 1)
        let screen = WatchScreen()
        screen.enter()
        defer { screen.leave() }
        while !StopSignal.raised {
            screen.draw(watcher.frame())
            if screen.waitForQuit(seconds: watcher.intervalSeconds, shouldStop: { StopSignal.raised }) { break }
        }
    }
}
