import Testing
@testable import Lessons

@Suite struct SpeakerNotesTests {
    static let text = """
        ---
        id: notes-demo
        title: Notes
        summary: A lesson with speaker notes.
        minutes: 5
        ---
        ## One
        Prose the room sees.

        ```notes
        Ask the room first.
        ```

        ## Two
        More prose.

        ```notes
        First note.
        ```

        ```notes
        Second note.
        ```
        """

    @Test func notesGoToTheStepAndNeverIntoItsBlocks() {
        let (lesson, diagnostics) = LessonParser.parse(text: Self.text, file: "notes.md", language: "en")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        guard let lesson else { Issue.record("the lesson did not parse"); return }
        #expect(lesson.steps.map(\.notes) == ["Ask the room first.", "First note.\n\nSecond note."])
        for step in lesson.steps {
            for block in step.blocks {
                if case .text(let prose) = block { #expect(!prose.contains("note")) }
            }
        }
    }

    @Test func aStepWithoutNotesHasNone() {
        let (lesson, _) = LessonParser.parse(text: "---\nid: a\ntitle: A\nsummary: S.\nminutes: 5\n---\n## One\nText.\n",
                                             file: "a.md", language: "en")
        #expect(lesson?.steps.first?.notes == "")
    }
}
