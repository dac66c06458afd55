/// The colours of the presenter, chosen for a projector: high contrast, no dim text, no yellow on
/// white. Each role is an ANSI SGR parameter list drawn over the theme's base colours.
public struct PresenterTheme: Sendable, Equatable {
    /// The theme's name: light, dark or mono.
    public var name: String
    /// Text and background of the whole screen ("" for the terminal's own).
    var base: String
    var heading: String
    var emphasis: String
    var answer: String
    var hint: String
    var problem: String
    var quiet: String

    /// Black on white; a blue heading bar; dark green answers, dark blue hints. The default.
    public static let light = PresenterTheme(name: "light", base: "30;107", heading: "1;97;44", emphasis: "1;30",
                                             answer: "1;32", hint: "1;34", problem: "1;31", quiet: "30")
    /// White on black; a cyan heading bar.
    public static let dark = PresenterTheme(name: "dark", base: "97;40", heading: "1;30;46", emphasis: "1;97",
                                            answer: "1;92", hint: "1;96", problem: "1;91", quiet: "97")
    /// No colour at all: bold and reverse video only.
    public static let mono = PresenterTheme(name: "mono", base: "", heading: "1;7", emphasis: "1",
                                            answer: "1", hint: "1", problem: "1;7", quiet: "")

    /// The theme with this name, or nil.
    public static func named(_ name: String) -> PresenterTheme? {
        [light, dark, mono].first { $0.name == name.lowercased() }
    }

    /// What a piece of text is, for colouring.
    enum Role { case heading, emphasis, answer, hint, problem, quiet }

    /// The sequence that sets the base colours.
    var baseSequence: String { "\u{1B}[0" + (base.isEmpty ? "" : ";" + base) + "m" }

    /// `text` in the role's colours, returning to the base colours after it.
    func paint(_ text: String, _ role: Role) -> String {
        let code: String
        switch role {
        case .heading: code = heading
        case .emphasis: code = emphasis
        case .answer: code = answer
        case .hint: code = hint
        case .problem: code = problem
        case .quiet: code = quiet
        }
        guard !code.isEmpty else { return text }
        return "\u{1B}[0" + (base.isEmpty ? "" : ";" + base) + ";" + code + "m" + text + baseSequence
    }
}
