import Testing
@testable import TerminalUI

@Suite struct TableTests {
    let columns = [
        TableColumn("Partner", .fixed(8)),
        TableColumn("Region", .min(4)),
        TableColumn("ARR", .fixed(6), alignment: .right),
    ]
    let rows: [[Span]] = [
        ["Acme", "EMEA", "1200"],
        ["株式会社サクラ", "APAC", "98000"],
        ["Ünïcode GmbH", "日本", "5"],
    ]

    @Test func cjkCellsKeepColumnsAlignedAndSelectionIsReversed() {
        var screen = Screen(width: 24, height: 5)
        Table(columns: columns, rows: rows, selected: 1).render(into: &screen, area: screen.area)
        #expect(screen.textLines() == [
            "Partner  Region      ARR",
            "Acme     EMEA       1200",
            "株式会…  APAC      98000", // 株式会… plus a pad column make 8, like "Acme    "
            "Ünïcode… 日本          5",
            "",
        ])
        #expect(screen[0, 0].style == .bold)
        #expect((0..<24).allSatisfy { screen[$0, 2].style.reverse })
        #expect(!screen[0, 1].style.reverse)
    }

    @Test func selectedRowKeepsCellColours() {
        var screen = Screen(width: 12, height: 2)
        let table = Table(columns: [.flex("A")], rowCount: 1, selected: 0) { _ in [Span("late", style: .fg(.red))] }
        table.render(into: &screen, area: screen.area)
        #expect(screen.styledLines() == ["{bold}A           {/}", "{fg=red,reverse}late        {/}"])
    }

    @Test func onlyVisibleRowsAreRequested() {
        var requested: [Int] = []
        let table = Table(columns: [.flex("#")], rowCount: 1_000_000, selected: 500_000) { index in
            requested.append(index)
            return ["\(index)"]
        }
        var screen = Screen(width: 10, height: 5)
        table.render(into: &screen, area: screen.area)
        #expect(requested == [499_997, 499_998, 499_999, 500_000])
        #expect(screen.textLines() == ["#", "499997", "499998", "499999", "500000"])
    }

    @Test func scrollOffsetKeepsSelectionVisibleWithMinimalMovement() {
        #expect(Table.scrollOffset(selected: 0, previousOffset: 0, visibleRows: 5, count: 100) == 0)
        #expect(Table.scrollOffset(selected: 4, previousOffset: 0, visibleRows: 5, count: 100) == 0)
        #expect(Table.scrollOffset(selected: 5, previousOffset: 0, visibleRows: 5, count: 100) == 1)
        #expect(Table.scrollOffset(selected: 12, previousOffset: 10, visibleRows: 5, count: 100) == 10)
        #expect(Table.scrollOffset(selected: 3, previousOffset: 10, visibleRows: 5, count: 100) == 3)
        #expect(Table.scrollOffset(selected: 99, previousOffset: 0, visibleRows: 5, count: 100) == 95)
        // Shrinking data or growing windows pull the offset back so no page is left half empty.
        #expect(Table.scrollOffset(selected: nil, previousOffset: 50, visibleRows: 5, count: 20) == 15)
        #expect(Table.scrollOffset(selected: 2, previousOffset: 3, visibleRows: 10, count: 4) == 0)
        #expect(Table.scrollOffset(selected: nil, previousOffset: 3, visibleRows: 5, count: 0) == 0)
    }

    @Test func markedRowsGetAGutterSymbol() {
        var screen = Screen(width: 10, height: 3)
        let table = Table(columns: [.flex("Id")], rowCount: 2, isMarked: { $0 == 1 }) { ["r\($0)"] }
        table.render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["  Id", "  r0", "● r1"])
    }

    @Test func emptyTableShowsItsMessage() {
        var screen = Screen(width: 12, height: 3)
        Table(columns: [.flex("Id")], rowCount: 0, emptyText: "No rows") { _ in [] }
            .render(into: &screen, area: screen.area)
        #expect(screen.textLines() == ["Id", "No rows", ""])
    }
}
