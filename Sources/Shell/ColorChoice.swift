/// When the shell colours its output: the `--color` option.
public enum ColorChoice: String, CaseIterable, Sendable {
    /// Colour on a terminal, unless `NO_COLOR` is set or `TERM` is `dumb`.
    case auto
    /// Always colour, even into a pipe and even when `NO_COLOR` is set (an explicit request wins).
    case always
    /// Never colour.
    case never

    /// Whether to colour, given whether output goes to a terminal and the environment.
    public func usesColor(outputIsTerminal: Bool, environment: [String: String]) -> Bool {
        switch self {
        case .always: return true
        case .never: return false
        case .auto:
            if let noColor = environment["NO_COLOR"], !noColor.isEmpty { return false }
            if environment["TERM"] == "dumb" { return false }
            return outputIsTerminal
        }
    }
}
