import Foundation

/// The shell's own command for teaching a room: `pause` for scripted demos (`present` is declared once
/// with the other commands: see `ShellLineCommands`).
enum ClassroomCommands {
    static func make() -> [ShellCommand] {
        [pause]
    }

    static var pause: ShellCommand {
        ShellCommand(
            name: "pause",
            summary: "Wait for Enter before going on; for scripted demos.",
            usage: "pause [MESSAGE]",
            details: "Prints MESSAGE (or 'Press Enter to go on') and waits for Enter. When input is not a terminal (a pipe, or a run nobody watches) it does not wait.",
            run: { context, arguments in
                guard isatty(0) == 1 else { return .success }
                let message = arguments.isEmpty ? "Press Enter to go on." : arguments.joined(separator: " ")
                context.output.line(context.output.styled(message, .bold))
                _ = EnterKey.wait(interrupted: context.interrupted)
                return .success
            }
        )
    }
}
