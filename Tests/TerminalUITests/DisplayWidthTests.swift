import Testing
@testable import TerminalUI

@Suite struct DisplayWidthTests {
    @Test func ascii() {
        #expect(displayWidth("") == 0)
        #expect(displayWidth("Acme Ltd") == 8)
    }

    @Test func cjkIsTwoColumnsPerCharacter() {
        #expect(displayWidth("株式会社サクラ") == 14)
        #expect(displayWidth("한국") == 4)
        #expect(displayWidth("ＡＢ") == 4) // fullwidth Latin
    }

    @Test func emojiAreTwoColumns() {
        #expect(displayWidth("👍") == 2)
        #expect(displayWidth("👩‍💻") == 2) // ZWJ sequence: one glyph
        #expect(displayWidth("❤️") == 2) // text-default heart made emoji by VS16
        #expect(displayWidth("❤") == 1) // without VS16 it is a narrow text symbol
        #expect(displayWidth("🇯🇵") == 2) // flag: a pair of regional indicators
        #expect(displayWidth("ok👍") == 4)
    }

    @Test func combiningMarksAndControlsTakeNoColumns() {
        #expect(displayWidth("e\u{301}") == 1)
        #expect(displayWidth("Café\u{301}") == 4)
        #expect(displayWidth("\u{301}") == 0)
        #expect(displayWidth("a\tb\u{7}") == 2)
        #expect(displayWidth("\u{200B}") == 0) // zero-width space
    }

    @Test func truncateAddsEllipsisOnlyWhenCut() {
        #expect(truncate("Partners", toWidth: 8) == "Partners")
        #expect(truncate("Partners", toWidth: 5) == "Part…")
        #expect(truncate("Partners", toWidth: 1) == "…")
        #expect(truncate("Partners", toWidth: 0) == "")
    }

    @Test func truncateNeverSplitsAWideCharacter() {
        // 4 columns: "株" (2) + "…" (1) leaves one column, which a wide character cannot use: pad it.
        #expect(truncate("株式会社", toWidth: 4) == "株… ")
        #expect(displayWidth(truncate("株式会社", toWidth: 4)) == 4)
        #expect(truncate("株式会社", toWidth: 5) == "株式…")
        #expect(truncate("a株式", toWidth: 3) == "a… ")
        #expect(truncate("👩‍💻👩‍💻", toWidth: 3) == "👩‍💻…")
    }

    @Test func padAlignsByDisplayWidth() {
        #expect(pad("株", toWidth: 4, align: .left) == "株  ")
        #expect(pad("42", toWidth: 5, align: .right) == "   42")
        #expect(pad("ab", toWidth: 5, align: .center) == " ab  ")
        #expect(pad("株式会社", toWidth: 5, align: .right) == "株式…")
    }

    @Test func lineTruncationKeepsStylesAndEndsInEllipsis() {
        let line: Line = [Span("ab", style: .bold), Span("cdef", style: .fg(.red))]
        #expect(line.displayWidth == 6)
        #expect(line.truncated(toWidth: 4) == [Span("ab", style: .bold), Span("c…", style: .fg(.red))])
        // The first span fits exactly, but something follows, so it must carry the ellipsis.
        #expect(line.truncated(toWidth: 2) == [Span("a…", style: .bold)])
        #expect(line.truncated(toWidth: 6) == line)
    }
}
