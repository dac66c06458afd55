import Foundation
import TCPModel

/// Where the right answer comes from. Predictions are never graded against a copied key.
public indirect enum AnswerSource: Sendable, Equatable {
    /// Run (or explore) the scenario and read the observable.
    case simulation(ScenarioReference, observable: Observable, profile: ProfileName?)
    /// A finding of a live experiment; `fallback` computes it by simulation when the lab cannot run.
    case experiment(name: String, finding: String, fallback: AnswerSource?)
    /// A fixed key (quiz questions): the first item is canonical, the rest are also accepted.
    case key([String])
    /// An arithmetic expression over the question's parameters, for example `ports / 60`.
    case expression(String)
}
