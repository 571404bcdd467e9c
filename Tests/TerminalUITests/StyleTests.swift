import Testing
@testable import TerminalUI

@Suite struct StyleTests {
    @Test func helpersBuildStyles() {
        #expect(Style.fg(.red) == Style(foreground: .red))
        #expect(Style.fg(.red).bolded().bg(.blue) == Style(foreground: .red, background: .blue, bold: true))
        #expect(Style.plain == Style())
        #expect(Style.bold.bold && !Style.plain.bold)
    }

    @Test func patchingKeepsColoursTheOverlayLeavesAlone() {
        let cell = Style(foreground: .red, underline: true)
        #expect(cell.patched(with: .reverse) == Style(foreground: .red, reverse: true, underline: true))
        #expect(cell.patched(with: .fg(.green)) == Style(foreground: .green, underline: true))
    }

    @Test func markupListsAttributesInAFixedOrder() {
        #expect(Style.plain.markup == "")
        #expect(Style(foreground: .brightCyan, background: .black, bold: true, reverse: true, underline: true,
                      dim: true).markup == "fg=brightCyan,bg=black,bold,dim,underline,reverse")
    }

    @Test func spansAndLinesFromLiterals() {
        let count = 3
        let span: Span = "rows: \(count)"
        #expect(span == Span("rows: 3"))
        let line: Line = ["a", Span("株", style: .bold)]
        #expect(line.text == "a株" && line.displayWidth == 3)
    }
}
