import Rendering
import Foundation
import Lessons
import SocketLab
import TCPModel

/// The live experiments a step offers: running one beside the learner's predictions, or passing.
extension TutorSession {
    /// Runs the live experiment offered in the current step and sets its findings beside the
    /// prediction and the simulation. `log` receives narrated lines as they happen.
    public mutating func runLab(log: (LabLine) -> Void, shouldStop: () -> Bool) -> [TutorLine] {
        guard let block = pendingLab, let lesson else {
            return [.note(UIText.text("tutor.no-lab"))]
        }
        func asks(_ question: Question) -> Bool {
            if case .experiment(let name, _, _) = question.source { return name == block.experiment }
            return false
        }
        // The question of this step that the experiment answers, else one elsewhere in the lesson.
        let stepQuestions = lesson.steps.indices.contains(stepIndex) ? lesson.steps[stepIndex].questions : []
        let related = stepQuestions.first(where: asks) ?? lesson.questions.first(where: asks)
        do {
            let report = try services.runExperiment(block.experiment, block.options, log, shouldStop)
            pendingLabs.removeFirst()
            var finding: String?
            if case .experiment(_, let key, _)? = related?.source { finding = key }
            let simulated = related.flatMap { try? expectedAnswer($0) }
            let prediction = related.flatMap { shownPrediction(progress[lesson: lesson.id].questions[$0.id]?.lastAnswer, $0, simulated: simulated) }
            var tolerance = 0.0
            if case .number(let allowed)? = related?.answerKind { tolerance = allowed }
            var others: [LiveComparison.Row] = []
            for question in lesson.questions where asks(question) { others.append(liveRow(question)) }
            return LiveComparison(finding: finding, prediction: prediction, simulated: simulated, report: report,
                                  tolerance: tolerance, others: others).lines + afterLab()
        } catch let error as ExperimentError where error.interrupted {
            return [.note(UIText.text("tutor.lab-stopped"))]
        } catch {
            // It cannot run here; offering it again would not help. The simulation stands in.
            if !pendingLabs.isEmpty { pendingLabs.removeFirst() }
            var out: [TutorLine] = [.failure(UIText.text("tutor.lab-failed", "\(error)"))]
            if let fallback = block.fallback {
                out.append(.note(UIText.text("tutor.lab-fallback")))
                out += evidenceBuilder.lines(for: fallback, profile: nil, explore: nil, caption: nil)
            }
            return out + afterLab()
        }
    }

    /// What to do after the experiment: the next offered experiment, the open question again, or `next`.
    func afterLab() -> [TutorLine] {
        if let lab = pendingLab {
            return [.note(UIText.text("tutor.lab-next", lab.experiment, UIText.text(ExperimentCatalog.summaryText(of: lab.experiment))))]
        }
        if let question = pendingQuestion {
            return [.question(fill(question).prompt), .note(UIText.text("tutor.answer-shape", AnswerVocabulary.shape(of: question.answerKind)))]
        }
        return [.note(UIText.text("tutor.next"))]
    }

    /// Declines the offered experiment.
    public mutating func declineLab() -> [TutorLine] {
        if !pendingLabs.isEmpty { pendingLabs.removeFirst() }
        return [.note(UIText.text("tutor.lab-skipped"))] + afterLab()
    }
}
