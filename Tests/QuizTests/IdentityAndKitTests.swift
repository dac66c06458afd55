import Foundation
import Testing
@testable import Quiz

/// Who a submission belongs to (Gradescope's metadata, rosters, look-alike ids) and what each kit
/// writes for its platform.
@Suite struct IdentityAndKitTests {
    // MARK: Gradescope identity: sid, then email, then the internal id

    @Test func gradescopeIdentityPrefersTheRosterSIDThenTheEmail() {
        #expect(AutograderEnvironment.identity(of: ["email": "ada@x", "id": 1234, "name": "Ada", "sid": "ada"]) == "ada")
        #expect(AutograderEnvironment.identity(of: ["email": "ada@x", "id": 1234, "sid": ""]) == "ada@x")
        #expect(AutograderEnvironment.identity(of: ["email": "ada@x", "id": 1234, "sid": NSNull()]) == "ada@x")
        #expect(AutograderEnvironment.identity(of: ["id": 1234]) == "1234")
        #expect(AutograderEnvironment.identity(of: ["name": "Ada"]) == nil)
    }

    // MARK: Rosters for making every student's paper

    @Test func aGradescopeRosterExportGivesTheSIDElseTheEmail() {
        let roster = StudentRoster.parse("""
            First Name,Last Name,SID,Email,Role
            Ada,Lovelace,ada,ada@x,Student
            "Hopper, Grace",,,grace@x,Student
            No,Id,,,Student
            Ada,Again,ada,ada@x,Student
            """)
        #expect(roster.ids == ["ada", "grace@x"])
        #expect(roster.problems.count == 1 && roster.problems[0].contains("line 4"))
    }

    @Test func aPlainListIsOneIdALine() {
        #expect(StudentRoster.parse("ada\n\nbob\n").ids == ["ada", "bob"])
        #expect(StudentRoster.fileName(for: "../x", extension: "yaml") == nil)
        #expect(StudentRoster.fileName(for: "ada@x", extension: "yaml") == "ada@x.yaml")
    }

    // MARK: Kits

    /// Classroom 50's runner (foundation50/classroom50, `load_tests`) wants the `classroom50/tests/v1`
    /// envelope and typed tests; GitHub Classroom's `output` field is not part of it.
    @Test func classroom50TestsJSONHasTheRunnersShape() throws {
        let file = try #require(PlatformKit(platform: .classroom50).files.first { $0.path == "tests.json" })
        let object = try #require(try JSONSerialization.jsonObject(with: Data(file.text.utf8)) as? [String: Any])
        #expect(object["schema"] as? String == "classroom50/tests/v1")
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(!tests.isEmpty)
        for test in tests {
            #expect(test["name"] is String && test["run"] is String && test["points"] is NSNumber)
            #expect(["run", "io", "python"].contains(test["type"] as? String ?? ""))
            #expect(test["output"] == nil)
            if test["type"] as? String == "io" { #expect(test["expected"] is String) }
        }
    }

    @Test func kitReadmesSayWhichIdAndWhatPrairieLearnCannotTell() throws {
        let gradescope = try #require(PlatformKit(platform: .gradescope).files.first { $0.path == "README.md" }).text
        #expect(gradescope.contains("`sid`") && gradescope.contains("`email`") && gradescope.contains("--students roster.csv"))
        let prairie = try #require(PlatformKit(platform: .prairielearn).files.first { $0.path == "README.md" }).text
        #expect(prairie.contains("data.json") && prairie.contains("no user id"))
    }
}
