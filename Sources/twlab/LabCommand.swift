import ArgumentParser
import Foundation
import Lessons
import Shell
import SocketLab
import TCPModel

/// `twlab lab`: List and run the live loopback experiments.
struct LabCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lab", abstract: "List and run the live loopback experiments.",
        subcommands: [LabListCommand.self, LabRunCommand.self], defaultSubcommand: LabListCommand.self)
}

/// `twlab lab list`: the experiments and what each shows.
struct LabListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "List the experiments.")

    func run() throws {
        let width = ExperimentCatalog.names.map(\.count).max() ?? 0
        for name in ExperimentCatalog.names {
            let sandbox = ExperimentCatalog.changesSysctls(name) ? " [namespace]" : ""
            print(name.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + ExperimentCatalog.summary(of: name) + sandbox)
            for line in ExperimentCatalog.optionHelp(of: name) {
                print(String(repeating: " ", count: width + 2) + "--set " + line)
            }
        }
    }
}

/// `twlab lab run NAME`: runs one experiment, narrating each step.
struct LabRunCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run one experiment on loopback and report its findings.",
        discussion: "Experiments that change sysctls run only in a private network namespace; the host's settings are never written.")

    @Argument(help: "The experiment (see twlab lab list).",
              completion: .list(ExperimentCatalog.names))
    var name: String

    @Flag(name: .long, help: "Print the report as JSON on standard output (narration goes to standard error).")
    var json = false

    @Option(name: .long, help: "For port-exhaustion: how many ephemeral ports to leave open.")
    var ports: Int?

    @Option(name: .customLong("set"), help: "An experiment option as NAME=VALUE (repeatable; see twlab lab list).")
    var settings: [String] = []

    @Option(name: .long, help: ArgumentHelp("Also write the kernel's segments to this pcap file (tcpdump -r reads it).", valueName: "FILE"))
    var pcap: String?

    @Option(name: .long, help: ArgumentHelp("The lessons folder whose scenarios/ the kernel trace is compared with.", valueName: "DIR"))
    var lessons: String?

    func run() throws {
        var options: [String: String] = [:]
        for setting in settings {
            guard let eq = setting.firstIndex(of: "="), eq != setting.startIndex else {
                throw ValidationError("--set takes NAME=VALUE, for example --set ports=20")
            }
            options[String(setting[..<eq])] = String(setting[setting.index(after: eq)...])
        }
        if let ports { options["ports"] = String(ports) }
        StopSignal.install()
        let narrate: (String) -> Void = json
            ? { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
            : { line in FileHandle.standardOutput.write(Data((line + "\n").utf8)) }
        do {
            let inChild = ProcessInfo.processInfo.environment[ExperimentRunner.childEnvironmentKey] != nil
            let scenarios = inChild ? nil : LessonsLocator.find(explicit: lessons).map {
                ScenarioLibrary(directory: $0.appendingPathComponent("scenarios"))
            }
            let trace = TraceOptions(pcapPath: pcap, scenarios: scenarios)
            let report = try ExperimentRunner.run(name, options: options, trace: trace, log: narrate, shouldStop: { StopSignal.raised })
            if json {
                print(report.jsonText())
            } else {
                let lines = TraceDiagramText(width: TerminalSize.columns()).lines(for: report)
                if !lines.isEmpty { print(""); print(lines.joined(separator: "\n")) }
            }
        } catch let error as ExperimentError {
            FileHandle.standardError.write(Data("twlab: \(error.message)\n".utf8))
            throw ExitCode(error.interrupted ? 130 : 1)
        } catch {
            FileHandle.standardError.write(Data("twlab: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}
