/// Where the presenter is and what is on the screen: a value, changed only by keys and the clock,
/// so every screen can be tested without a terminal.
struct PresenterState: Sendable, Equatable {
    /// What the body of the screen shows.
    enum View: String, Sendable, Codable { case step, simulation, reveal, lab, help }
    /// A line being typed at the bottom of the screen: a step number, or a show of hands for question
    /// `question` (0-based) of `questions`.
    enum Input: Sendable, Equatable { case goTo(String), vote(String, question: Int = 0, of: Int = 1) }
    /// What the loop must do after a key.
    enum Effect: Equatable {
        case none, runLab, quit
        /// The reveal started: the loop runs the step's lab beside it (unless it has a result).
        case reveal
        /// The presenter left the step (or its lab's view): a lab still running there stops.
        case leftStep
    }

    var step = 0
    var stepCount: Int
    var view: View = .step
    var input: Input?
    var hintsShown = 0
    /// Show-of-hands counts per step and question (0-based), in the order entered.
    var votes: [Int: [Int: [Vote]]] = [:]
    var frame = 0
    var playing = false
    /// Index into `paces`.
    var speed = 2
    var watch = false
    /// Whether the simulation is shown as the state machine (the two current states highlighted)
    /// instead of the sequence diagram.
    var stateMachine = false
    /// The page of a reveal or lab view that does not fit one screen (the live kernel's result comes
    /// below the simulation at 80×24); `[` and `]` turn it.
    var page = 0
    /// A one-line message at the bottom (for example why a key did nothing).
    var message: String?

    struct Vote: Sendable, Equatable { var answer: String; var count: Int }

    /// Milliseconds between animation frames, slowest first.
    static let paces = [3000, 2000, 1200, 700, 400, 200]
    var frameMilliseconds: Int { Self.paces[speed] }

    init(stepCount: Int) { self.stepCount = max(1, stepCount) }

    /// Applies one key. `frames` is the number of animation frames of the current step's simulation
    /// (0 when it has none); `hasLab`, `hintCount` and `questionCount` describe the current step.
    mutating func handle(_ key: PresenterKey, frames: Int, hasLab: Bool, hintCount: Int, questionCount: Int = 1) -> Effect {
        message = nil
        if let input { return handleInput(key, input) }
        switch key.command {
        case .next:
            if view == .help { view = .step; return .none }
            if step + 1 < stepCount { go(to: step + 1); return .leftStep } else { message = "This is the last step: q leaves." }
        case .back:
            if view == .help { view = .step; return .none }
            if view != .step { view = .step; playing = false; page = 0; return .leftStep }
            if step > 0 { go(to: step - 1); return .leftStep }
        case .reveal:
            guard frames > 0 || view != .reveal else { return .none }
            view = .reveal; frame = 0; playing = frames > 1; page = 0
            return .reveal
        case .simulate:
            guard frames > 0 else { message = "This step has no simulation."; return .none }
            view = .simulation; frame = 0; playing = frames > 1; page = 0
        case .hint:
            if hintsShown < hintCount { hintsShown += 1 } else { message = hintCount == 0 ? "This step has no hints." : "No more hints." }
        case .lab:
            guard hasLab else { message = "This step has no live experiment."; return .none }
            view = .lab; page = 0
            return .runLab
        case .watch: watch.toggle()
        case .diagram: stateMachine.toggle()
        case .goTo: input = .goTo("")
        case .vote: input = .vote("", question: 0, of: max(1, questionCount))
        case .help: view = view == .help ? .step : .help
        case .quit: return .quit
        case .pageDown: page += 1
        case .pageUp: page = max(0, page - 1)
        case .faster: speed = min(Self.paces.count - 1, speed + 1)
        case .slower: speed = max(0, speed - 1)
        case .pause:
            if frame + 1 >= frames { frame = 0 }
            playing.toggle()
        case .escape: if view == .help { view = .step }
        default: break
        }
        return .none
    }

    /// Moves the animation on by one frame; returns true when something changed.
    mutating func tick(frames: Int) -> Bool {
        guard playing, view == .reveal || view == .simulation else { return false }
        if frame + 1 < frames { frame += 1 } else { playing = false }
        return true
    }

    private mutating func go(to index: Int) {
        step = min(max(0, index), stepCount - 1)
        view = .step; hintsShown = 0; frame = 0; playing = false; page = 0
    }

    private mutating func handleInput(_ key: PresenterKey, _ current: Input) -> Effect {
        var text: String
        switch current { case .goTo(let t), .vote(let t, _, _): text = t }
        switch key {
        case .escape:
            input = nil
            return .none
        case .backspace:
            if !text.isEmpty { text.removeLast() }
        case .character(let character):
            if text.count < 40 { text.append(character) }
        case .enter:
            if case .goTo = current {
                input = nil
                if let number = Int(text), (1...stepCount).contains(number) { go(to: number - 1); return .leftStep }
                else if !text.isEmpty { message = "There is no step \(text); steps are 1 to \(stepCount)." }
                return .none
            }
            guard case .vote(_, let question, let questions) = current else { return .none }
            let words = text.split(separator: " ")
            guard !words.isEmpty else {
                // An empty line: the next question's show of hands, or the end after the last.
                input = question + 1 < questions ? .vote("", question: question + 1, of: questions) : nil
                return .none
            }
            guard words.count >= 2, let count = Int(words.last!), count >= 0 else {
                message = "Type an answer and a count, for example: CLOSE_WAIT 12"
                input = .vote("", question: question, of: questions)
                return .none
            }
            let answer = words.dropLast().joined(separator: " ")
            var list = votes[step]?[question] ?? []
            if let existing = list.firstIndex(where: { $0.answer.lowercased() == answer.lowercased() }) {
                list[existing].count = count
            } else {
                list.append(Vote(answer: answer, count: count))
            }
            votes[step, default: [:]][question] = list
            text = ""
        default:
            break
        }
        switch current {
        case .goTo: input = .goTo(text)
        case .vote(_, let question, let questions): input = .vote(text, question: question, of: questions)
        }
        return .none
    }
}
