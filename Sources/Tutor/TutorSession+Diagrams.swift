import Lessons
import Rendering

extension TutorSession {
    /// True when the current step draws the question's scenario itself in a `sim` block, so the
    /// evidence after the answer (or `solution`) need not draw the same diagram again.
    func stepDrawsScenario(of question: Question) -> Bool {
        guard let lesson, lesson.steps.indices.contains(stepIndex) else { return false }
        let reference: ScenarioReference
        switch question.source {
        case .simulation(let scenario, _, _): reference = scenario
        case .experiment(_, _, .simulation(let scenario, _, _)?): reference = scenario
        default: return false
        }
        return lesson.steps[stepIndex].blocks.contains { block in
            if case .sim(let sim) = block { return sim.explore == nil && sim.scenario == reference }
            return false
        }
    }
}

extension TutorSession {
    /// Draws the whole simulated run that decided the last answer (the evidence after an answer shows
    /// only the deciding moment when the step's script is too long to type as a `sim -e` command).
    public mutating func replay() -> [TutorLine] {
        guard let question = lastAnswered else {
            return [.note("Nothing to replay yet: `replay` draws the run behind the last question you answered.")]
        }
        guard let decided = try? decidedAnswer(question) else {
            return [.note("The run behind that answer cannot be drawn here.")]
        }
        let lines = evidenceBuilder.lines(for: question.source, decided: decided, fullDiagram: true)
        return lines.isEmpty ? [.note("That answer came from a key, not from a simulated run.")] : lines
    }
}
