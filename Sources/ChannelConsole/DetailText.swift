import TerminalUI

/// Building blocks of the detail views: labelled fields and scrolled columns of lines.
enum DetailText {
    static func field(_ label: String, _ value: String, _ style: Style = .plain, labelWidth: Int = 16) -> Line {
        Line([Span(pad(label, toWidth: labelWidth), style: Theme.dim), Span(value, style: style)])
    }

    static func heading(_ text: String) -> Line { Line([Span(text, style: Style.bold.underlined())]) }

    /// Draws `lines` into `area` starting at line `offset` (clamped so the last page stays full), with
    /// a "↓ more" mark when something is below the fold — otherwise nobody knows to scroll.
    static func render(_ lines: [Line], _ screen: inout Screen, _ area: Rect, offset: Int) {
        render(count: lines.count, { lines[$0] }, &screen, area, offset: offset)
    }

    /// The same for `count` lines made on demand: only the ones on screen are, so a long audit trail
    /// costs a screenful per frame, not its length.
    static func render(count: Int, _ line: (Int) -> Line, _ screen: inout Screen, _ area: Rect, offset: Int) {
        let first = max(0, min(offset, count - area.height))
        for row in 0..<max(0, min(area.height, count - first)) {
            screen.put(line(first + row), x: area.x, y: area.y + row, maxWidth: area.width)
        }
        if first + area.height < count, area.height > 0 {
            let mark = " ↓ \(count - first - area.height) more (j/PgDn) "
            screen.put(mark, x: area.maxX - displayWidth(mark), y: area.maxY - 1, style: Style.reverse.dimmed())
        }
    }

    /// The largest useful scroll offset for `count` lines in `height` rows.
    static func maxOffset(lines count: Int, height: Int) -> Int { max(0, count - height) }

    /// A fixed-width text row for tables inside detail views, so columns line up with CJK names too.
    static func row(_ cells: [(String, Int, Alignment, Style)]) -> Line {
        var spans: [Span] = []
        for (index, cell) in cells.enumerated() {
            spans.append(Span(pad(truncate(cell.0, toWidth: cell.1), toWidth: cell.1, align: cell.2), style: cell.3))
            if index < cells.count - 1 { spans.append(Span(" ")) }
        }
        return Line(spans)
    }
}
