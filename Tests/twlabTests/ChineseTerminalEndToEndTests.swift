import Foundation
import Testing

/// Chinese at a real prompt (tmux, a pseudo-terminal in the C locale): the welcome says which
/// language is in use and how to switch; the cursor moves over wide characters and Backspace
/// deletes a whole one; the reply to the typed line comes in Chinese.
@Suite(.serialized) struct ChineseTerminalEndToEndTests {
    @Test(.enabled(if: TmuxTerminal.available, "tmux is not installed, so there is no pseudo-terminal to drive"))
    func typingMovingOverAndDeletingChinese() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("twlab-tty-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        let terminal = TmuxTerminal(home: home)
        defer { terminal.stop() }
        try terminal.start("trap '' INT; TWLAB_HOME='\(home.path)' '\(TwlabBinary.url.path)' --lang zh-Hans; sleep 60")
        let welcome = try terminal.waitFor("the Chinese welcome") { $0.last == "twlab>" }
        #expect(welcome.contains { $0.contains("界面语言：简体中文") && $0.contains("--lang en") }, "\(welcome)")
        #expect(welcome.contains { $0.contains("输入 help 查看命令") }, "\(welcome)")

        try terminal.type("关闭等待时间")
        try terminal.waitFor("the typed line") { $0.last == "twlab> 关闭等待时间" }
        try terminal.keys("Left", "Left")          // over 间 and 时, two columns each
        try terminal.keys("BSpace")                // deletes 待, a wide character, whole
        try terminal.type("X")
        try terminal.keys("End")
        try terminal.type("Y")
        try terminal.waitFor("the edited line") { $0.last == "twlab> 关闭等X时间Y" }
        try terminal.keys("Enter")
        let reply = try terminal.waitFor("the Chinese reply") { lines in
            lines.contains { $0.contains("没有 '关闭等X时间Y' 这个命令") } && lines.last == "twlab>"
        }
        #expect(reply.contains("twlab> 关闭等X时间Y"))
    }
}
