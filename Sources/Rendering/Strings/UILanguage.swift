import Foundation

/// A language twlab speaks: the interface strings and the lessons folder (`Lessons/<rawValue>/`).
public enum UILanguage: String, Sendable, CaseIterable {
    /// English, the source language; every string and lesson exists in it.
    case english = "en"
    /// Simplified Chinese.
    case simplifiedChinese = "zh-Hans"

    /// The name of the language in itself, for the welcome line.
    public var nativeName: String {
        switch self {
        case .english: "English"
        case .simplifiedChinese: "简体中文"
        }
    }

    /// Reads a language from a flag value or a locale name: `en`, `en_US.UTF-8`, `zh-Hans`, `zh`,
    /// `zh_CN.UTF-8`, `zh-CN`, `cn`, `中文`. Returns nil for a language twlab does not speak and for
    /// the neutral `C`/`POSIX` locales.
    public static func parse(_ text: String) -> UILanguage? {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        if value == "中文" || value == "简体中文" || value == "cn" || value == "chinese" { return .simplifiedChinese }
        let code = String(value.prefix { $0.isLetter })
        switch code {
        case "zh": return .simplifiedChinese
        case "en", "english": return .english
        default: return nil
        }
    }

    /// The language to use: the `--lang` value when given, else `$TWLAB_LANG`, else the first of
    /// `LC_ALL`, `LC_MESSAGES`, `LANG` that names a language (`C` and `POSIX` are skipped); English when
    /// none does or the named one is not available.
    public static func resolve(flag: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) -> UILanguage {
        if let flag, let language = parse(flag) { return language }
        if let value = environment["TWLAB_LANG"], !value.isEmpty, let language = parse(value) { return language }
        for name in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[name], !value.isEmpty else { continue }
            let lowered = value.lowercased()
            if lowered == "c" || lowered == "posix" || lowered.hasPrefix("c.") { continue }
            return parse(value) ?? .english
        }
        return .english
    }

    /// The language of this process's interface, set once at start-up by the shell, the presenter or
    /// a command (`--lang`, `TWLAB_LANG`, the locale). Defaults to the environment's choice.
    public static var current: UILanguage {
        get { CurrentLanguage.shared.value }
        set { CurrentLanguage.shared.value = newValue }
    }
}

/// The process-wide interface language behind a lock, so that any thread may read it.
private final class CurrentLanguage: @unchecked Sendable {
    static let shared = CurrentLanguage()
    private let lock = NSLock()
    private var stored: UILanguage = UILanguage.resolve()

    var value: UILanguage {
        get { lock.withLock { stored } }
        set { lock.withLock { stored = newValue } }
    }
}
