#if TWLAB_TESTING_AIDS
import Foundation
import Tutor

/// `_tutor`, a testing aid: it prints the commands that answer a lesson (from the answer pipeline) and
/// saves progress in a loop for crash tests. It is compiled only into debug builds (`make test`), never
/// into the release build a learner runs, since it prints answers.
extension TutorCommands {
    static func testingAids() -> [ShellCommand] {
        [
            ShellCommand(name: "_tutor",
                         summary: "(testing aid) Scripted answers from the oracle; a save loop for crash tests.",
                         usage: "_tutor script ID [--wrong] | _tutor save-loop N",
                         details: """
                             _tutor script ID          the commands that answer lesson ID all right (a full score)
                             _tutor script ID --wrong  the commands that answer it all wrong (every hint shown)
                             _tutor script ID --labs   also run each live experiment the lesson offers
                             _tutor save-loop N        save the progress file N times (for kill -9 tests)
                             """,
                         complete: { context, request in
                             switch request.words.count {
                             case 1: return ["script", "save-loop"]
                             case 2 where request.words[1] == "script": return lessonIDs(context)
                             case 3...4 where request.words[1] == "script": return ["--wrong", "--labs"]
                             default: return []
                             }
                         },
                         run: { context, args in
                             switch args.first {
                             case "script": return practiceScript(context, Array(args.dropFirst()))
                             case "save-loop": return saveLoop(context, Array(args.dropFirst()))
                             default: return usage(context, "_tutor script ID [--wrong]  ·  _tutor save-loop N")
                             }
                         }),
        ]
    }

    /// Prints the commands that go through a lesson, answered from the oracle.
    static func practiceScript(_ context: ShellContext, _ args: [String]) -> CommandResult {
        let options = Set(args.dropFirst())
        guard let id = args.first, options.isSubset(of: ["--wrong", "--labs"]) else {
            return usage(context, "_tutor script ID [--wrong] [--labs]")
        }
        var scratch = makeSession(context, persistent: false)
        do {
            let lines = try scratch.practiceScript(for: id, wrong: options.contains("--wrong"), labs: options.contains("--labs"))
            lines.forEach { context.output.line($0) }
            return .success
        } catch {
            context.output.line("error: \(error)")
            return .failure
        }
    }

    /// Saves the progress file again and again, for crash tests.
    static func saveLoop(_ context: ShellContext, _ args: [String]) -> CommandResult {
        guard args.count == 1, let count = Int(args[0]), count > 0 else { return usage(context, "_tutor save-loop N") }
        let store = ProgressStore.standard()
        var progress = store.load().progress
        for round in 0..<count {
            if context.interrupted() { break }
            var record = progress[lesson: "save-loop"]
            record.step = round
            record.questions["save-loop/q\(round % 50)"] = QuestionProgress(attempts: round)
            progress[lesson: "save-loop"] = record
            do { try store.save(progress) } catch {
                context.output.line("error: \(error)")
                return .failure
            }
        }
        context.output.line("saved \(count) times")
        return .success
    }
}
#else
extension TutorCommands {
    /// Release builds have no testing aids.
    static func testingAids() -> [ShellCommand] { [] }
}
#endif
