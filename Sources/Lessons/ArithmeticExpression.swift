import Foundation

/// A small, safe arithmetic language for quiz answers: numbers, parameter names, `+ - * /`,
/// parentheses, unary minus and the functions `min`, `max`, `round`, `floor`, `ceil` and `abs`.
/// Nothing else exists in it, so evaluating an expression can never run code.
public struct ArithmeticExpression: Sendable, Equatable {
    /// The text it was parsed from.
    public let text: String
    fileprivate let root: Node

    /// A problem in an expression: the 1-based column and what is wrong.
    public struct Failure: Error, Sendable, Equatable, CustomStringConvertible {
        /// The 1-based column of the problem in the expression text.
        public var column: Int
        /// What is wrong, in one sentence.
        public var message: String
        /// `column N: message`.
        public var description: String { "column \(column): \(message)" }
    }

    /// The longest expression accepted, in characters; an answer formula is one line.
    public static let maximumLength = 4_096

    /// A parsed expression. A chain such as `1 + 2 - 3 + …` is one `chain` node holding its operands
    /// in a list, so the tree's depth depends only on parentheses and signs (each capped at 64),
    /// never on the expression's length.
    fileprivate indirect enum Node: Sendable, Equatable {
        case number(Double)
        case name(String, column: Int)
        case negate(Node)
        /// `first op₁ operand₁ op₂ operand₂ …`, evaluated left to right.
        case chain(Node, [Operand])
        case call(String, [Node], column: Int)
    }

    /// One `op operand` link of a chain.
    fileprivate struct Operand: Sendable, Equatable {
        var op: Character
        var node: Node
        var column: Int
    }

    /// The functions an expression may call, with how many arguments each takes.
    public static let functions: [String: ClosedRange<Int>] = [
        "min": 2...16, "max": 2...16, "round": 1...1, "floor": 1...1, "ceil": 1...1, "abs": 1...1,
    ]

    /// Parses the text; throws a `Failure` naming the column of the first problem.
    public init(_ text: String) throws {
        self.text = text
        let length = text.unicodeScalars.count
        if length > Self.maximumLength {
            throw Failure(column: Self.maximumLength + 1,
                          message: "the expression is \(length) characters long; at most \(Self.maximumLength) are allowed")
        }
        var parser = Parser(Array(text.unicodeScalars))
        let node = try parser.parseExpression()
        parser.skipSpace()
        if parser.index < parser.chars.count {
            throw Failure(column: parser.index + 1, message: "unexpected '\(parser.chars[parser.index])'")
        }
        self.root = node
    }

    /// The parameter names the expression uses, in order of first use.
    public var names: [String] {
        var result: [String] = []
        func walk(_ node: Node) {
            switch node {
            case .number: break
            case .name(let n, _): if !result.contains(n) { result.append(n) }
            case .negate(let inner): walk(inner)
            case .chain(let first, let rest): walk(first); rest.forEach { walk($0.node) }
            case .call(_, let args, _): args.forEach(walk)
            }
        }
        walk(root)
        return result
    }

    /// Evaluates with the given parameter values. Throws on an unknown name, division by zero
    /// or a result that is not a finite number.
    public func evaluate(_ values: [String: Double]) throws -> Double {
        let result = try Self.evaluate(root, values)
        guard result.isFinite else { throw Failure(column: 1, message: "the result is not a finite number") }
        return result
    }

    private static func evaluate(_ node: Node, _ values: [String: Double]) throws -> Double {
        switch node {
        case .number(let n): return n
        case .name(let name, let column):
            guard let value = values[name] else {
                throw Failure(column: column, message: "unknown parameter '\(name)'")
            }
            return value
        case .negate(let inner): return -(try evaluate(inner, values))
        case .chain(let first, let rest):
            var a = try evaluate(first, values)
            for link in rest {
                let b = try evaluate(link.node, values)
                switch link.op {
                case "+": a += b
                case "-": a -= b
                case "*": a *= b
                default:
                    guard b != 0 else { throw Failure(column: link.column, message: "division by zero") }
                    a /= b
                }
            }
            return a
        case .call(let name, let args, _):
            let v = try args.map { try evaluate($0, values) }
            switch name {
            case "min": return v.min() ?? 0
            case "max": return v.max() ?? 0
            case "round": return v[0].rounded(.toNearestOrAwayFromZero)
            case "floor": return v[0].rounded(.down)
            case "ceil": return v[0].rounded(.up)
            default: return abs(v[0])
            }
        }
    }

    private struct Parser {
        let chars: [Unicode.Scalar]
        var index = 0
        var depth = 0
        init(_ chars: [Unicode.Scalar]) { self.chars = chars }

        mutating func skipSpace() {
            while index < chars.count, chars[index] == " " || chars[index] == "\t" { index += 1 }
        }
        mutating func peek() -> Unicode.Scalar? { skipSpace(); return index < chars.count ? chars[index] : nil }

        mutating func parseExpression() throws -> Node {
            depth += 1
            defer { depth -= 1 }
            guard depth < 64 else { throw Failure(column: index + 1, message: "the expression nests too deeply") }
            let first = try parseTerm()
            var rest: [Operand] = []
            while let c = peek(), c == "+" || c == "-" {
                let column = index + 1
                index += 1
                rest.append(Operand(op: Character(c), node: try parseTerm(), column: column))
            }
            return rest.isEmpty ? first : .chain(first, rest)
        }

        mutating func parseTerm() throws -> Node {
            let first = try parseFactor()
            var rest: [Operand] = []
            while let c = peek(), c == "*" || c == "/" || c == "×" || c == "÷" {
                let column = index + 1
                index += 1
                let op: Character = (c == "*" || c == "×") ? "*" : "/"
                rest.append(Operand(op: op, node: try parseFactor(), column: column))
            }
            return rest.isEmpty ? first : .chain(first, rest)
        }

        mutating func parseFactor() throws -> Node {
            guard let c = peek() else { throw Failure(column: index + 1, message: "the expression ends too early") }
            let column = index + 1
            if c == "-" || c == "+" {
                index += 1
                depth += 1
                defer { depth -= 1 }
                guard depth < 64 else { throw Failure(column: column, message: "the expression nests too deeply") }
                let inner = try parseFactor()
                return c == "-" ? .negate(inner) : inner
            }
            if c == "(" {
                index += 1
                let inner = try parseExpression()
                guard peek() == ")" else { throw Failure(column: index + 1, message: "expected ')'") }
                index += 1
                return inner
            }
            if c.properties.numericType != nil && c.isASCII || c == "." {
                return try parseNumber()
            }
            if c.properties.isAlphabetic || c == "_" {
                var name = ""
                while index < chars.count,
                      chars[index].properties.isAlphabetic || chars[index] == "_"
                        || (chars[index].isASCII && chars[index].properties.numericType != nil) {
                    name.unicodeScalars.append(chars[index]); index += 1
                }
                if peek() == "(" {
                    guard let arity = ArithmeticExpression.functions[name] else {
                        throw Failure(column: column, message: "unknown function '\(name)' (known: min, max, round, floor, ceil, abs)")
                    }
                    index += 1
                    var args: [Node] = []
                    if peek() != ")" {
                        args.append(try parseExpression())
                        while peek() == "," { index += 1; args.append(try parseExpression()) }
                    }
                    guard peek() == ")" else { throw Failure(column: index + 1, message: "expected ')' or ','") }
                    index += 1
                    guard arity.contains(args.count) else {
                        throw Failure(column: column, message: "\(name) takes \(arity.lowerBound == arity.upperBound ? "\(arity.lowerBound)" : "at least \(arity.lowerBound)") argument(s), not \(args.count)")
                    }
                    return .call(name, args, column: column)
                }
                return .name(name, column: column)
            }
            throw Failure(column: column, message: "unexpected '\(c)'")
        }

        mutating func parseNumber() throws -> Node {
            let start = index
            var text = ""
            while index < chars.count, chars[index].isASCII,
                  chars[index].properties.numericType != nil || chars[index] == "." || chars[index] == "_" {
                if chars[index] != "_" { text.unicodeScalars.append(chars[index]) }
                index += 1
            }
            if index < chars.count, chars[index] == "e" || chars[index] == "E" {
                var exponent = "e"
                var probe = index + 1
                if probe < chars.count, chars[probe] == "-" || chars[probe] == "+" {
                    exponent.unicodeScalars.append(chars[probe]); probe += 1
                }
                let digitsStart = probe
                while probe < chars.count, chars[probe].isASCII, chars[probe].properties.numericType != nil {
                    exponent.unicodeScalars.append(chars[probe]); probe += 1
                }
                if probe > digitsStart { text += exponent; index = probe }
            }
            guard let value = Double(text) else {
                throw Failure(column: start + 1, message: "'\(text)' is not a number")
            }
            return .number(value)
        }
    }
}
