import Rendering
@testable import Shell
import Testing

/// The shell's own commands (`help start`, `help quiz`…) explain themselves in Chinese too.
@Suite struct ChineseShellHelpTests {
    @Test func everyShellCommandsDetailsAreTranslated() {
        for command in CommandTable.all() where !command.isHidden && command.help == nil {
            #expect(UIText.template("help.summary." + command.name, language: .simplifiedChinese) != "help.summary." + command.name,
                    "\(command.name)")
            if !command.details.isEmpty {
                let key = "help.details." + command.name
                #expect(UIText.template(key, language: .simplifiedChinese) != key, "\(command.name)")
            }
        }
    }
}
