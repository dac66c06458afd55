import ArgumentParser
import Foundation

/// Tab completion for the catalog's commands, read from their declarations: the subcommands, options
/// and values that swift-argument-parser describes in its `--experimental-dump-help` document, and the
/// declared custom completions (scenario names, lesson ids) called through its `---completion` request.
public enum CommandCompletion {
    /// Candidates for the word being typed after `words` (the command name first, without `twlab`).
    /// The caller filters them by the partial word.
    public static func candidates(words: [String], partial: String, io: CommandIO,
                                  root: ParsableCommand.Type = TwlabCommands.self) -> [String] {
        CommandIO.$current.withValue(io) {
            guard let described = description(of: words.first ?? "", root: root) else { return [] }
            var node = described
            var path = [described.commandName]
            var positionalIndex = 0
            var pendingOption: ArgumentInfo?
            for word in words.dropFirst() {
                if let option = pendingOption {
                    _ = option
                    pendingOption = nil
                    continue
                }
                if let child = node.subcommands?.first(where: { $0.commandName == word }) {
                    node = child
                    path.append(child.commandName)
                    positionalIndex = 0
                    continue
                }
                if word.hasPrefix("-") {
                    if let argument = node.argument(named: word), argument.kind == "option" { pendingOption = argument }
                    continue
                }
                positionalIndex += 1
            }
            if let option = pendingOption {
                return values(of: option, path: path, key: "--" + (option.preferredName?.name ?? ""), root: root)
            }
            if partial.hasPrefix("-") {
                let options = (node.arguments ?? []).filter { $0.kind != "positional" && $0.shouldDisplay != false }
                let names: [NameInfo] = options.flatMap { $0.names ?? [] }
                return names.map { name -> String in (name.kind == "short" ? "-" : "--") + name.name }
            }
            var out = (node.subcommands ?? []).filter { $0.shouldDisplay != false }.map(\.commandName)
            let positionals = (node.arguments ?? []).filter { $0.kind == "positional" }
            let index = min(positionalIndex, max(0, positionals.count - 1))
            if positionals.indices.contains(index) {
                out += values(of: positionals[index], path: path, key: "positional@\(index)", root: root)
            }
            if let defaultChild = node.subcommands?.first(where: { $0.isDefault }), positionalIndex == 0 {
                let childPositionals = (defaultChild.arguments ?? []).filter { $0.kind == "positional" }
                if let first = childPositionals.first {
                    out += values(of: first, path: path + [defaultChild.commandName], key: "positional@0", root: root)
                }
            }
            return out
        }
    }

    private static func values(of argument: ArgumentInfo, path: [String], key: String, root: ParsableCommand.Type) -> [String] {
        if let list = argument.completionKind?.list?.values { return list }
        guard argument.completionKind?.custom != nil else { return [] }
        // Ask the declaration's own closure, as a shell completion script would.
        do {
            _ = try root.parseAsRoot(["---completion"] + path + ["--", key, "0", "0", ""])
            return []
        } catch {
            let text = root.fullMessage(for: error)
            return text.split(separator: "\n").map(String.init).filter { !$0.isEmpty }
        }
    }

    /// The declaration document of one catalog command, or nil for a name that is not one.
    static func description(of name: String, root: ParsableCommand.Type) -> CommandInfo? {
        guard let type = CommandRunner.command(at: [name], root: root) else { return nil }
        do {
            _ = try root.parseAsRoot([type._commandName, "--experimental-dump-help"])
            return nil
        } catch {
            let json = root.fullMessage(for: error)
            return (try? JSONDecoder().decode(ToolDocument.self, from: Data(json.utf8)))?.command
        }
    }

    struct ToolDocument: Decodable {
        var command: CommandInfo
    }

    struct CommandInfo: Decodable {
        var commandName: String
        var isDefault: Bool
        var subcommands: [CommandInfo]?
        var arguments: [ArgumentInfo]?
        var shouldDisplay: Bool?

        enum CodingKeys: String, CodingKey { case commandName, defaultSubcommand, subcommands, arguments, shouldDisplay }

        init(from decoder: Decoder) throws {
            let c = try decoder.container(keyedBy: CodingKeys.self)
            commandName = try c.decode(String.self, forKey: .commandName)
            subcommands = try c.decodeIfPresent([CommandInfo].self, forKey: .subcommands)
            arguments = try c.decodeIfPresent([ArgumentInfo].self, forKey: .arguments)
            shouldDisplay = try c.decodeIfPresent(Bool.self, forKey: .shouldDisplay)
            isDefault = false
            if let name = try c.decodeIfPresent(String.self, forKey: .defaultSubcommand), var children = subcommands {
                for k in children.indices where children[k].commandName == name { children[k].isDefault = true }
                subcommands = children
            }
        }

        func argument(named word: String) -> ArgumentInfo? {
            (arguments ?? []).first { argument in
                (argument.names ?? []).contains { ($0.kind == "short" ? "-" : "--") + $0.name == word }
            }
        }
    }

    struct ArgumentInfo: Decodable {
        var kind: String
        var names: [NameInfo]?
        var preferredName: NameInfo?
        var completionKind: CompletionKind?
        var shouldDisplay: Bool?
    }

    struct NameInfo: Decodable {
        var kind: String
        var name: String
    }

    struct CompletionKind: Decodable {
        struct ListValues: Decodable { var values: [String] }
        struct Empty: Decodable {}
        var list: ListValues?
        var custom: Empty?
    }
}
