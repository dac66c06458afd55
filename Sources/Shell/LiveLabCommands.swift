import Foundation
import SocketLab
import TCPModel

/// Shell commands for sockets, watch, lab (live lab).
enum LiveLabCommands {
    static func make() -> [ShellCommand] {
        [socketsCommand(), watchCommand(), labCommand()]
    }

    /// State names offered by completion, in the spelling `ss` uses for its state filter.
    static let stateWords: [String] = TCPState.allCases.map { $0.rawValue.lowercased().replacingOccurrences(of: "_", with: "-") }

    static func completeFilters(_ request: CompletionRequest, extra: [String]) -> [String] {
        switch request.words.last {
        case "--state", "-s": return stateWords
        case "--port", "--sport", "--dport", "-p": return []
        default: return ["--state", "--port", "--sport", "--dport"] + extra + stateWords
        }
    }

    // MARK: sockets

    static func socketsCommand() -> ShellCommand {
        ShellCommand(
            name: "sockets", aliases: ["ss"],
            summary: "Show the kernel's TCP sockets and their timers, with filters.",
            usage: "sockets [FILTER…] [--count] [--json]",
            details: """
                Reads the kernel's TCP table now. Filters: --state S (any spelling), --port N (either end), \
                --sport N, --dport N; a bare state name (time-wait) or port number works too. TIMER/LEFT show the kernel's timer for the socket: a TIME_WAIT socket counts \
                down from 60 s. Try: sockets time-wait, sockets --port 5000 --count.
                """,
            complete: { _, request in completeFilters(request, extra: ["--count", "--json"]) },
            run: { context, arguments in
                let parsed: (filter: SocketFilter, rest: [String])
                do { parsed = try SocketFilterParser.parseWords(arguments) } catch {
                    context.output.line("sockets: \(error)")
                    return .failure
                }
                var count = false, json = false
                for word in parsed.rest {
                    switch word {
                    case "--count": count = true
                    case "--json": json = true
                    default:
                        context.output.line("sockets: '\(word)' is not a state, a port or an option; see help sockets")
                        return .failure
                    }
                }
                let table: SocketTable
                do { table = try SocketTable.read(filter: parsed.filter) } catch {
                    context.output.line("sockets: \(error)")
                    return .failure
                }
                if json {
                    context.output.write(SocketTableJSON.string(of: table))
                } else if count {
                    for line in SocketTableText.countLines(for: table) { context.output.line(line) }
                } else if table.entries.isEmpty {
                    context.output.line("No TCP sockets match.")
                } else {
                    for line in SocketTableText(countdown: true).lines(for: table) { context.output.line(line) }
                }
                if table.skippedLines > 0 { context.output.line("(\(table.skippedLines) unreadable lines skipped)") }
                return .success
            })
    }

    // MARK: watch

    static func watchCommand() -> ShellCommand {
        ShellCommand(
            name: "watch",
            summary: "Redraw the socket table every second with TIME_WAIT countdowns (q or Ctrl-C stops).",
            usage: "watch [FILTER…] [SECONDS]",
            details: """
                Like sockets (same filters), redrawn in place every SECONDS (default 1). Each TIME_WAIT socket gets a bar that empties over its 60 s. \
                Press q or Ctrl-C to come back to the prompt. Without a terminal it prints one frame.
                """,
            complete: { _, request in completeFilters(request, extra: []) },
            run: { context, arguments in
                var words = arguments
                var seconds = 1.0
                if let last = words.last, let value = Double(last), last.contains(".") || Int(last).map({ $0 <= 60 }) == true,
                   TCPState(parsing: last) == nil {
                    // A trailing small number is the interval; a port is written with --port.
                    seconds = value
                    words.removeLast()
                }
                guard seconds >= 0.1 && seconds <= 3600 else {
                    context.output.line("watch: the interval must be 0.1 to 3600 seconds")
                    return .failure
                }
                let parsed: (filter: SocketFilter, rest: [String])
                do { parsed = try SocketFilterParser.parseWords(words) } catch {
                    context.output.line("watch: \(error)")
                    return .failure
                }
                if let word = parsed.rest.first {
                    context.output.line("watch: '\(word)' is not a state, a port or an option; see help watch")
                    return .failure
                }
                let watcher = SocketWatch(filter: parsed.filter, intervalSeconds: seconds)
                guard context.interactive else {
                    for line in watcher.frame() { context.output.line(line) }
                    return .success
                }
                let screen = WatchScreen()
                screen.enter()
                defer { screen.leave() }
                while !context.interrupted() {
                    screen.draw(watcher.frame())
                    if screen.waitForQuit(seconds: seconds, shouldStop: context.interrupted) { break }
                }
                return .success
            })
    }

    // MARK: lab

    static func labCommand() -> ShellCommand {
        ShellCommand(
            name: "lab",
            summary: "List or run the live loopback experiments.",
            usage: "lab list | lab NAME [--yes] [--json] [--pcap FILE]",
            details: """
                lab NAME asks before it runs (--yes skips that); --set NAME=VALUE passes an option \
                (see lab list). Each experiment opens connections on 127.0.0.1 only, narrates what the kernel shows for its \
                own ports, and ends with findings, then draws the segments the kernel exchanged beside the \
                simulator's run of the matching scenario with a one-line verdict (--pcap FILE also saves them \
                for tcpdump -r). Those that change sysctls run in a private network \
                namespace and never touch the host's settings. Ctrl-C stops an experiment and closes \
                everything it opened.
                """,
            complete: { _, request in
                if request.words.count <= 1 { return ["list"] + ExperimentCatalog.names }
                if request.words.last == "--set" {
                    let name = request.words.count > 1 ? request.words[1] : ""
                    return ExperimentCatalog.optionHelp(of: name).compactMap { $0.split(separator: " ").first.map(String.init) }
                }
                return ["--yes", "--json", "--pcap", "--set"]
            },
            run: { context, arguments in runLab(context, arguments) })
    }

    static func runLab(_ context: ShellContext, _ arguments: [String]) -> CommandResult {
        let out = context.output
        guard let name = arguments.first, name != "list" else {
            let width = ExperimentCatalog.names.map(\.count).max() ?? 0
            for name in ExperimentCatalog.names {
                let sandbox = ExperimentCatalog.changesSysctls(name) ? " [namespace]" : ""
                out.line(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + ExperimentCatalog.summary(of: name) + sandbox)
            }
            return .success
        }
        guard ExperimentCatalog.names.contains(name) else {
            out.line("lab: there is no experiment '\(name)'; try one of: \(ExperimentCatalog.names.joined(separator: ", "))")
            return .failure
        }
        var yes = false, json = false
        var pcap: String?
        var options: [String: String] = [:]
        var index = 1
        while index < arguments.count {
            let word = arguments[index]
            switch word {
            case "--yes", "-y": yes = true
            case "--json": json = true
            case "--pcap":
                guard index + 1 < arguments.count else {
                    out.line("lab: --pcap needs a file name")
                    return .failure
                }
                pcap = arguments[index + 1]
                index += 1
            case "--set", "--ports":
                guard index + 1 < arguments.count else {
                    out.line("lab: \(word) needs a value")
                    return .failure
                }
                let value = arguments[index + 1]
                if word == "--ports" {
                    options["ports"] = value
                } else if let eq = value.firstIndex(of: "="), eq != value.startIndex {
                    options[String(value[..<eq])] = String(value[value.index(after: eq)...])
                } else {
                    out.line("lab: --set takes NAME=VALUE, for example --set ports=20")
                    return .failure
                }
                index += 1
            default:
                out.line("lab: unexpected '\(word)'; usage: lab NAME [--yes] [--json] [--pcap FILE] [--set NAME=VALUE]")
                return .failure
            }
            index += 1
        }
        if context.interactive && !yes {
            let place = ExperimentCatalog.changesSysctls(name) ? "in a private network namespace" : "on loopback"
            out.write("Run the live experiment \(name) \(place)? [y/N] ")
            let answer = readLine()?.trimmingCharacters(in: .whitespaces).lowercased() ?? ""
            guard answer == "y" || answer == "yes" else {
                out.line("Not run.")
                return .success
            }
        }
        do {
            let scenarios = ScenarioLibrary(directory: context.lessonsDirectory.appendingPathComponent("scenarios"))
            let report = try ExperimentRunner.run(name, options: options, trace: TraceOptions(pcapPath: pcap, scenarios: scenarios),
                                                  log: { line in if !json { out.line(line) } },
                                                  shouldStop: context.interrupted)
            if json {
                out.line(report.jsonText())
            } else {
                for line in TraceDiagramText(width: out.width).lines(for: report) { out.line(line) }
            }
            return .success
        } catch let error as ExperimentError {
            out.line("lab: \(error.message)")
            return .failure
        } catch {
            out.line("lab: \(error)")
            return .failure
        }
    }
}
