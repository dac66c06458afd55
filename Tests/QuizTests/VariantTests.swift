import Foundation
@testable import Lessons
import Testing
import Quiz

/// Variants: HMAC-SHA256(secret, student ‖ 0x00 ‖ question id), checked against Python's `hmac`.
@Suite struct VariantTests {
    let parameter = QuestionParameter(name: "ports", range: 28_000...28_300, step: 60)

    @Test func sameStudentSameVariantAcrossGenerators() {
        let a = VariantGenerator(secret: Data("s3cret".utf8)).variant(questionID: "L/q", parameters: [parameter], student: "alice")
        let b = VariantGenerator(secret: Data("s3cret".utf8)).variant(questionID: "L/q", parameters: [parameter], student: "alice")
        #expect(a == b)
    }

    @Test func studentsGetDifferentVariants() {
        let generator = VariantGenerator(secret: Data("s3cret".utf8))
        let variants = (0..<40).map { generator.variant(questionID: "L/q", parameters: [parameter], student: "student\($0)") }
        #expect(Set(variants.map(\.id)).count == 40)
        // Six possible values (28000, 28060, …, 28300); forty students cannot all share one.
        #expect(Set(variants.compactMap { $0.values["ports"] }).count > 1)
    }

    @Test func valuesStayOnTheGridOfTheRange() {
        let generator = VariantGenerator(secret: Data("k".utf8))
        for index in 0..<200 {
            let value = generator.variant(questionID: "L/q", parameters: [parameter], student: "s\(index)").values["ports"] ?? -1
            #expect((28_000...28_300).contains(value))
            #expect((value - 28_000).truncatingRemainder(dividingBy: 60) == 0)
        }
    }

    @Test func theSecretDecides() {
        let one = VariantGenerator(secret: Data("one".utf8)).variant(questionID: "L/q", parameters: [], student: "alice")
        let two = VariantGenerator(secret: Data("two".utf8)).variant(questionID: "L/q", parameters: [], student: "alice")
        #expect(one.id != two.id)
    }

    @Test func practiceVariantsSaySo() {
        let generator = VariantGenerator(secret: nil)
        #expect(generator.isPractice)
        #expect(generator.variant(questionID: "L/q", parameters: [], student: "alice").id.hasPrefix("practice-"))
        #expect(!VariantGenerator(secret: Data("x".utf8)).isPractice)
    }

    /// Python's hmac module computes the same MAC and the same parameter value independently.
    @Test(.enabled(if: QuizFixtures.toolExists("/usr/bin/python3"), "needs python3 to recompute the MAC"))
    func macMatchesPythonHMAC() throws {
        let script = """
        import hmac, hashlib
        mac = hmac.new(b'course-secret', 'zoë'.encode() + b'\\x00' + b'05-harm/rate', hashlib.sha256).digest()
        word = int.from_bytes(mac[0:8], 'big')
        print(mac[:4].hex(), 28000 + (word % 6) * 60)
        """
        let result = try QuizFixtures.runTool("/usr/bin/python3", ["-c", script])
        let parts = result.output.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        let variant = VariantGenerator(secret: Data("course-secret".utf8))
            .variant(questionID: "05-harm/rate", parameters: [parameter], student: "zoë")
        #expect(parts.count == 2)
        #expect(variant.id == parts.first)
        #expect(variant.values["ports"].map { String(Int($0)) } == parts.last)
    }
}
