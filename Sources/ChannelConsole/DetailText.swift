import TerminalUI

/// Building blocks of the detail views: labelled fields and scrolled columns of lines.
enum DetailText {
    static func field(_ label: String, _ value: String, _ style: Style = .plain, labelWidth: Int = 16) -> Line {
        Line([Span(pad(label, toWidth: labelWidth), style: Theme.dim), Span(value, style: style)])
    }

    static func heading(_ text: String) -> Line { Line([Span(text, style: Style.bold.underlined())]) }

    /// Draws `lines` into `area` starting at line `offset` (clamped so the last page stays full).
    static func render(_ lines: [Line], _ screen: inout Screen, _ area: Rect, offset: Int) {
        let first = max(0, min(offset, lines.count - area.height))
        for (row, line) in lines.dropFirst(first).prefix(area.height).enumerated() {
            screen.put(line, x: area.x, y: area.y + row, maxWidth: area.width)
        }
    }

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
