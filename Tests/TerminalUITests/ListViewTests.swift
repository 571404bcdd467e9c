import Testing
@testable import TerminalUI

@Suite struct ListViewTests {
    @Test func scrollsToTheSelectionAndHighlightsIt() {
        var screen = Screen(width: 8, height: 3)
        let list = ListView(items: ["one", "two", "three", "four", "five"], selected: 3, highlightSymbol: "> ")
        list.render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["  two", "  three", "> four"])
        #expect(screen[7, 2].style == .reverse)
        #expect(screen[0, 1].style == .plain)
    }

    @Test func longItemsAreTruncated() {
        var screen = Screen(width: 6, height: 1)
        ListView(items: ["Distribution"]).render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["Distr…"])
    }
}
