/// Writes JUnit XML: a `testsuite` per student and a `testcase` per question, with `failure` for wrong,
/// invalid and missing answers (so a blank submission fails in CI) and `skipped` only for a question the
/// lesson cannot grade. The expected answer appears only with `--show-expected`. Valid XML whatever
/// the student typed.
public struct JUnitReportWriter: Sendable {
    /// A JUnit XML report writer.
    public init() {}

    /// The report text, ending in a newline.
    public func write(_ run: GradingRun) -> String {
        var suites: [String] = []
        var totals = (tests: 0, failures: 0, errors: 0, skipped: 0)
        var suiteNames = Set<String>()
        for submission in run.submissions {
            var name = submission.student
            if !suiteNames.insert(name).inserted {
                name = "\(submission.student) (\(submission.file))"
                suiteNames.insert(name)
            }
            let suite = self.suite(submission, name: name, run: run)
            totals.tests += suite.tests; totals.failures += suite.failures
            totals.errors += suite.errors; totals.skipped += suite.skipped
            suites.append(suite.xml)
        }
        let time = format(run.executionTime)
        return """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuites name="twlab quiz" tests="\(totals.tests)" failures="\(totals.failures)" errors="\(totals.errors)" skipped="\(totals.skipped)" time="\(time)">
        \(suites.joined())</testsuites>

        """
    }

    private func suite(_ submission: SubmissionGrade, name: String, run: GradingRun)
        -> (xml: String, tests: Int, failures: Int, errors: Int, skipped: Int) {
        var cases: [String] = []
        var failures = 0, errors = 0, skipped = 0
        let className = "twlab.quiz." + submission.student
        if !submission.isUsable {
            errors += 1
            let message = submission.problems.last ?? "the answers file is unusable"
            cases.append("""
                <testcase classname="\(XMLText.escaped(className))" name="answers file" time="0">
                  <error message="\(XMLText.escaped(message))" type="unusable"/>
                </testcase>

            """)
        }
        for result in submission.questions {
            let caseName = XMLText.escaped(result.questionID)
            let open = "    <testcase classname=\"\(XMLText.escaped(className + "." + result.lessonID))\" name=\"\(caseName)\" time=\"0\">\n"
            let props = "      <properties><property name=\"variant\" value=\"\(XMLText.escaped(result.variant.id))\"/><property name=\"points\" value=\"\(QuizText.number(result.points))/\(QuizText.number(result.maxPoints))\"/></properties>\n"
            let given = result.given ?? "(no answer)"
            let shown = run.disclosure.expected(result)
            var body = (shown.map { "expected: \($0)\n" } ?? "") + "given: \(given)\nvariant: \(result.variant.id)"
            if let feedback = run.disclosure.feedbackText(result) { body += "\nfeedback: \(feedback)" }
            let against = shown.map { "expected \($0), " } ?? ""
            var inner = ""
            switch result.status {
            case .correct:
                break
            case .wrong:
                failures += 1
                inner = "      <failure message=\"\(XMLText.escaped("wrong answer: \(against)given \(given)"))\" type=\"wrong\">\(XMLText.escaped(body))</failure>\n"
            case .invalid:
                failures += 1
                let why = result.message ?? "not an answer to this question"
                inner = "      <failure message=\"\(XMLText.escaped("invalid answer: \(why)"))\" type=\"invalid\">\(XMLText.escaped(body))</failure>\n"
            case .missing:
                failures += 1
                inner = "      <failure message=\"\(XMLText.escaped("no answer given" + (shown.map { "; expected \($0)" } ?? "")))\" type=\"missing\">\(XMLText.escaped(body))</failure>\n"
            case .ungradable:
                skipped += 1
                inner = "      <skipped message=\"\(XMLText.escaped(result.message ?? "cannot be graded"))\"/>\n"
            }
            cases.append(open + props + inner + "    </testcase>\n")
        }
        let tests = cases.count
        var properties = "    <properties>\n"
        properties += "      <property name=\"file\" value=\"\(XMLText.escaped(submission.file))\"/>\n"
        properties += "      <property name=\"score\" value=\"\(QuizText.number(submission.score))/\(QuizText.number(submission.maxScore))\"/>\n"
        properties += "      <property name=\"practice\" value=\"\(run.isPractice)\"/>\n"
        if !submission.notes.isEmpty {
            properties += "      <property name=\"notes\" value=\"\(XMLText.escaped(submission.notes.joined(separator: " ")))\"/>\n"
        }
        properties += "    </properties>\n"
        var systemOut = ""
        let notes = (run.isPractice ? [GradingRun.practiceNotice] : []) + submission.problems
        if !notes.isEmpty {
            systemOut = "    <system-out>\(XMLText.escaped(notes.joined(separator: "\n")))</system-out>\n"
        }
        let xml = "  <testsuite name=\"\(XMLText.escaped(name))\" tests=\"\(tests)\" failures=\"\(failures)\" errors=\"\(errors)\" skipped=\"\(skipped)\" time=\"0\">\n"
            + properties + cases.joined() + systemOut + "  </testsuite>\n"
        return (xml, tests, failures, errors, skipped)
    }

    private func format(_ seconds: Double) -> String {
        let millis = (seconds * 1000).rounded()
        return QuizText.number(millis / 1000)
    }
}
