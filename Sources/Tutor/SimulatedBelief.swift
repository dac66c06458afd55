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
                return "The \(role.rawValue) was in \(said.name) from \(start), but at \(SequenceDiagram.time(next.time)) "
                    + "it moved on to another state. Look at what arrived or fired then."
            }
        }
        if result.final[other] == said {
            return "That is the \(other.rawValue)'s state at this moment; the question asks about the \(role.rawValue)."
        }
        if said != .closed, !moves.contains(where: { $0.to == said }) {
            return "The \(role.rawValue) never enters \(said.name) in this run. What would have to happen first for it to get there?"
        }
        return nil
    }
}
