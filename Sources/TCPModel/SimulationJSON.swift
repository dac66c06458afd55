/// The JSON forms of simulation results and explorations, in the shapes the command line documents.
public enum SimulationJSON {
    /// `{"profile", "passed", "outcome", "final", "visited", "events"}` for one run.
    public static func encode(_ result: SimulationResult) -> String {
        let roles = EndpointRole.allCases
        return JSONText.object([
            ("profile", JSONText.quoted(result.profile.rawValue)),
            ("passed", result.passed ? "true" : "false"),
            ("outcome", JSONText.strings(result.sortedOutcomes.map(\.rawValue))),
            ("final", JSONText.object(roles.map { ($0.rawValue, JSONText.quoted(result.final[$0]?.name ?? "CLOSED")) })),
            ("visited", JSONText.object(roles.map { ($0.rawValue, JSONText.strings((result.visited[$0] ?? []).map(\.name))) })),
            ("events", JSONText.array(result.events.compactMap(encode))),
        ])
    }

    /// One event, or nil for the diagram-only kinds (`step`, `note`).
    public static func encode(_ event: SimulationEvent) -> String? {
        var pairs: [(String, String)] = [("t_ms", String(event.timeMs))]
        func segment(_ type: String, _ s: Segment) {
            pairs.append(("type", JSONText.quoted(type)))
            pairs += [("from", JSONText.quoted(s.from.rawValue)), ("to", JSONText.quoted(s.to.rawValue)),
                      ("flags", JSONText.quoted(s.flags.description)), ("seq", String(s.seq)),
                      ("ack", String(s.ack)), ("len", String(s.length))]
            if let tsval = s.tsval { pairs.append(("tsval", String(tsval))) }
            if let tsecr = s.tsecr { pairs.append(("tsecr", String(tsecr))) }
            pairs.append(("connection", String(s.connection)))
        }
        switch event.kind {
        case .send(let s, let again):
            segment("send", s)
            if again { pairs.append(("retransmission", "true")) }
        case .receive(let s, let copy):
            segment("receive", s)
            if copy { pairs.append(("copy", "true")) }
        case .drop(let s, let reason):
            segment("drop", s)
            pairs.append(("reason", JSONText.quoted(reason.rawValue)))
        case .state(let role, let from, let to):
            pairs += [("type", "\"state\""), ("endpoint", JSONText.quoted(role.rawValue)),
                      ("from", JSONText.quoted(from.name)), ("to", JSONText.quoted(to.name))]
        case .timer(let role, let kind, let action, let ms):
            pairs += [("type", "\"timer\""), ("endpoint", JSONText.quoted(role.rawValue)),
                      ("timer", JSONText.quoted(kind.rawValue)), ("action", JSONText.quoted(action.rawValue)),
                      ("ms", String(ms))]
        case .error(let role, let errno):
            pairs += [("type", "\"error\""), ("endpoint", JSONText.quoted(role.rawValue)), ("errno", JSONText.quoted(errno))]
        case .expect(let line, let text, let passed, let actual):
            pairs += [("type", "\"expect\""), ("line", String(line)), ("text", JSONText.quoted(text)),
                      ("passed", passed ? "true" : "false"), ("actual", JSONText.quoted(actual))]
        case .step, .note:
            return nil
        }
        return JSONText.object(pairs)
    }

    /// `{"runs", "classes": [{"outcome", "count", "example": {"dropped", "final"}}]}`, with
    /// `"complete": false` after an early stop and `"run_limit": N` when the run budget stopped it.
    public static func encode(_ exploration: Exploration) -> String {
        var pairs: [(String, String)] = [("runs", String(exploration.runs))]
        if exploration.incomplete { pairs.append(("complete", "false")) }
        if let limit = exploration.runLimit { pairs.append(("run_limit", String(limit))) }
        pairs.append(
            ("classes", JSONText.array(exploration.classes.map { item in
                JSONText.object([
                    ("outcome", JSONText.strings(item.outcomes.sorted().map(\.rawValue))),
                    ("count", String(item.count)),
                    ("example", JSONText.object([
                        ("dropped", JSONText.strings(item.exampleDropped)),
                        ("final", JSONText.object(EndpointRole.allCases.map {
                            ($0.rawValue, JSONText.quoted(item.exampleFinal[$0]?.name ?? "CLOSED"))
                        })),
                    ])),
                ])
            })))
        return JSONText.object(pairs)
    }
}
