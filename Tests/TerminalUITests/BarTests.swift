import Testing
@testable import TerminalUI

@Suite struct BarTests {
    @Test func statusBarPutsTextLeftAndRight() {
        var screen = Screen(width: 20, height: 1)
        StatusBar(left: "QUEUE", right: "3/120").render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["QUEUE          3/120"])
        #expect((0..<20).allSatisfy { screen[$0, 0].style == .reverse })
    }

    @Test func statusBarDropsTheRightSideWhenCrowded() {
        var screen = Screen(width: 10, height: 1)
        StatusBar(left: [Span("ERROR", style: .fg(.red)), " disk full"], right: "1/1")
            .render(into: &screen, area: screen.area)
        #expect(screen.styledLines() == ["{fg=red,reverse}ERROR{/}{reverse} dis…{/}"])
    }

    @Test func tabBarNumbersTabsAndHighlightsTheSelected() {
        var screen = Screen(width: 30, height: 1)
        TabBar(titles: ["Queue", "Partners", "Revenue"], selected: 1).render(into: &screen, area: screen.area)
        #expect(screen.textLines() == [" 1 Queue   2 Partners   3 Reve"])
        #expect(screen.styledLines() == [
            " {dim}1{/} Queue  {bold,reverse} 2 Partners {/}  {dim}3{/} Reve",
        ])
    }
}
