import ArgumentParser
import Foundation
import Rendering
import TCPModel

/// `twlab diagram states`: the TCP state machine, with the close paths emphasised and chosen
/// states highlighted.
public struct DiagramStatesCommand: ParsableCommand {
    /// Creates the command (ArgumentParser fills it from the command line).
    public init() {}
    public static let configuration = CommandConfiguration(
        commandName: "states",
        abstract: "Draw the TCP state machine with the close paths emphasised.",
        discussion: """
            text draws with box-drawing characters (plain ASCII with --ascii or in a locale that is \
            not UTF-8) and needs 76 columns; narrower, it lists the transitions. dot is for graphviz, \
            mermaid for slides and web pages (stateDiagram-v2), svg runs graphviz's 'dot -Tsvg'. \
            Exit status: 0, 1 when svg is asked for and graphviz is missing, 2 for a usage error.
            """)

    @Option(parsing: .upToNextOption,
            help: ArgumentHelp("States to highlight, for example TIME_WAIT FIN_WAIT_2.", valueName: "STATE"))
    var highlight: [String] = []

    @Option(help: ArgumentHelp("Whose timers the labels show: linux or rfc9293.", valueName: "P"))
    var profile: String = "linux"

    @Option(help: ArgumentHelp("text, dot, mermaid or svg.", valueName: "F"))
    var format: DiagramFormat = .text

    @Flag(help: "Draw text with ASCII characters only.")
    var ascii = false

    @Option(help: "Columns for text (default: the terminal's, $COLUMNS or 80).")
    var width: Int?

    public func validate() throws {
        guard ProfileName(parsing: profile) != nil else {
            throw ValidationError("--profile must be linux or rfc9293, not '\(profile)'.")
        }
        for name in highlight where TCPState(parsing: name) == nil {
            throw ValidationError("--highlight: '\(name)' is not a TCP state; use names such as TIME_WAIT, FIN_WAIT_2, CLOSE_WAIT.")
        }
    }

    public func run() throws {
        let graph = StateMachineGraph(profile: ProfileName(parsing: profile) ?? .linux)
        let states = Set(highlight.compactMap(TCPState.init(parsing:)))
        switch format {
        case .text:
            let charset: TextCharset = ascii ? .ascii : TextCharset.forLocale()
            let columns = TerminalSize.clamp(width ?? CommandIO.current.width)
            print(StateDiagramText(graph: graph, highlighted: states, width: columns, charset: charset).render(), terminator: "")
        case .dot:
            print(StateDiagramDOT(graph: graph, highlighted: states).render(), terminator: "")
        case .mermaid:
            print(StateDiagramMermaid(graph: graph, highlighted: states).render(), terminator: "")
        case .svg:
            let source = StateDiagramDOT(graph: graph, highlighted: states).render()
            switch GraphvizRunner.svg(fromDOT: source) {
            case .success(let svg):
                print(svg, terminator: "")
            case .failure(let problem):
                printError("error: \(problem.message)")
                throw ExitCode(1)
            }
        }
    }
}
