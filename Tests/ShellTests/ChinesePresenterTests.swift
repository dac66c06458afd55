import Foundation
import Testing
@testable import Lessons
import Rendering
@testable import Shell

/// The presenter over every Chinese lesson: each screen fills the terminal exactly, wide
/// characters counted two columns, at projector sizes.
@Suite struct ChinesePresenterTests {
    static let chinese = FileManager.default.fileExists(
        atPath: PresenterTests.lessons.appendingPathComponent("zh-Hans/01-four-way-close.md").path)

    @Test(.enabled(if: chinese, "needs Lessons/zh-Hans"), arguments: [(80, 24), (60, 18)])
    func everyScreenOfEveryChineseLessonFillsTheTerminalExactly(size: (Int, Int)) throws {
        let (columns, rows) = size
        for number in 1...10 {
            var deck: PresenterDeck
            switch PresenterDeck.load(String(number), lessonsDirectory: PresenterTests.lessons, language: "zh-Hans") {
            case .success(let loaded): deck = loaded
            case .failure(let error): throw error
            }
            #expect(deck.lesson.title.unicodeScalars.contains { $0.value >= 0x4E00 }, "lesson \(number) is not the Chinese one")
            for step in deck.slides.indices {
                for view in [PresenterState.View.step, .reveal, .simulation] {
                    var state = PresenterState(stepCount: deck.slides.count)
                    state.step = step
                    state.view = view
                    state.hintsShown = 2
                    let lines = PresenterTests.screen(&deck, state, columns: columns, rows: rows)
                    #expect(lines.count == rows, "\(number) step \(step + 1) \(view)")
                    for line in lines {
                        #expect(DisplayWidth.of(line) == columns, "\(number) step \(step + 1) \(view) at \(columns): \(line)")
                    }
                }
            }
        }
    }

    @Test func everyPresenterStringHasAChineseText() {
        let keys = ["present.footer.full", "present.footer.short", "present.place", "present.keys", "present.key.quit"]
        for key in keys {
            #expect(UIText.template(key, language: .simplifiedChinese) != UIText.template(key, language: .english), "\(key)")
        }
        #expect(DisplayWidth.of(UIText.text("present.footer.full", language: .simplifiedChinese)) <= 76)
    }
}
