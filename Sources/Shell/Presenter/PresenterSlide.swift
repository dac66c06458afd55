import Lessons
import TCPModel

/// What the presenter needs of one lesson step: its text, its questions, the simulation to play,
/// the live experiment to run and the speaker's notes.
struct PresenterSlide: Sendable {
    var title: String
    /// Prose blocks (Markdown) and captions, in order.
    var prose: [String]
    var questions: [Question]
    /// The scenario `s` and `r` play: the step's first `sim` block, else its first question's.
    var simulation: (reference: ScenarioReference, profile: ProfileName?)?
    /// The step's live experiments, in order: its `lab` blocks, then any other experiment one of its
    /// questions is measured by (`experiment:` in a question), each experiment once. `l` and the
    /// reveal run them one after the other and set each result beside the simulation.
    var labs: [LabBlock]
    /// The step's first live experiment, if any.
    var lab: LabBlock? { labs.first }
    var notes: String

    /// The slides of a lesson, one per step.
    static func slides(of lesson: Lesson) -> [PresenterSlide] {
        lesson.steps.map { step in
            var slide = PresenterSlide(title: step.title, prose: [], questions: [], simulation: nil, labs: [], notes: step.notes)
            var questionSimulation: (ScenarioReference, ProfileName?)?
            var questionLabs: [LabBlock] = []
            for block in step.blocks {
                switch block {
                case .text(let text): slide.prose.append(text)
                case .sim(let sim):
                    if let caption = sim.caption { slide.prose.append("*\(caption)*") }
                    if slide.simulation == nil { slide.simulation = (sim.scenario, sim.profile) }
                case .lab(let lab):
                    if !slide.labs.contains(where: { $0.experiment == lab.experiment }) { slide.labs.append(lab) }
                case .question(let unfilled):
                    // The class sees the practice variant, the one the tutor shows (never a graded one).
                    let question = unfilled.params.isEmpty ? unfilled : unfilled.filled(
                        with: VariantGenerator(secret: nil).variant(for: unfilled, student: VariantGenerator.practiceStudent).values)
                    slide.questions.append(question)
                    if questionSimulation == nil { questionSimulation = simulation(of: question.source) }
                    if case .experiment(let name, _, _) = question.source, !questionLabs.contains(where: { $0.experiment == name }) {
                        questionLabs.append(LabBlock(experiment: name, location: question.location))
                    }
                }
            }
            for lab in questionLabs where !slide.labs.contains(where: { $0.experiment == lab.experiment }) {
                slide.labs.append(lab)
            }
            if slide.simulation == nil, let questionSimulation { slide.simulation = questionSimulation }
            if slide.simulation == nil, let fallback = slide.lab?.fallback { slide.simulation = (fallback, nil) }
            return slide
        }
    }

    private static func simulation(of source: AnswerSource) -> (ScenarioReference, ProfileName?)? {
        switch source {
        case .simulation(let reference, _, let profile): return (reference, profile)
        case .experiment(_, _, let fallback): return fallback.flatMap(simulation(of:))
        case .key, .expression: return nil
        }
    }
}
