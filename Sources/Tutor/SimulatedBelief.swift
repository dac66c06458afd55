import Lessons
import Rendering
import TCPModel

/// Replies to a wrong state by running the learner's belief against the simulation that decided the
/// answer: where that state does occur in the run (the other side holds it, or this side held it
/// earlier and was moved on by a segment or timer), or that the run never reaches it. It works for
/// every parameter variant, since it reads the variant's own run.
struct SimulatedBelief {
    var evidence: AnswerEvidence

    /// The reply for `given`, or nil when the answer is not a single state or the run says nothing.
    func reply(to given: String) -> String? {
        guard case .run(_, let result, let observable) = evidence, case .final(let role) = observable,
              let said = TCPState(parsing: given) else { return nil }
        let other: EndpointRole = role == .client ? .server : .client
        var moves: [(time: Int64, from: TCPState, to: TCPState)] = []
        for event in result.events {
            if case .state(let who, let from, let to) = event.kind, who == role { moves.append((event.timeMs, from, to)) }
        }
        if let entered = moves.firstIndex(where: { $0.to == said }) {
            let start = SequenceDiagram.time(moves[entered].time)
            if entered + 1 < moves.count {
                let next = moves[entered + 1]
                return UIText.text("belief.moved-on", SimulationEvidence.name(role), said.name, start, SequenceDiagram.time(next.time))
            }
        }
        if result.final[other] == said {
            return UIText.text("belief.other-side", SimulationEvidence.name(other), SimulationEvidence.name(role))
        }
        if said != .closed, !moves.contains(where: { $0.to == said }) {
            return UIText.text("belief.never", SimulationEvidence.name(role), said.name)
        }
        return nil
    }
}
