import Testing
@testable import TerminalUI

@Suite struct ScreenTests {
    @Test func putWritesAndReportsColumns() {
        var screen = Screen(width: 10, height: 2)
        #expect(screen.put("hello", x: 1, y: 0) == 5)
        #expect(screen.put("株式", x: 0, y: 1) == 4)
        #expect(screen.textLines() == [" hello", "株式"])
        #expect(screen[0, 1] == Cell(text: "株", width: 2))
        #expect(screen[1, 1] == Cell(text: "", width: 0))
    }

    @Test func putClipsToMaxWidthAndScreenEdge() {
        var screen = Screen(width: 6, height: 1)
        #expect(screen.put("abcdefgh", x: 2, y: 0, maxWidth: 3) == 3)
        #expect(screen.textLines() == ["  abc"])
        #expect(screen.put("xyz", x: 4, y: 0) == 2)
        #expect(screen.textLines() == ["  abxy"])
        #expect(screen.put("x", x: 0, y: 5) == 0) // off screen
    }

    @Test func wideCharacterAtTheRightEdgeBecomesASpace() {
        var screen = Screen(width: 5, height: 1)
        #expect(screen.put("ab株式", x: 0, y: 0) == 5)
        #expect(screen.textLines() == ["ab株"])
        #expect(screen[4, 0] == Cell(text: " ", width: 1))

        var limited = Screen(width: 8, height: 1)
        #expect(limited.put("株式", x: 0, y: 0, style: .bold, maxWidth: 3) == 3)
        #expect(limited[2, 0] == Cell(text: " ", width: 1, style: .bold))
        #expect(limited.textLines() == ["株"])
    }

    @Test func overwritingTheRightHalfOfAWideCharacterBlanksTheLeftHalf() {
        var screen = Screen(width: 4, height: 1)
        screen.put("株式", x: 0, y: 0)
        screen.put("x", x: 1, y: 0)
        #expect(screen.textLines() == [" x式"])
        #expect(screen[0, 0] == Cell(text: " ", width: 1))
    }

    @Test func overwritingTheLeftHalfOfAWideCharacterBlanksTheRightHalf() {
        var screen = Screen(width: 4, height: 1)
        screen.put("株式", x: 0, y: 0)
        screen.put("y", x: 2, y: 0)
        #expect(screen.textLines() == ["株y"])
        #expect(screen[3, 0] == Cell(text: " ", width: 1))
    }

    @Test func wideOverWideAtAnOffsetLeavesNoHalves() {
        var screen = Screen(width: 6, height: 1)
        screen.put("株式会", x: 0, y: 0)
        screen.put("社", x: 1, y: 0)
        #expect(screen.textLines() == [" 社 会"])
        #expect(screen[1, 0].width == 2)
        #expect(screen[2, 0].isContinuation)
    }

    @Test func textStartingLeftOfTheScreenIsClipped() {
        var screen = Screen(width: 4, height: 1)
        #expect(screen.put("a株bc", x: -2, y: 0) == 5) // columns advanced, including the hidden ones
        #expect(screen.textLines() == [" bc"]) // the visible half of 株 is blank
    }

    @Test func lineSpansKeepTheirStyles() {
        var screen = Screen(width: 6, height: 1)
        #expect(screen.put([Span("ab", style: .bold), "cdef"], x: 0, y: 0, maxWidth: 4) == 4)
        #expect(screen.styledLines() == ["{bold}ab{/}cd"])
    }

    @Test func fillAndSetStyle() {
        var screen = Screen(width: 5, height: 2)
        screen.put("株abc", x: 0, y: 0)
        screen.fill(Rect(x: 1, y: 0, width: 2, height: 2), style: .bold, character: "·")
        #expect(screen.textLines() == [" ··bc", " ··"])
        #expect(screen[0, 0] == Cell(text: " ", width: 1)) // the cut wide char left no half
        screen.put("界", x: 3, y: 1)
        screen.setStyle(Rect(x: 3, y: 1, width: 1, height: 1)) { $0.foreground = .red }
        #expect(screen[3, 1].style == .fg(.red))
        #expect(screen[4, 1].style == .fg(.red)) // the continuation follows its lead
    }

    @Test func diffReturnsOnlyChangedCells() {
        var before = Screen(width: 4, height: 2)
        before.put("abcd", x: 0, y: 0)
        var after = before
        after.put("X", x: 2, y: 0)
        after.put("Y", x: 1, y: 1, style: .bold)
        #expect(after.changes(since: before) == [
            CellChange(x: 2, y: 0, cell: Cell(text: "X", width: 1)),
            CellChange(x: 1, y: 1, cell: Cell(text: "Y", width: 1, style: .bold)),
        ])
        #expect(after.changes(since: after).isEmpty)
    }

    @Test func diffWithoutPreviousOrAfterResizeIsEverythingButContinuations() {
        var screen = Screen(width: 3, height: 1)
        screen.put("株", x: 0, y: 0)
        #expect(screen.changes(since: nil).map(\.x) == [0, 2])
        #expect(screen.changes(since: Screen(width: 4, height: 1)).count == 2)
    }

    @Test func diffOfWideCharacterReplacingNarrowOnes() {
        var before = Screen(width: 3, height: 1)
        before.put("abc", x: 0, y: 0)
        var after = before
        after.put("株", x: 0, y: 0)
        #expect(after.changes(since: before) == [CellChange(x: 0, y: 0, cell: Cell(text: "株", width: 2))])
        // And back: both cells must be repainted.
        #expect(before.changes(since: after).map(\.x) == [0, 1])
    }

    @Test func styledLinesMarkUpRunsOfStyle() {
        var screen = Screen(width: 16, height: 3)
        screen.put("Name", x: 0, y: 0, style: .bold)
        screen.put("ok", x: 5, y: 0, style: Style(foreground: .green))
        screen.put("{x}", x: 0, y: 1)
        screen.put("株", x: 0, y: 2, style: Style(foreground: .brightRed, background: .blue, reverse: true))
        screen.fill(Rect(x: 12, y: 2, width: 2, height: 1), style: .reverse)
        #expect(screen.styledLines() == [
            "{bold}Name{/} {fg=green}ok{/}",
            "{{x}",
            "{fg=brightRed,bg=blue,reverse}株{/}          {reverse}  {/}",
        ])
    }
}
