import Rendering

/// What `twlab lint` says about the interface strings: ids a language does not translate yet
/// (warnings: English shows instead) and translations whose `{N}` arguments differ from English
/// (errors: a value would go missing).
enum InterfaceTranslationLint {
    /// One line per problem, `warning: …` or `error: …`, for every language but English.
    static func lines() -> (warnings: [String], errors: [String]) {
        var warnings: [String] = [], errors: [String] = []
        for language in UILanguage.allCases where language != .english {
            for key in UIText.untranslatedKeys(for: language) {
                warnings.append("warning: interface string '\(key)' is not translated into \(language.rawValue) yet; English is shown")
            }
            for key in LocalizedHelp.untranslatedKeys(root: LocalizedHelp.lintRoot, language: language) {
                warnings.append("warning: help text '\(key)' is not translated into \(language.rawValue) yet; English is shown")
            }
            for key in UIText.mismatchedArguments(for: language) {
                errors.append("error: interface string '\(key)' in \(language.rawValue) does not use the same {N} arguments as English")
            }
        }
        return (warnings, errors)
    }
}
