import ArgumentParser
import Foundation
import Lessons
import Rendering
import SocketLab
import TCPModel

/// `twlab lab`: list and run the live loopback experiments. `lab NAME` is short for `lab run NAME`.
public struct LabCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "lab", abstract: "List or run the live loopback experiments.",
        discussion: """
            'lab NAME' is short for 'lab run NAME'; 'lab' alone lists the experiments. Each experiment \
            opens connections on loopback only, narrates what the kernel shows for its own ports, and ends \
            with findings. Those that change sysctls run in a private network namespace and never touch the \
            host's settings. Ctrl-C stops an experiment and closes everything it opened. Each run also \
            draws the segments the kernel exchanged beside the simulator's run of the matching scenario, \
            with a one-line verdict; --pcap FILE saves them for tcpdump -r.
            """,
        subcommands: [LabListCommand.self, LabRunCommand.self], defaultSubcommand: LabRunCommand.self)
}

/// `twlab lab list`: the experiments and what each shows.
public struct LabListCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(commandName: "list", abstract: "List the experiments.")

    public func run() throws {
        for line in Self.lines(width: CommandIO.current.width) { print(line) }
    }

    /// The list fitted to `width`: the name, then its summary wrapped under it when the two do not
    /// fit on one line, then its options.
    static func lines(width: Int) -> [String] {
        let nameWidth = ExperimentCatalog.names.map(\.count).max() ?? 0
        let indent = String(repeating: " ", count: nameWidth + 2)
        var out: [String] = []
        for name in ExperimentCatalog.names {
            let sandbox = ExperimentCatalog.changesSysctls(name) ? " [namespace]" : ""
            let summary = UIText.text(ExperimentCatalog.summaryText(of: name)) + sandbox
            if width - nameWidth - 2 >= 30 {
                let wrapped = TextWrapper.wrap(summary, width: width - nameWidth - 2)
                out.append(name.padding(toLength: nameWidth, withPad: " ", startingAt: 0) + "  " + (wrapped.first ?? ""))
                out += wrapped.dropFirst().map { indent + $0 }
                for option in ExperimentCatalog.optionHelp(of: name) {
                    out += TextWrapper.wrap("--set " + option, width: width - nameWidth - 2, hangingIndent: 2).map { indent + $0 }
                }
            } else {
                out.append(name)
                out += TextWrapper.wrap(summary, width: width - 2).map { "  " + $0 }
                for option in ExperimentCatalog.optionHelp(of: name) {
                    out += TextWrapper.wrap("--set " + option, width: width - 2, hangingIndent: 2).map { "  " + $0 }
                }
            }
        }
        return out
    }
}

/// `twlab lab run NAME`: runs one experiment, narrating each step.
public struct LabRunCommand: ParsableCommand {
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run one experiment on loopback and report its findings.",
        discussion: "Experiments that change sysctls run only in a private network namespace; the host's settings are never written.")

    @Argument(help: "The experiment (see lab list); without one, the list.",
              completion: .list(ExperimentCatalog.names))
    var name: String?

    @Flag(name: .long, help: "Print the report as JSON on standard output (narration goes to standard error).")
    var json = false

    @Flag(name: [.customShort("y"), .long], help: "Run without asking first (the shell asks at a terminal).")
    var yes = false

    @Option(name: .long, help: "For port-exhaustion: how many ephemeral ports to leave open.")
    var ports: Int?

    @Flag(name: .long, help: "Afterwards keep the experiment's sockets and redraw their table with countdown bars until TIME_WAIT ends (Ctrl-C stops).")
    var watch = false

    @Option(name: .customLong("set"), help: ArgumentHelp("An experiment option as NAME=VALUE (repeatable; see lab list).",
                                                        valueName: "name=value"))
    var settings: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also write the kernel's segments to this pcap file (tcpdump -r reads it).", valueName: "file"))
    var pcap: String?

    @Option(name: .long, help: ArgumentHelp("The lessons folder whose scenarios/ the kernel trace is compared with.", valueName: "dir"))
    var lessons: String?

    public func run() throws {
        let io = CommandIO.current
        guard let name else {
            for line in LabListCommand.lines(width: io.width) { print(line) }
            return
        }
        var options: [String: String] = [:]
        for setting in settings {
            guard let eq = setting.firstIndex(of: "="), eq != setting.startIndex else {
                throw ValidationError("--set takes NAME=VALUE, for example --set ports=20")
            }
            options[String(setting[..<eq])] = String(setting[setting.index(after: eq)...])
        }
        if let ports { options["ports"] = String(ports) }
        guard ExperimentCatalog.names.contains(name.lowercased()) else {
            printError("twlab: there is no experiment '\(name)'; the experiments are: \(ExperimentCatalog.names.joined(separator: ", "))")
            throw ExitCode(1)
        }
        if watch { options[LabWatch.option] = "1" }
        let asChild = ProcessInfo.processInfo.environment[ExperimentRunner.childEnvironmentKey] != nil
        if !asChild && !yes && !json {
            let place = ExperimentCatalog.changesSysctls(name) ? "in a private network namespace" : "on loopback"
            guard io.confirm("Run the live experiment \(name) \(place)?") else {
                printText("Not run.")
                return
            }
        }
        let text = LabNarrationText(width: io.width)
        // While watching at a terminal, each table replaces the one before it.
        let redraw = watch && io.interactive && !json
        var watching = false
        var previousTable = 0
        let narrate: (LabLine) -> Void = { line in
            if asChild {
                io.errorLine(line.childLine)
                return
            }
            if line == .heading(LabWatch.heading) { watching = true }
            let rendered = text.lines(for: line)
            if case .sockets = line, watching, redraw {
                if previousTable > 0 { io.write("\u{1B}[\(previousTable)A\u{1B}[J") }
                previousTable = rendered.count
            }
            for row in rendered {
                if json { io.errorLine(row) } else { io.line(row) }
            }
        }
        do {
            // The namespace child only captures; its parent simulates and compares.
            let scenarios = asChild ? nil : ScenarioLibrary(directory: LessonsFolder.scenarios(explicit: lessons))
            let trace = TraceOptions(pcapPath: pcap, scenarios: scenarios)
            let report = try ExperimentRunner.run(name, options: options, trace: trace, log: narrate, shouldStop: io.interruption())
            if json {
                print(report.jsonText())
            } else {
                let lines = TraceDiagramText(width: io.width).lines(for: report)
                if !lines.isEmpty { io.line(); for line in lines { io.line(line) } }
            }
        } catch let error as ExperimentError {
            printError("twlab: \(error.message)")
            throw error.interrupted ? ExitCode(130) : ExitCode(1)
        } catch {
            printError("twlab: \(error)")
            throw ExitCode(1)
        }
    }
}
