import Testing
@testable import TerminalUI

@Suite struct ChartTests {
    @Test func sparklineUsesEighthsAndBlanksForMissingValues() {
        var screen = Screen(width: 10, height: 1)
        Sparkline(values: [0, 1, 2, 3, 4, 5, 6, 7, nil, 7]).render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["▁▂▃▄▅▆▇█ █"])
    }

    @Test func sparklineShowsTheMostRecentValues() {
        var screen = Screen(width: 3, height: 1)
        Sparkline([7, 7, 7, 0, 7], maximum: 7).render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["█▁█"])
    }

    @Test func tallSparklineStacksBlocks() {
        var screen = Screen(width: 3, height: 2)
        Sparkline([0, 1, 2]).render(into: &screen, area: screen.area)
        // 2 rows = 16 eighths: 0 → 1, 1 → 1 + round(7.5) = 9 (a full cell and ▁ above it), 2 → 16.
        #expect(screen.textLines() == [" ▁█", "▁██"])
        #expect(screen[0, 0].text == " ")
    }

    @Test func barChartScalesToTheLargestValue() {
        var screen = Screen(width: 20, height: 3)
        let chart = BarChart(bars: [
            .init(label: "EMEA", value: 100),
            .init(label: "APAC", value: 50),
            .init(label: "NA", value: 3.3),
        ])
        chart.render(into: &screen, area: screen.area)
        // 20 columns: label 4 + space, value 3, space: 11 columns of bar = 88 eighths.
        #expect(screen.textLines() == [
            "EMEA ███████████ 100",
            "APAC █████▌       50",
            "NA   ▍           3.3",
        ])
    }

    @Test func gaugeShowsPartialCellsAndPercentage() {
        var screen = Screen(width: 12, height: 1)
        Gauge(ratio: 0.55).render(into: &screen, area: screen.area)
        // 8 columns of bar = 64 eighths; 0.55 × 64 = 35.2 → 35 = 4 full + ▍(3).
        #expect(screen.textLines() == ["████▍░░░ 55%"])
        #expect(screen[6, 0].style == .dim)
    }

    @Test func gaugeClampsAndTakesACustomLabel() {
        var screen = Screen(width: 10, height: 1)
        Gauge(ratio: 1.7, label: "done").render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["█████ done"])
    }
}
