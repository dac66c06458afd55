import Foundation
import Testing

/// `Sources/README.md` maps the modules; every `import` in the code must be one its row allows, and
/// `Sources/twlab` holds only the entry point.
@Suite struct ModuleMapTests {
    static let sources = TwlabBinary.repositoryRoot.appendingPathComponent("Sources")

    /// Module name → the modules its row allows (system modules such as Foundation are listed too).
    static func allowedImports() throws -> [String: Set<String>] {
        let text = try String(contentsOf: sources.appendingPathComponent("README.md"), encoding: .utf8)
        var map: [String: Set<String>] = [:]
        for line in text.split(separator: "\n") where line.hasPrefix("| `") {
            let cells = line.split(separator: "|", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
            guard cells.count >= 4 else { continue }
            let module = cells[1].trimmingCharacters(in: CharacterSet(charactersIn: "`"))
            var allowed = Set(cells[3].components(separatedBy: CharacterSet(charactersIn: ", ")).filter { !$0.isEmpty })
            if cells[3].contains("everything below") { allowed.formUnion(["Tutor", "Quiz", "Rendering", "Lessons", "SocketLab", "TCPModel"]) }
            map[module] = allowed
        }
        return map
    }

    @Test func everyImportIsAllowedByTheMap() throws {
        let map = try Self.allowedImports()
        #expect(map.count >= 10, "the map lists every module")
        let system: Set<String> = ["Foundation", "Glibc", "Darwin", "Musl", "Dispatch", "Synchronization"]
        let modules = try FileManager.default.contentsOfDirectory(atPath: Self.sources.path).filter { !$0.hasSuffix(".md") }
        for module in modules {
            let allowed = try #require(map[module], "Sources/README.md has no row for \(module)")
            let folder = Self.sources.appendingPathComponent(module)
            let files = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") } ?? []
            for file in files {
                let text = try String(contentsOf: folder.appendingPathComponent(file), encoding: .utf8)
                // Lines inside a multi-line string literal (a kit's shell or Python text) are not imports.
                var inLiteral = false
                for line in text.split(separator: "\n") {
                    let delimiters = line.components(separatedBy: "\"\"\"").count - 1
                    defer { if delimiters % 2 == 1 { inLiteral.toggle() } }
                    if inLiteral { continue }
                    let words = line.split(separator: " ")
                    guard let i = words.firstIndex(of: "import"), i == 0 || words[i - 1] == "@testable", i + 1 < words.count else { continue }
                    let imported = String(words[i + 1])
                    #expect(allowed.contains(imported) || system.contains(imported), "\(module)/\(file) imports \(imported)")
                }
            }
        }
    }

    @Test func theEntryPointIsOnlyTheEntryPoint() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: Self.sources.appendingPathComponent("twlab").path)
        #expect(files == ["main.swift"])
        let text = try String(contentsOf: Self.sources.appendingPathComponent("twlab/main.swift"), encoding: .utf8)
        let code = text.split(separator: "\n").filter { !$0.isEmpty && !$0.hasPrefix("//") }
        #expect(code.count <= 3, "\(code)")
    }
}
