import Testing
@testable import Lessons

@Suite("ArithmeticExpression")
struct ArithmeticExpressionTests {
    private func value(_ text: String, _ values: [String: Double] = [:]) throws -> Double {
        try ArithmeticExpression(text).evaluate(values)
    }

    @Test func precedenceAndParentheses() throws {
        #expect(try value("1 + 2 * 3") == 7)
        #expect(try value("(1 + 2) * 3") == 9)
        #expect(try value("10 - 4 - 3") == 3)
        #expect(try value("12 / 4 / 3") == 1)
        #expect(try value("-2 * -(3 + 1)") == 8)
        #expect(try value("2.5e1 + 0.5") == 25.5)
    }

    @Test func parametersAndFunctions() throws {
        // The default ephemeral range 32768–60999 holds 28,232 ports (fact sheet §20); ÷ 60 s ≈ 470/s.
        #expect(try value("floor((hi - lo + 1) / tw)", ["hi": 60999, "lo": 32768, "tw": 60]) == 470)
        #expect(try value("round(ports / 60)", ["ports": 28232]) == 471)
        #expect(try value("ceil(7 / 2) + min(3, 1, 2) + max(4, 9) + abs(-1)") == 4 + 1 + 9 + 1)
    }

    @Test func namesAreListedInOrder() throws {
        #expect(try ArithmeticExpression("ports / seconds + ports").names == ["ports", "seconds"])
    }

    @Test("malformed expressions fail with a column", arguments: [
        ("1 +", 4), ("(1 + 2", 7), ("2 $ 3", 3), ("system(1)", 1), ("round(1, 2)", 1), ("", 1), ("1 2", 3),
    ])
    func malformed(_ text: String, _ column: Int) {
        do {
            _ = try ArithmeticExpression(text)
            Issue.record("'\(text)' should not parse")
        } catch let failure as ArithmeticExpression.Failure {
            #expect(failure.column == column, "\(text): \(failure)")
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func evaluationErrors() throws {
        #expect(throws: ArithmeticExpression.Failure.self) { try value("1 / 0") }
        #expect(throws: ArithmeticExpression.Failure.self) { try value("ports / 60") }
    }

    @Test func deepNestingIsRefusedNotACrash() {
        let deep = String(repeating: "(", count: 10_000) + "1" + String(repeating: ")", count: 10_000)
        #expect(throws: ArithmeticExpression.Failure.self) { try ArithmeticExpression(deep) }
        let minus = String(repeating: "-", count: 10_000) + "1"
        #expect(throws: ArithmeticExpression.Failure.self) { try ArithmeticExpression(minus) }
    }
}
