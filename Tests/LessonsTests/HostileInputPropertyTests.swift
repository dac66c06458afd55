import Foundation
import PropertyBased
import Testing
@testable import Lessons

/// Invariants of the hostile-input defences that must hold for every input, checked on random ones.
@Suite struct HostileInputPropertyTests {
    /// Text mixing ASCII, control characters, C1 controls, bidirectional overrides and some CJK.
    static let scalars = Gen.oneOf(
        Gen.unicodeScalar(in: "\u{0}"..."\u{7F}"),
        Gen.unicodeScalar(in: "\u{80}"..."\u{9F}"),
        Gen.unicodeScalar(in: "\u{2026}"..."\u{206F}"),
        Gen.unicodeScalar(in: "\u{65F6}"..."\u{65F9}")
    )
    static let texts = scalars.array(of: 0...80).map { scalars in
        var text = String.UnicodeScalarView()
        text.append(contentsOf: scalars)
        return String(text)
    }

    @Test func visibleTextNeverHoldsAnInvisibleCharacter() async {
        await propertyCheck(count: 500, input: Self.texts) { text in
            let shown = VisibleText.escaped(text)
            #expect(!shown.unicodeScalars.contains { VisibleText.isInvisible($0) || $0 == "\n" || $0 == "\t" })
            if !text.unicodeScalars.contains(where: { VisibleText.isInvisible($0) || $0 == "\n" || $0 == "\t" }) {
                #expect(shown == text)
            }
        }
    }

    @Test func everyDiagnosticOfAnyLessonTextIsOnePlainLineInsideTheFile() async {
        await propertyCheck(count: 300, input: Self.texts.array(of: 0...8)) { pieces in
            let text = "---\nid: p\ntitle: T\nsummary: S\nminutes: 5\n---\n## Step\n\n" + pieces.joined(separator: "\n")
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).count
            let (_, diagnostics) = LessonParser.parse(text: text, file: "p.md", language: "en")
            for diagnostic in diagnostics {
                #expect(!diagnostic.description.unicodeScalars.contains { VisibleText.isInvisible($0) || $0 == "\n" })
                #expect((1...lines + 1).contains(diagnostic.location.line) && diagnostic.location.column >= 1,
                        "\(diagnostic)")
            }
        }
    }

    @Test func linearSearchFindsExactlyWhatTheNaiveSearchFinds() async {
        let small = Gen.int(in: 0...2)
        await propertyCheck(count: 500, input: small.array(of: 0...40), small.array(of: 1...4)) { haystack, needle in
            var naive: [Int] = []
            if haystack.count >= needle.count {
                for start in 0...(haystack.count - needle.count) where Array(haystack[start..<(start + needle.count)]) == needle {
                    naive.append(start)
                }
            }
            var found: [Int] = []
            _ = LinearSearch.firstMatch(of: needle, in: haystack) { found.append($0); return false }
            #expect(found == naive)
        }
    }

    @Test func chainsEvaluateLeftToRightLikeASum() async {
        let terms = Gen.int(in: -50...50).array(of: 1...200)
        await propertyCheck(count: 300, input: terms) { numbers in
            var text = "\(numbers[0])"
            for number in numbers.dropFirst() { text += number < 0 ? " - \(-number)" : " + \(number)" }
            #expect((try? ArithmeticExpression(text).evaluate([:])) == Double(numbers.reduce(0, +)))
        }
    }

    @Test func quotedValuesAndPlainTextAreNeverTakenForAliases() async {
        let safe = Gen.oneOf(Gen.unicodeScalar(in: " "..."!"), Gen.unicodeScalar(in: "#"..."&"),
                             Gen.unicodeScalar(in: "("..."["), Gen.unicodeScalar(in: "]"..."~"))
            .array(of: 0...40).map { scalars in
                var text = String.UnicodeScalarView()
                text.append(contentsOf: scalars)
                return String(text)
            }
        await propertyCheck(count: 500, input: safe) { value in
            #expect(YAMLAliasScanner.firstFinding(in: "key: \"\(value)\"") == nil, "\(value)")
            #expect(YAMLAliasScanner.firstFinding(in: "key: \"\(value)\"\nother: &a 1")?.line == 2)
            #expect(YAMLAliasScanner.firstFinding(in: "key: plain \(value.replacingOccurrences(of: ": ", with: " "))") == nil
                    || value.contains(" #") || value.contains(":"), "\(value)")
        }
    }
}
