import ArgumentParser
import Foundation
import Rendering
import SocketLab

/// The socket filter every table command takes: states, ports, and bare words as a shorthand.
struct SocketFilterOptions: ParsableArguments {
    @Argument(help: ArgumentHelp("A state name (time-wait) or a port number, as a shorthand for --state or --port.",
                                 valueName: "filter"),
              completion: .list(SocketFilterOptions.stateWords))
    var words: [String] = []

    @Option(name: .long, help: "Keep only sockets in this state, any spelling (repeatable).",
            completion: .list(SocketFilterOptions.stateWords))
    var state: [String] = []

    @Option(name: .long, help: "Keep only sockets with this port at either end (repeatable).")
    var port: [String] = []

    @Option(name: .long, help: "Keep only sockets with this local port (repeatable).")
    var sport: [String] = []

    @Option(name: .long, help: "Keep only sockets with this remote port (repeatable).")
    var dport: [String] = []

    /// State names in the spelling `ss` uses for its filter.
    static let stateWords = ["established", "syn-sent", "syn-recv", "fin-wait-1", "fin-wait-2", "time-wait", "close",
                             "close-wait", "last-ack", "listen", "closing"]

    /// The filter, or a `ValidationError` naming the word that is neither a state nor a port.
    func filter() throws -> SocketFilter {
        do {
            let typed = try SocketFilterParser.filter(states: state, ports: port, sourcePorts: sport, destinationPorts: dport)
            guard !words.isEmpty else { return typed }
            let (shorthand, rest) = try SocketFilterParser.parseWords(words)
            if let word = rest.first { throw ValidationError("'\(word)' is not a state or a port number") }
            return SocketFilter(states: typed.states.union(shorthand.states), ports: typed.ports.union(shorthand.ports),
                                sourcePorts: typed.sourcePorts.union(shorthand.sourcePorts),
                                destinationPorts: typed.destinationPorts.union(shorthand.destinationPorts))
        } catch let error as ValidationError {
            throw error
        } catch {
            throw ValidationError("\(error)")
        }
    }
}

/// `twlab sockets`: the kernel's TCP sockets and their timers.
public struct SocketsCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "sockets",
        abstract: "Show the kernel's TCP sockets and their timers, with filters.",
        discussion: """
            States accept any spelling (time-wait, TIME_WAIT, TIME-WAIT). LEFT is the time left on the \
            kernel's timer for that socket; a TIME_WAIT socket counts down from 60 s. Try: sockets \
            time-wait, sockets --port 5000 --count.
            """,
        aliases: ["ss"])

    @OptionGroup var filter: SocketFilterOptions

    @Flag(name: .long, help: "Print how many sockets are in each state.")
    var count = false

    @Flag(name: .long, help: "Print JSON.")
    var json = false

    @Flag(name: .long, help: "Redraw with a TIME_WAIT countdown until q or Ctrl-C (the same as the watch command).")
    var watch = false

    @Option(name: .long, help: "With --watch: seconds between redraws (0.1 to 3600).")
    var every: Double = 1

    @Option(name: .long, help: "Where to read the table: auto (netlink, else /proc), proc or netlink.",
            completion: .list(["auto", "proc", "netlink"]))
    var source: String = "auto"

    public func validate() throws {
        if watch && json { throw ValidationError("--watch and --json do not go together; pick one") }
        guard every >= 0.1 && every <= 3600 else { throw ValidationError("--every takes 0.1 to 3600 seconds") }
        if SocketTable.Source(rawValue: source) == nil { throw ValidationError("--source takes auto, proc or netlink") }
    }

    public func run() throws {
        let chosen = try filter.filter()
        if watch {
            try SocketWatchLoop(filter: chosen, seconds: every).run()
            return
        }
        let table: SocketTable
        do {
            table = try SocketTable.read(filter: chosen, source: SocketTable.Source(rawValue: source) ?? .automatic)
        } catch {
            printError("twlab: \(error)")
            throw ExitCode(1)
        }
        let width = CommandIO.current.width
        if json {
            print(SocketTableJSON.string(of: table), terminator: "")
        } else if count {
            print(SocketTableText.countLines(for: table).joined(separator: "\n"))
        } else if table.entries.isEmpty {
            printText("No TCP sockets match.")
        } else {
            for line in SocketTableText().lines(for: table, width: width) { print(line) }
        }
        if table.skippedLines > 0 { printError("twlab: skipped \(table.skippedLines) unreadable lines of /proc/net/tcp{,6}") }
    }
}

/// `twlab watch`: the socket table redrawn in place with TIME_WAIT countdowns.
public struct WatchCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "watch",
        abstract: "Redraw the socket table every second with TIME_WAIT countdowns (q or Ctrl-C stops).",
        discussion: """
            Takes the same filters as sockets. Each TIME_WAIT socket gets a bar that empties over its \
            60 s. In a shell script it prints one frame; elsewhere it redraws until q or Ctrl-C.
            """)

    @OptionGroup var filter: SocketFilterOptions

    @Option(name: .long, help: "Seconds between redraws (0.1 to 3600).")
    var every: Double = 1

    public func validate() throws {
        guard every >= 0.1 && every <= 3600 else { throw ValidationError("--every takes 0.1 to 3600 seconds") }
    }

    public func run() throws {
        try SocketWatchLoop(filter: try filter.filter(), seconds: every).run()
    }
}

/// The loop behind `watch` and `sockets --watch`: frames redrawn (in place at a terminal) until q or
/// Ctrl-C, or one frame in a shell script, which must not wait for a key.
struct SocketWatchLoop {
    var filter: SocketFilter
    var seconds: Double

    func run() throws {
        let io = CommandIO.current
        let watcher = SocketWatch(filter: filter, intervalSeconds: seconds)
        let screen = WatchScreen()
        guard !io.scripted else {
            for line in watcher.frame(width: io.width) { print(line) }
            return
        }
        let stop = io.interruption()
        screen.enter()
        defer { screen.leave() }
        while !stop() {
            screen.draw(watcher.frame(width: screen.isTerminal ? TerminalSize.columns() : io.width))
            if screen.waitForQuit(seconds: seconds, shouldStop: stop) { break }
        }
    }
}
