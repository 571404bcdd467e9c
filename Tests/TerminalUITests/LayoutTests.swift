import Testing
@testable import TerminalUI

@Suite struct LayoutTests {
    @Test func fixedThenPercentThenMinSharesTheRest() {
        let rects = split(Rect(width: 100, height: 3), .horizontal, [.fixed(10), .percent(20), .min(5), .min(5)])
        #expect(rects.map(\.width) == [10, 20, 35, 35])
        #expect(rects.map(\.x) == [0, 10, 30, 65])
        #expect(rects.allSatisfy { $0.height == 3 && $0.y == 0 })
    }

    @Test func minPiecesShareEquallyWithOddCellsFirst() {
        let rects = split(Rect(x: 2, y: 1, width: 5, height: 5), .vertical, [.min(0), .min(0)])
        #expect(rects == [Rect(x: 2, y: 1, width: 5, height: 3), Rect(x: 2, y: 4, width: 5, height: 2)])
        #expect(split(Rect(width: 20, height: 1), .horizontal, [.min(10), .min(0)]).map(\.width) == [15, 5])
    }

    @Test func neverNegativeAndNeverPastTheRect() {
        let rects = split(Rect(width: 10, height: 1), .horizontal, [.fixed(8), .percent(50), .min(4), .fixed(-3)])
        #expect(rects.map(\.width) == [8, 2, 0, 0])
        #expect(rects.map(\.width).reduce(0, +) <= 10)
        #expect(split(Rect(width: 0, height: 0), .vertical, [.min(3), .fixed(2)]).map(\.height) == [0, 0])
    }

    @Test func leftoverStaysUnusedWithoutMinPieces() {
        let rects = split(Rect(width: 10, height: 1), .horizontal, [.fixed(3), .percent(50)])
        #expect(rects.map(\.width) == [3, 5])
    }

    @Test func rectHelpers() {
        let r = Rect(x: 2, y: 3, width: 10, height: 4)
        #expect(r.inset(by: 1) == Rect(x: 3, y: 4, width: 8, height: 2))
        #expect(r.inset(by: 5) == Rect(x: 7, y: 7, width: 0, height: 0))
        #expect(r.rows.count == 4)
        #expect(r.row(1) == Rect(x: 2, y: 4, width: 10, height: 1))
        #expect(r.column(9) == Rect(x: 11, y: 3, width: 1, height: 4))
        #expect(r.centered(width: 4, height: 2) == Rect(x: 5, y: 4, width: 4, height: 2))
        #expect(r.bottom(1) == Rect(x: 2, y: 6, width: 10, height: 1))
        #expect(Rect(width: -4, height: 2).width == 0)
    }
}
