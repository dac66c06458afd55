import Foundation
import TCPModel

/// Checks lessons the way `twlab lint` does: the format, ids, every directive's fields, that every
/// scenario parses and its `expect` lines hold, that every prediction's computed answer is a valid
/// answer (and among its choices), that no hint or question text names that answer, that named
/// experiments and findings exist, and that translations carry the same lessons and questions as English.
public struct Linter: Sendable {
    /// The live experiments by name, each with the findings it reports. The `Lessons` module does not
    /// know the live lab, so the caller passes them in.
    public var experiments: [String: [String]]

    /// A step's prose longer than this many lines at 80 columns gets a warning (it will not fit a screen).
    public var maximumProseLines = 16

    /// The shell's commands, to check those a lesson tells the learner to type; nil skips that check.
    public var commands: CommandVocabulary?

    /// Creates a linter that knows these experiments (and, when given, these commands).
    public init(experiments: [String: [String]], commands: CommandVocabulary? = nil) {
        self.experiments = experiments; self.commands = commands
    }

    /// Lints files and folders: a lessons root (holding `en/` and `scenarios/`), a language folder,
    /// single lesson files (`.md`) or scenario files (`.twsim`).
    public func lint(_ paths: [URL]) -> LintReport {
        var report = LintReport()
        for path in paths { lint(path, into: &report) }
        report.diagnostics = report.sorted
        return report
    }

    private func lint(_ url: URL, into report: inout LintReport) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: url.path, isDirectory: &isDir) else {
            report.diagnostics.append(Diagnostic(at: SourceLocation(file: url.path, line: 1, column: 1),
                                                 "no such file or folder"))
            return
        }
        if !isDir.boolValue {
            if url.pathExtension == "twsim" {
                lintScenarioFile(url, into: &report)
            } else {
                let folder = url.deletingLastPathComponent()
                lintLessons([url], language: folder.lastPathComponent,
                            library: library(near: folder), into: &report)
            }
            return
        }
        let languages = languageFolders(in: url)
        let scenarios = url.appendingPathComponent("scenarios")
        if !languages.isEmpty || LessonCatalog.isDirectory(scenarios) {
            lintRoot(url, languages: languages, into: &report)
        } else {
            lintLessons(LessonCatalog.lessonFiles(in: url), language: url.lastPathComponent,
                        library: library(near: url), into: &report)
        }
    }

    /// Sub-folders holding lesson files (every folder but `scenarios`).
    private func languageFolders(in root: URL) -> [URL] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []
        return names.sorted().map { root.appendingPathComponent($0) }.filter {
            $0.lastPathComponent != "scenarios" && LessonCatalog.isDirectory($0) && !LessonCatalog.lessonFiles(in: $0).isEmpty
        }
    }

    /// The scenario library beside a language folder (`../scenarios`), or in it.
    private func library(near folder: URL) -> ScenarioLibrary {
        for candidate in [folder.deletingLastPathComponent().appendingPathComponent("scenarios"),
                          folder.appendingPathComponent("scenarios")] where LessonCatalog.isDirectory(candidate) {
            return ScenarioLibrary(directory: candidate)
        }
        if let located = LessonsLocator.find() {
            return ScenarioLibrary(directory: located.appendingPathComponent("scenarios"))
        }
        return ScenarioLibrary(directory: folder.appendingPathComponent("scenarios"))
    }

    private func lintRoot(_ root: URL, languages: [URL], into report: inout LintReport) {
        let scenarios = root.appendingPathComponent("scenarios")
        let library = ScenarioLibrary(directory: scenarios)
        for name in library.names {
            lintScenarioFile(scenarios.appendingPathComponent(name + ".twsim"), into: &report)
        }
        var catalogs: [String: LessonCatalog] = [:]
        for folder in languages {
            catalogs[folder.lastPathComponent] = lintLessons(LessonCatalog.lessonFiles(in: folder),
                                                             language: folder.lastPathComponent,
                                                             library: library, into: &report)
        }
        guard let english = catalogs["en"] else {
            if !languages.isEmpty {
                report.diagnostics.append(Diagnostic(at: SourceLocation(file: root.appendingPathComponent("en").path, line: 1, column: 1),
                                                     "there is no English folder 'en/'; translations are checked against it"))
            }
            return
        }
        for (language, catalog) in catalogs where language != "en" {
            checkTranslation(catalog, of: english, language: language, folder: root.appendingPathComponent(language),
                             library: library, into: &report)
        }
    }

    private func checkTranslation(_ catalog: LessonCatalog, of english: LessonCatalog, language: String,
                                  folder: URL, library: ScenarioLibrary, into report: inout LintReport) {
        for lesson in catalog.lessons {
            let at = SourceLocation(file: lesson.file, line: 2, column: 1)
            guard let original = english.lesson(lesson.id) else {
                report.diagnostics.append(Diagnostic(at: at, "lesson '\(lesson.id)' has no English original in en/"))
                continue
            }
            let mine = lesson.questions.map(\.id), theirs = original.questions.map(\.id)
            for id in theirs where !mine.contains(id) {
                report.diagnostics.append(Diagnostic(at: at, "question '\(id)' of the English lesson is missing from the \(language) translation"))
            }
            for question in lesson.questions where !theirs.contains(question.id) {
                report.diagnostics.append(Diagnostic(at: question.location, "question '\(question.id)' is not in the English lesson"))
            }
            for question in lesson.questions {
                guard let source = original.questions.first(where: { $0.id == question.id }) else { continue }
                for problem in TranslationComparison.problems(question, original: source, scenarios: library) {
                    report.diagnostics.append(Diagnostic(at: question.location, problem))
                }
            }
        }
        for original in english.lessons where catalog.lesson(original.id) == nil {
            report.diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: folder.path, line: 1, column: 1),
                                                 "lesson '\(original.id)' is not translated into '\(language)' yet"))
        }
    }

    private func lintScenarioFile(_ url: URL, into report: inout LintReport) {
        report.scenarioCount += 1
        let at = SourceLocation(file: url.path, line: 1, column: 1)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            report.diagnostics.append(Diagnostic(at: at, "cannot read the scenario file")); return
        }
        guard let text = String(validating: data, as: UTF8.self) else {
            report.diagnostics.append(Diagnostic(at: LessonParser.invalidUTF8Location(data, file: url.path),
                                                 "the scenario is not valid UTF-8 here")); return
        }
        do {
            let scenario = try Scenario.parse(text, source: url.path)
            let result = Simulator.run(scenario)
            if !result.passed {
                report.diagnostics.append(Diagnostic(at: at, "an expect line does not hold: \(result.failures.joined(separator: "; "))"))
            }
        } catch let error as ScenarioError {
            report.diagnostics.append(Diagnostic(at: SourceLocation(file: url.path, line: max(error.line, 1), column: max(error.column, 1)), error.message))
        } catch {
            report.diagnostics.append(Diagnostic(at: at, "\(error)"))
        }
    }

    @discardableResult
    private func lintLessons(_ files: [URL], language: String, library: ScenarioLibrary,
                             into report: inout LintReport) -> LessonCatalog {
        let catalog = LessonCatalog.load(files: files, language: language)
        report.diagnostics += catalog.diagnostics
        report.lessonCount += catalog.lessons.count
        let ids = Set(catalog.lessons.map(\.id))
        for lesson in catalog.lessons where requiresItself(lesson, in: catalog) {
            report.diagnostics.append(Diagnostic(at: SourceLocation(file: lesson.file, line: 2, column: 1),
                                                 "'requires' goes round in a circle back to '\(lesson.id)'"))
        }
        for lesson in catalog.lessons {
            let top = SourceLocation(file: lesson.file, line: 2, column: 1)
            for required in lesson.requires where !ids.contains(required) && files.count > 1 {
                report.diagnostics.append(Diagnostic(at: top, "'requires' names '\(required)', which is not a lesson here"))
            }
            if !(5...15).contains(lesson.minutes) {
                report.diagnostics.append(Diagnostic(.warning, at: top, "a lesson should take 5 to 15 minutes, not \(lesson.minutes)"))
            }
            var simulated = 0
            for (index, step) in lesson.steps.enumerated() {
                lintStep(step, isLast: index == lesson.steps.count - 1, into: &report)
                var shown: [ShownText] = []
                if index == 0, !lesson.summary.isEmpty {
                    shown.append(ShownText(what: "the lesson summary", text: lesson.summary, location: top))
                }
                shown.append(ShownText(what: "the step heading", text: step.title, location: step.location))
                for block in step.blocks {
                    switch block {
                    case .text(let text):
                        shown.append(ShownText(what: "the step's prose", text: text, location: step.location))
                        checkCommands(in: text, at: step.location, into: &report)
                    case .sim(let sim): lintSim(sim, library: library, into: &report)
                    case .lab(let lab): lintLab(lab, library: library, into: &report)
                    case .question(let question):
                        report.questionCount += 1
                        for (index, hint) in question.hints.enumerated() {
                            let at = index < question.hintLocations.count ? question.hintLocations[index] : question.location
                            checkCommands(in: hint, at: at, into: &report)
                        }
                        checkCommands(in: question.explain, at: question.location, into: &report)
                        if lintQuestion(question, shown: shown, library: library, into: &report) { simulated += 1 }
                    }
                }
            }
            if simulated < 2 {
                report.diagnostics.append(Diagnostic(.warning, at: top, "a lesson should have at least two predictions checked by simulation (it has \(simulated))"))
            }
        }
        return catalog
    }

    /// True when following `requires` from the lesson leads back to it.
    private func requiresItself(_ lesson: Lesson, in catalog: LessonCatalog) -> Bool {
        var seen: Set<String> = []
        var queue = lesson.requires
        while let next = queue.popLast() {
            if next == lesson.id { return true }
            guard seen.insert(next).inserted, let required = catalog.lesson(next) else { continue }
            queue += required.requires
        }
        return false
    }

    private func lintStep(_ step: LessonStep, isLast: Bool, into report: inout LintReport) {
        var lines = 0
        var hasAction = false
        for block in step.blocks {
            switch block {
            case .text(let text):
                for line in text.components(separatedBy: "\n") { lines += max(1, (line.count + 79) / 80) }
            default: hasAction = true
            }
        }
        if lines > maximumProseLines {
            report.diagnostics.append(Diagnostic(.warning, at: step.location, "the step has \(lines) lines of prose; about 12 fit a screen, so split it"))
        }
        if !hasAction && !isLast {
            report.diagnostics.append(Diagnostic(.warning, at: step.location, "the step ends in nothing to do; add a predict, sim, lab or quiz block"))
        }
    }

    /// Loads a scenario for a block, mapping errors in an inline script to their file line.
    private func scenario(_ reference: ScenarioReference, at location: SourceLocation, scriptLine: Int?,
                          library: ScenarioLibrary, into report: inout LintReport,
                          values: [String: Double] = [:], question: Question? = nil) -> Scenario? {
        let variant = question.map { Self.describe(values, of: $0) } ?? ""
        do {
            return try reference.scenario(in: library, source: location.file)
        } catch let error as ScenarioError {
            var at = location
            if case .inline = reference, let scriptLine {
                at = SourceLocation(file: location.file, line: scriptLine + max(error.line, 1) - 1, column: max(error.column, 1))
            }
            report.diagnostics.append(Diagnostic(at: at, "scenario '\(reference.label)'\(variant): \(error.message)"))
        } catch {
            report.diagnostics.append(Diagnostic(at: location, "scenario '\(reference.label)'\(variant): \(error)"))
        }
        return nil
    }

    private func checkExpectations(_ scenario: Scenario, _ reference: ScenarioReference, profile: ProfileName?,
                                   at location: SourceLocation, into report: inout LintReport) {
        // A scenario's expect lines describe its own profile; under another profile they need not hold.
        if let profile, profile != scenario.profile { return }
        let result = Simulator.run(scenario, profile: profile)
        if !result.passed {
            report.diagnostics.append(Diagnostic(at: location, "scenario '\(reference.label)'\(profile.map { " under profile \($0.rawValue)" } ?? ""): an expect line does not hold: \(result.failures.joined(separator: "; "))"))
        }
    }

    private func lintSim(_ sim: SimBlock, library: ScenarioLibrary, into report: inout LintReport) {
        guard let scenario = scenario(sim.scenario, at: sim.location, scriptLine: sim.scriptLine, library: library, into: &report) else { return }
        checkExpectations(scenario, sim.scenario, profile: sim.profile, at: sim.location, into: &report)
        if let k = sim.explore, Explorer.explore(scenario, maxLosses: k, profile: sim.profile).runs == 0 {
            report.diagnostics.append(Diagnostic(at: sim.location, "exploring '\(sim.scenario.label)' produced no runs"))
        }
    }

    private func checkExperiment(_ name: String, finding: String?, at location: SourceLocation, into report: inout LintReport) {
        guard let findings = experiments[name] else {
            report.diagnostics.append(Diagnostic(at: location, "no live experiment named '\(name)' (experiments: \(experiments.keys.sorted().joined(separator: ", ")))"))
            return
        }
        if let finding, !findings.contains(finding) {
            report.diagnostics.append(Diagnostic(at: location, "the experiment '\(name)' has no finding '\(finding)' (findings: \(findings.joined(separator: ", ")))"))
        }
    }

    private func lintLab(_ lab: LabBlock, library: ScenarioLibrary, into report: inout LintReport) {
        checkExperiment(lab.experiment, finding: nil, at: lab.location, into: &report)
        if let fallback = lab.fallback,
           let scenario = scenario(fallback, at: lab.location, scriptLine: nil, library: library, into: &report) {
            checkExpectations(scenario, fallback, profile: nil, at: lab.location, into: &report)
        }
    }

    /// Checks one question; returns true when it is a prediction checked by simulation.
    private func lintQuestion(_ question: Question, shown: [ShownText], library: ScenarioLibrary,
                              into report: inout LintReport) -> Bool {
        if question.hints.isEmpty {
            report.diagnostics.append(Diagnostic(.warning, at: question.location, "question '\(question.shortID)' has no hints; a stuck learner is left with only the solution"))
        }
        if case .experiment(let name, let finding, _) = question.source {
            checkExperiment(name, finding: finding, at: question.location, into: &report)
        }
        // Every variant must run, its answer must be valid (and among the choices), its wording must
        // read right, and nothing the student reads may name its answer: the whole parameter space,
        // or a bounded sample that includes the extremes.
        var gaveAway: Set<Int> = []
        var checkedScenarios = Set<String>()
        var checked: Set<String> = []
        var isSimulation = false
        var answers: [String] = []
        for values in question.parameterSpace() {
            let variant = question.filled(with: values)
            var simulation: (ScenarioReference, ProfileName?)?
            switch variant.source {
            case .simulation(let reference, _, let profile): simulation = (reference, profile)
            case .experiment(_, _, let fallback):
                if case .simulation(let reference, _, let profile)? = fallback { simulation = (reference, profile) }
            case .key, .expression: break
            }
            if let (reference, profile) = simulation {
                isSimulation = true
                if checkedScenarios.insert("\(reference)|\(profile?.rawValue ?? "")").inserted {
                    guard let scenario = scenario(reference, at: question.location, scriptLine: question.scriptLine,
                                                  library: library, into: &report, values: values, question: question) else { return false }
                    checkExpectations(scenario, reference, profile: profile, at: question.location, into: &report)
                }
            }
            if let problem = ParameterWording.problem(in: question, values: values) {
                report.diagnostics.append(Diagnostic(at: question.promptLocation ?? question.location,
                                                     "question '\(question.shortID)': \(problem)"))
                break
            }
            do {
                let expected = try AnswerOracle.expected(for: question, parameters: values, scenarios: library)
                checkGiveaways(variant, answer: expected, parameters: [:], reported: &gaveAway,
                               checked: &checked, into: &report)
                checkShownText(shown, question: variant, answer: expected, reported: &gaveAway, into: &report)
                checkMistakes(variant, answer: expected, reported: &gaveAway, into: &report)
                answers.append(expected)
                let verdict = AnswerChecker.check(expected, question: variant, expected: expected)
                if verdict != .correct {
                    let why: String
                    if case .choice(let choices) = variant.answerKind {
                        why = "the choices (\(choices.joined(separator: ", "))) do not contain the computed answer '\(expected)'"
                    } else {
                        why = "the computed answer '\(expected)' is not a valid \(question.answerKind.name) answer; change 'type'"
                    }
                    report.diagnostics.append(Diagnostic(at: question.location, "question '\(question.shortID)'\(Self.describe(values, of: question)): \(why)"))
                    break
                }
            } catch let diagnostic as Diagnostic {
                var located = diagnostic
                if !values.isEmpty { located.message += Self.describe(values, of: question) }
                report.diagnostics.append(located)
                break
            } catch {
                report.diagnostics.append(Diagnostic(at: question.location, "question '\(question.shortID)'\(Self.describe(values, of: question)): \(error)"))
                break
            }
        }
        checkMistakeCount(question, answers: answers, into: &report)
        return isSimulation && question.kind == .predict
    }

    /// ` (with side = server, msl = 30)`, or nothing for a question without parameters.
    static func describe(_ values: [String: Double], of question: Question) -> String {
        guard !values.isEmpty else { return "" }
        let parts = question.substitutions(for: values).sorted { $0.key < $1.key }.map { "\($0.key) = \($0.value)" }
        return " (with " + parts.joined(separator: ", ") + ")"
    }

    /// Reports the prompt (index -1) and each hint that names the computed answer, once each.
    /// `checked` remembers the answers (and answer–prompt pairs) already looked for, so that many
    /// variants with the same answer cost one search.
    private func checkGiveaways(_ question: Question, answer: String, parameters: [String: Double],
                                reported: inout Set<Int>, checked: inout Set<String>, into report: inout LintReport) {
        let prompt = question.renderedPrompt(parameters: parameters)
        let hintsChecked = !checked.insert(answer + "\u{1}" + question.hints.joined(separator: "\u{1}")).inserted
        let promptChecked = !checked.insert(answer + "\u{0}" + prompt).inserted
        if !promptChecked, !reported.contains(-1), AnswerGiveaway.reveals(prompt, answer: answer, kind: question.answerKind) {
            reported.insert(-1)
            report.diagnostics.append(Diagnostic(at: question.promptLocation ?? question.location,
                                                 "the question '\(question.shortID)' gives away the answer '\(answer)'; ask without naming it"))
        }
        for (index, hint) in question.hints.enumerated() where !hintsChecked && !reported.contains(index) {
            guard AnswerGiveaway.reveals(hint, answer: answer, kind: question.answerKind) else { continue }
            reported.insert(index)
            let at = index < question.hintLocations.count ? question.hintLocations[index] : question.location
            report.diagnostics.append(Diagnostic(at: at, "hint \(index + 1) gives away the answer '\(answer)'; point at the mechanism instead"))
        }
    }
}
