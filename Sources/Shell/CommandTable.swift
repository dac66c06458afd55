/// Every command of the shell. Each area adds its list here with one line, in its own file.
public enum CommandTable {
    public static func all() -> [ShellCommand] {
        BuiltinCommands.make()
            + CatalogCommands.make()
            + TutorCommands.make()
            + QuizCommands.make()
            + ClassroomCommands.make()
    }
}
