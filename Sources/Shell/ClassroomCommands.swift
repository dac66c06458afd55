import Foundation

/// Shell commands for teaching a room: `pause` for scripted demos and `present` for the projector.
enum ClassroomCommands {
    static func make() -> [ShellCommand] {
        [pause, present]
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

    static var present: ShellCommand {
        ShellCommand(
            name: "present",
            summary: "Present a lesson full screen on a projector (q comes back here).",
            usage: "present LESSON [--theme light|dark|mono] [--notes] [--record FILE.cast]",
            details: "One step per screen with a large heading. Keys: space/→/Enter next, ← back, r reveal (plays the simulation; +/- pace, p pause), h hint, s simulation, l live experiment, w socket pane, v show of hands, g go to step, ? keys, q quit. --notes shows the speaker's notes and follows the presenter from a second terminal.",
            run: { context, arguments in
                let parsed: PresentCommand
                do {
                    parsed = try PresentCommand.parse(arguments + (arguments.contains("--lessons") ? [] : ["--lessons", context.lessonsDirectory.path]))
                } catch {
                    context.output.line(PresentCommand.message(for: error))
                    return .failure
                }
                guard context.interactive else {
                    context.output.line("present needs a terminal; it does nothing in a script.")
                    return .failure
                }
                let status = Presenter.run(PresenterOptions(
                    lesson: parsed.lesson, lessonsDirectory: context.lessonsDirectory,
                    theme: PresenterTheme.named(parsed.theme) ?? .light, notes: parsed.notes, recordPath: parsed.record))
                return status == 0 ? .success : .failure
            }
        )
    }
}
