import Synchronization
import Foundation
import Testing
@testable import Lessons
import SocketLab
import TCPModel
@testable import Tutor

@Suite struct TutorSessionTests {
    @Test func startShowsTheFirstStepAndAsksBeforeExplaining() throws {
        var session = TutorFixtures.session(store: nil)
        let lines = session.start("lost-ack")
        #expect(lines.text.contains("Which state does the client end in?"))
        // The prose after the question and its explanation wait until it is answered.
        #expect(!lines.text.contains("After the question."))
        #expect(!lines.text.contains("The active closer waits"))
        #expect(session.pendingQuestion?.id == "lost-ack/final")
        #expect(session.promptDetail == "02 lost-ack 1/3")
        #expect(session.answerVocabulary.contains("TIME_WAIT"))
    }

    @Test func aRightAnswerIsRecordedAndExplained() throws {
        let store = try TutorFixtures.temporaryStore()
        var session = TutorFixtures.session(store: store)
        _ = session.start("lost-ack")
        let lines = session.answer("time-wait")
        #expect(lines.hasSuccess)
        #expect(lines.text.contains("The active closer waits in TIME_WAIT."))
        #expect(lines.text.contains("After the question."))
        #expect(session.pendingQuestion == nil)
        let saved = store.load().progress
        let record = try #require(saved.lessons["lost-ack"]?.questions["lost-ack/final"])
        #expect(record.solved && record.attempts == 1 && record.hintsUsed == 0)
        #expect(!record.skipped && !record.revealed)
    }

    @Test func wrongAnswersClimbTheHintLadderThenShowTheAnswer() throws {
        var session = TutorFixtures.session(store: nil)
        _ = session.start("lost-ack")
        let first = session.answer("FIN_WAIT_2")
        #expect(first.text.contains("You said FIN_WAIT_2"))
        #expect(first.text.contains("It closed first."))
        #expect(!first.text.contains("Expected"))
        #expect(session.pendingQuestion != nil)
        let second = session.answer("CLOSE_WAIT")
        #expect(second.text.contains("It is the state that waits 2×MSL."))
        #expect(session.pendingQuestion != nil)
        let third = session.answer("LAST_ACK")
        #expect(third.text.contains("Expected: TIME_WAIT"))
        #expect(third.text.contains("The active closer waits in TIME_WAIT."))
        #expect(session.pendingQuestion == nil)
        let record = try #require(session.progress.lessons["lost-ack"]?.questions["lost-ack/final"])
        #expect(record.attempts == 3 && record.hintsUsed == 2 && record.missed && !record.solved)
    }

    @Test func anInvalidAnswerCostsNoAttempt() throws {
        var session = TutorFixtures.session(store: nil)
        _ = session.start("lost-ack")
        let lines = session.answer("banana")
        #expect(lines.text.contains("TCP state"))
        #expect(lines.text.contains("did not cost an attempt"))
        #expect(session.progress.lessons["lost-ack"]?.questions["lost-ack/final"]?.attempts ?? 0 == 0)
        #expect(session.pendingQuestion != nil)
    }

    @Test func hintsComeOneAtATimeAndAreCounted() throws {
        var session = TutorFixtures.session(store: nil)
        _ = session.start("lost-ack")
        // Two hints and the answer make a ladder of three rungs; the last rung reveals the answer.
        #expect(session.hint().text.contains("Hint 1 of 3: It closed first."))
        #expect(session.hint().text.contains("Hint 2 of 3"))
        #expect(session.progress.lessons["lost-ack"]?.questions["lost-ack/final"]?.hintsUsed == 2)
        #expect(session.hint().text.contains("Solution (recorded as revealed, not solved): TIME_WAIT"))
        #expect(session.progress.lessons["lost-ack"]?.questions["lost-ack/final"]?.revealed == true)
    }

    @Test func skipAndSolutionAreNeverSolves() throws {
        var session = TutorFixtures.session(store: nil)
        _ = session.start("lost-ack")
        let revealed = session.solution()
        #expect(revealed.text.contains("TIME_WAIT"))
        _ = session.next()
        _ = session.skip()
        let record = session.progress[lesson: "lost-ack"]
        #expect(record.questions["lost-ack/final"]?.revealed == true)
        #expect(record.questions["lost-ack/final"]?.solved == false)
        #expect(record.questions["lost-ack/side"]?.skipped == true)
        #expect(record.questions["lost-ack/side"]?.solved == false)
        let report = ProgressReport(catalog: TutorFixtures.catalog, progress: session.progress)
        #expect(report.lessons.first?.score == 0)
        #expect(report.lessons.first?.maxScore == 2)
    }

    @Test func nextWaitsForTheQuestionAndFinishesAfterTheLastStep() throws {
        var session = TutorFixtures.session(store: nil)
        _ = session.start("lost-ack")
        let blocked = session.next()
        #expect(blocked.text.contains("still open"))
        #expect(session.stepIndex == 0)
        _ = session.answer("TIME_WAIT")
        _ = session.next()
        _ = session.answer("client")
        _ = session.next()
        #expect(session.promptDetail == "02 lost-ack 3/3")
        let done = session.next()
        #expect(done.text.contains("Finished"))
        #expect(done.text.contains("Score 2/2"))
        #expect(session.progress[lesson: "lost-ack"].status == .finished)
        #expect(session.listLessons().text.contains("✓ lost-ack"))
        #expect(session.listLessons().text.contains("· harm"))
    }

    @Test func backMovesToThePreviousStepAndShowsTheAnsweredQuestion() throws {
        var session = TutorFixtures.session(store: nil)
        _ = session.start("lost-ack")
        _ = session.answer("TIME_WAIT")
        _ = session.next()
        let lines = session.back()
        #expect(session.stepIndex == 0)
        #expect(session.pendingQuestion == nil)
        #expect(lines.text.contains("answered right (your answer: TIME_WAIT)"))
        #expect(session.back().text.contains("first step"))
    }

    @Test func aRestartedSessionResumesMidLesson() throws {
        let store = try TutorFixtures.temporaryStore()
        do {
            var session = TutorFixtures.session(store: store)
            _ = session.start("lost-ack")
            _ = session.answer("TIME_WAIT")
            _ = session.next()
        }
        var restarted = TutorFixtures.session(store: store)
        #expect(restarted.lessonID == "lost-ack")
        #expect(restarted.stepIndex == 1)
        #expect(restarted.pendingQuestion?.id == "lost-ack/side")
        #expect(restarted.listLessons().text.contains("▸ lost-ack"))
        let resumed = restarted.start("lost-ack")
        #expect(resumed.text.contains("Resuming"))
        #expect(restarted.stepIndex == 1)
    }

    @Test func reviewIsReadOnlyAndOnlyForFinishedLessons() throws {
        var session = TutorFixtures.session(store: nil)
        #expect(session.review("lost-ack").hasError)
        _ = session.start("lost-ack")
        _ = session.answer("TIME_WAIT")
        _ = session.next()
        _ = session.answer("server")
        _ = session.answer("server")
        _ = session.next()
        _ = session.next()
        let before = session.progress
        let lines = session.review("lost-ack")
        #expect(lines.text.contains("Review"))
        #expect(session.pendingQuestion == nil)
        _ = session.next()
        #expect(session.pendingQuestion == nil)
        #expect(session.answer("client").hasError)
        #expect(session.promptDetail?.hasSuffix("review") == true)
        #expect(session.progress == before)
    }

    @Test func resetForgetsOneLesson() throws {
        var session = TutorFixtures.session(store: nil)
        _ = session.start("lost-ack")
        _ = session.answer("TIME_WAIT")
        _ = session.start("harm")
        _ = session.reset("lost-ack")
        #expect(session.progress.lessons["lost-ack"] == nil)
        #expect(session.progress.lessons["harm"] != nil)
        #expect(session.lessonID == "harm")
        #expect(session.reset("nope").hasError)
    }

    @Test func parameterisedQuestionsUseThePracticeVariant() throws {
        var session = TutorFixtures.session(store: nil)
        let lines = session.start("harm")
        // The fixture's range has one value, so the variant is 28232 whatever the generator does.
        #expect(lines.text.contains("With 28232 ports"))
        // 28232 / 60 = 470.5; the tolerance is 1.
        #expect(session.answer("470").hasSuccess)
    }

    @Test func theExpectedAnswerIsComputedOncePerQuestion() throws {
        let counter = TutorFixtures.Counter()
        var session = TutorFixtures.session(store: nil, services: TutorFixtures.services(counter: counter))
        _ = session.start("lost-ack")
        _ = session.answer("CLOSED")
        _ = session.answer("CLOSED")
        _ = session.answer("TIME_WAIT")
        #expect(counter.count == 1)
    }

    @Test func theLiveLabIsSetBesideThePredictionAndTheSimulation() throws {
        let services = TutorFixtures.services(experiment: { name in
            ExperimentReport(name: name, isolation: .networkNamespace,
                             findings: ["time_wait_side": .text("client"), "timer_ms": .number(59_000)], steps: [])
        })
        var session = TutorFixtures.session(store: nil, services: services)
        _ = session.start("lost-ack")
        _ = session.answer("TIME_WAIT")
        _ = session.next()
        let answered = session.answer("server")
        _ = session.answer("server")
        #expect(answered.text.contains("Whoever closes first."))
        #expect(session.pendingLab?.experiment == "active-close")
        var logged: [LabLine] = []
        let lines = session.runLab(log: { logged.append($0) }, shouldStop: { false })
        #expect(logged == [.step("running active-close")])
        #expect(lines.text.contains("your prediction : server"))
        #expect(lines.text.contains("simulation      : client"))
        #expect(lines.text.contains("live kernel     : client"))
        #expect(lines.text.contains("Model and kernel agree"))
        // A timer finding brings the RFC-versus-Linux note (RFC 9293: 2×MSL = 240 s; Linux: 60 s).
        #expect(lines.text.contains("4 minutes"))
        #expect(lines.text.contains("60 s"))
        #expect(session.pendingLab == nil)
    }

    @Test func aLabThatCannotRunSaysSoAndCarriesOn() throws {
        var session = TutorFixtures.session(store: nil)
        _ = session.start("lost-ack")
        _ = session.answer("TIME_WAIT")
        _ = session.next()
        _ = session.answer("client")
        let lines = session.runLab(log: { _ in }, shouldStop: { false })
        #expect(lines.text.contains("did not run"))
        #expect(lines.text.contains("no lab in tests"))
    }

    @Test func aBrokenSimulationNeverCrashesTheLesson() throws {
        let broken = TutorFixtures.question("sim", prompt: "Final state?", kind: .state,
                                            source: .simulation(.inline("garbage"), observable: .final(.client), profile: nil))
        let lesson = Lesson(id: "broken", title: "Broken", summary: "", minutes: 1, requires: [], language: "en",
                            file: "/tmp/en/09-broken.md", steps: [TutorFixtures.step("One", [
                                .sim(SimBlock(scenario: .builtIn("missing"), profile: nil, explore: nil, caption: "A diagram.", location: TutorFixtures.location)),
                                .question(broken)])])
        var session = TutorSession(catalog: LessonCatalog(lessons: [lesson], diagnostics: []), library: TutorFixtures.library,
                                   store: nil, services: TutorFixtures.services())
        let shown = session.start("broken")
        #expect(shown.text.contains("cannot run"))
        #expect(session.answer("TIME_WAIT").hasError)
        #expect(session.skip().text.contains("Skipped"))
    }

    @Test func unknownLessonsNameTheLessonsThereAre() throws {
        var session = TutorFixtures.session(store: nil)
        let lines = session.start("nope")
        #expect(lines.hasError)
        #expect(lines.text.contains("lost-ack, harm"))
    }

    @Test func practiceScriptsComeFromTheOracle() throws {
        var session = TutorFixtures.session(store: nil)
        let right = try session.practiceScript(for: "lost-ack", wrong: false)
        #expect(right == ["start lost-ack", "answer TIME_WAIT", "next", "answer client", "next", "next"])
        let wrong = try session.practiceScript(for: "lost-ack", wrong: true)
        #expect(wrong.filter { $0.hasPrefix("answer") }.count == 3 + 2)
        #expect(!wrong.contains("answer TIME_WAIT") && !wrong.contains("answer client"))
    }

    @Test func startingAFinishedLessonKeepsItsRecord() throws {
        var session = TutorFixtures.session(store: nil)
        _ = session.start("harm")
        _ = session.answer("470")
        _ = session.next()
        #expect(session.progress[lesson: "harm"].status == .finished)
        let before = session.progress
        let lines = session.start("harm")
        #expect(lines.text.contains("review harm"))
        #expect(lines.text.contains("reset harm"))
        #expect(session.progress == before)
    }

    @Test func anInterruptedExperimentCanBeRunAgain() throws {
        let services = TutorFixtures.services(experiment: { _ in throw ExperimentError("stopped", interrupted: true) })
        var session = TutorFixtures.session(store: nil, services: services)
        _ = session.start("lost-ack")
        _ = session.answer("TIME_WAIT")
        _ = session.next()
        _ = session.answer("client")
        let lines = session.runLab(log: { _ in }, shouldStop: { true })
        #expect(lines.text.contains("Stopped"))
        #expect(session.pendingLab != nil)
    }

    @Test func flagAnswersCompleteAfterABar() throws {
        let flags = TutorFixtures.question("flags", lesson: "f", prompt: "Which flags?", kind: .flags, source: .key(["FIN|ACK"]))
        let lesson = Lesson(id: "f", title: "F", summary: "", minutes: 1, requires: [], language: "en", file: "/tmp/en/01-f.md",
                            steps: [TutorFixtures.step("One", [.question(flags)])])
        var session = TutorSession(catalog: LessonCatalog(lessons: [lesson], diagnostics: []), library: TutorFixtures.library,
                                   store: nil, services: TutorFixtures.services())
        _ = session.start("f")
        #expect(session.answerCompletions(for: "").contains("FIN"))
        let afterBar = session.answerCompletions(for: "FIN|")
        #expect(afterBar.contains("FIN|ACK"))
        #expect(!afterBar.contains("FIN|FIN"))
        // Lower case in, lower case out, so the shell's prefix filter keeps them.
        #expect(session.answerCompletions(for: "fin|a").contains("fin|ack"))
        #expect(afterBar.count == TCPFlags.named.count - 1)
    }
}

@Suite struct TutorTwoLabsTests {
    @Test func aStepWithTwoLabsOffersBothInTurn() throws {
        let step = TutorFixtures.step("Two labs", [
            .lab(LabBlock(experiment: "active-close", options: [:], caption: nil, fallback: nil, location: TutorFixtures.location)),
            .lab(LabBlock(experiment: "passive-close", options: [:], caption: nil, fallback: nil, location: TutorFixtures.location)),
        ])
        let lesson = Lesson(id: "labs", title: "Labs", summary: "", minutes: 5, requires: [], language: "en",
                            file: "labs.md", steps: [step])
        var services = TutorFixtures.services()
        services.runExperiment = { name, _, _, _ in
            ExperimentReport(name: name, isolation: .networkNamespace, findings: ["time_wait_side": .text("client")], steps: [])
        }
        var session = TutorSession(catalog: LessonCatalog(lessons: [lesson], diagnostics: []),
                                   library: TutorFixtures.library, store: nil, services: services)
        _ = session.start("labs")
        #expect(session.pendingLabs.map(\.experiment) == ["active-close", "passive-close"])
        let ran = Mutex<[String]>([])
        services.runExperiment = { name, _, _, _ in
            ran.withLock { $0.append(name) }
            return ExperimentReport(name: name, isolation: .networkNamespace, findings: ["time_wait_side": .text("client")], steps: [])
        }
        session = TutorSession(catalog: LessonCatalog(lessons: [lesson], diagnostics: []),
                               library: TutorFixtures.library, store: nil, services: services)
        _ = session.start("labs")
        let first = session.runLab(log: { _ in }, shouldStop: { false })
        #expect(first.text.contains("Next live experiment `passive-close`"))
        let second = session.runLab(log: { _ in }, shouldStop: { false })
        #expect(ran.withLock { $0 } == ["active-close", "passive-close"])
        #expect(second.text.contains("Type `next` to go on."))
        #expect(session.pendingLab == nil)
        #expect(session.runLab(log: { _ in }, shouldStop: { false }).text.contains("No live experiment is offered here"))
    }
}
