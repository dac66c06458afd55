import Foundation
import Testing
@testable import Quiz

/// Ids that can pass for another student's: letters from two look-alike alphabets in one id.
@Suite struct LookAlikeIDTests {
    @Test(arguments: ["ad\u{0430}", "\u{0410}da", "p\u{03BF}p", "\u{0430}\u{0064}"])
    func anIdMixingLatinWithALookAlikeAlphabetIsRefused(_ id: String) {
        #expect(StudentID.mixedScripts(in: id) != nil)
        let file = AnswersFileParser.parse(Data("student: \"\(id)\"\nanswers: {}\n".utf8), path: "x.yaml")
        #expect(!file.isUsable)
        #expect(file.problems.contains { $0.contains("mixes letters of") && $0.contains("Latin") && $0.contains("line 1") })
        #expect(!file.problems.contains { $0.contains(id) }, "the id itself is not quoted")
    }

    @Test(arguments: ["ada", "Ада", "αβγ", "ada-2026_x@example.org", "李雷", "Zoë"])
    func oneAlphabetIdsAreFine(_ id: String) {
        #expect(StudentID.mixedScripts(in: id) == nil)
        #expect(StudentID.problem(with: id) == nil)
    }
}
