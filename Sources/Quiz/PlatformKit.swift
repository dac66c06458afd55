import Foundation

/// The files an instructor needs to run `twlab quiz grade` on a grading platform: the platform's glue
/// (scripts, configuration), a course file, and a README saying where the secret goes. The course secret
/// is never written into a kit: each kit reads it from a place students cannot reach (the autograder's
/// private source, PrairieLearn's serverFilesCourse, a CI secret), or does not use it at all where the
/// platform runs grading in the student's own repository.
public struct PlatformKit: Sendable {
    /// The platforms a kit can be made for.
    public enum Platform: String, Sendable, CaseIterable {
        /// Gradescope's autograder (`setup.sh`, `run_autograder`).
        case gradescope
        /// PrairieLearn's external grader (`info.json`, `serverFilesCourse/twlab/run.sh`).
        case prairielearn
        /// Classroom 50 (grading in GitHub Actions in the student's repository: `tests.json`).
        case classroom50
        /// A CI pipeline in the instructor's private grading repository (GitHub Actions workflow).
        case ci
    }

    /// One file of a kit: a path relative to the kit folder, its text, and whether it is a script.
    public struct File: Sendable, Equatable {
        /// The path inside the kit folder.
        public var path: String
        /// The contents.
        public var text: String
        /// True for scripts (written with mode 0755).
        public var isExecutable: Bool
    }

    /// The platform.
    public var platform: Platform
    /// The lessons graded (empty: every shipped lesson).
    public var lessons: [String]
    /// The pass mark written into the course file.
    public var passMark: Double

    /// A kit for the platform.
    public init(platform: Platform, lessons: [String] = [], passMark: Double = 0.6) {
        self.platform = platform; self.lessons = lessons; self.passMark = passMark
    }

    /// The course file every kit carries.
    var courseFile: File {
        let list = lessons.isEmpty ? "# lessons: [four-way-close]   # leave out to grade every shipped question"
                                   : "lessons: [" + lessons.joined(separator: ", ") + "]"
        return File(path: "course.yaml", text: """
            # What is graded. Answers files cannot change this.
            \(list)
            pass-mark: \(QuizText.number(passMark))

            """, isExecutable: false)
    }

    /// Every file of the kit.
    public var files: [File] {
        switch platform {
        case .gradescope: return PlatformKitFiles.gradescope(course: courseFile)
        case .prairielearn: return PlatformKitFiles.prairieLearn(course: courseFile)
        case .classroom50: return PlatformKitFiles.classroom50(course: courseFile)
        case .ci: return PlatformKitFiles.ci(course: courseFile)
        }
    }
}
