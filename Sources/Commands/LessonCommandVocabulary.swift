import ArgumentParser
import Lessons

/// The catalog's commands as lint sees them: a backticked command in a lesson must parse exactly as
/// the shell and the command line would parse it (nothing runs).
public enum LessonCommandVocabulary {
    /// Every catalog command's name and aliases, checked with `TwlabCommands.parseAsRoot`.
    public static var catalog: CommandVocabulary {
        let names = Set(CommandCatalog.commands.flatMap(CommandRunner.names(of:)))
        return CommandVocabulary(names: names) { words in
            do {
                _ = try TwlabCommands.parseAsRoot(words)
                return nil
            } catch {
                // Asking for help is not a mistake.
                if TwlabCommands.exitCode(for: error) == .success { return nil }
                let message = TwlabCommands.message(for: error)
                return message.split(separator: "\n").first.map(String.init) ?? message
            }
        }
    }
}
