import TCPModel

/// A simulation run cut into frames, one more segment per frame: the sequence diagram so far and
/// the state each endpoint is in at that moment. The presenter plays these at the speaker's pace.
public struct SequenceAnimation: Sendable {
    /// The run being played.
    public let result: SimulationResult
    /// Columns for the diagram.
    public let width: Int
    /// For each frame, how many of the run's events it shows.
    public let boundaries: [Int]

    /// Cuts `result` into frames after every segment sent, received or lost, and one last frame
    /// with everything.
    public init(result: SimulationResult, width: Int) {
        self.result = result
        self.width = width
        var cuts: [Int] = []
        for (index, event) in result.events.enumerated() {
            switch event.kind {
            case .send, .receive, .drop: cuts.append(index + 1)
            default: continue
            }
        }
        if cuts.last != result.events.count { cuts.append(result.events.count) }
        boundaries = cuts.isEmpty ? [0] : cuts
    }

    /// How many frames there are (at least one).
    public var frameCount: Int { boundaries.count }

    /// How many segments the run sends (retransmissions and lost segments included): what a viewer
    /// counts, where a frame is also cut when a segment arrives.
    public var segmentCount: Int { segmentsSent(in: result.events[...]) }

    /// How many segments have been sent by frame `index`.
    public func segmentsSent(through index: Int) -> Int {
        let k = min(max(0, index), frameCount - 1)
        return segmentsSent(in: result.events.prefix(boundaries[k]))
    }

    private func segmentsSent(in events: ArraySlice<SimulationEvent>) -> Int {
        events.reduce(0) { count, event in
            if case .send = event.kind { return count + 1 }
            return count
        }
    }

    /// One frame: the diagram lines up to it (without the closing summary, except in the last
    /// frame) and both endpoints' states at that moment.
    public func frame(_ index: Int) -> (lines: [String], client: TCPState, server: TCPState) {
        let k = min(max(0, index), frameCount - 1)
        var partial = result
        partial.events = Array(result.events.prefix(boundaries[k]))
        var lines = SequenceDiagram(width: width).render(partial).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        while lines.last == "" { lines.removeLast() }
        // The summary (which may wrap onto several lines) belongs to the whole run only.
        if k < frameCount - 1, let summary = lines.lastIndex(where: SequenceDiagram.isSummaryLine) {
            lines.removeSubrange(summary...)
        }
        var client = TCPState.closed, server = TCPState.listen
        for event in partial.events {
            if case .state(let role, _, let to) = event.kind {
                if role == .client { client = to } else { server = to }
            }
        }
        return (lines, client, server)
    }
}
