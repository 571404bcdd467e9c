/// One column of a `Table`: its title, how wide it is, and how its cells are aligned.
public struct TableColumn: Sendable, Hashable {
    public var title: String
    public var width: Constraint
    public var alignment: Alignment

    public init(title: String, width: Constraint, alignment: Alignment = .left) {
        self.title = title
        self.width = width
        self.alignment = alignment
    }

    public init(_ title: String, _ width: Constraint, alignment: Alignment = .left) {
        self.init(title: title, width: width, alignment: alignment)
    }

    public static func fixed(_ title: String, _ width: Int, alignment: Alignment = .left) -> TableColumn {
        TableColumn(title: title, width: .fixed(width), alignment: alignment)
    }

    /// A column that takes a share of the spare width, but at least `width`.
    public static func min(_ title: String, _ width: Int, alignment: Alignment = .left) -> TableColumn {
        TableColumn(title: title, width: .min(width), alignment: alignment)
    }

    /// A column that takes a share of the spare width.
    public static func flex(_ title: String, alignment: Alignment = .left) -> TableColumn {
        TableColumn(title: title, width: .min(0), alignment: alignment)
    }
}

/// A scrolling table with a header row and a selection. Rows come from a provider closure that is asked
/// only for the rows on screen, so a table over a million records costs no more to draw than one over ten.
///
/// Each row is an array of spans, one per column (missing ones are blank); cell text is truncated with
/// "…" and padded to the column width by display width, so CJK and emoji keep the columns aligned.
public struct Table: Widget {
    public var columns: [TableColumn]
    public var rowCount: Int
    /// The cells of row `index`, one span per column.
    public var row: (Int) -> [Span]
    public var selected: Int?
    /// The first row shown. Rendering adjusts it (like `scrollOffset`) so the selection stays visible.
    public var offset: Int
    public var showsHeader: Bool
    public var headerStyle: Style
    /// Layered onto the selected row's cells, keeping their colours.
    public var selectedStyle: Style
    public var columnSpacing: Int
    /// When set, a two-column gutter on the left shows `markSymbol` for rows it returns true for.
    public var isMarked: ((Int) -> Bool)?
    public var markSymbol: String
    public var markStyle: Style
    /// Shown (dim) in the body when there are no rows.
    public var emptyText: String?

    public init(columns: [TableColumn], rowCount: Int, selected: Int? = nil, offset: Int = 0,
                showsHeader: Bool = true, headerStyle: Style = .bold, selectedStyle: Style = .reverse,
                columnSpacing: Int = 1, isMarked: ((Int) -> Bool)? = nil, markSymbol: String = "●",
                markStyle: Style = .plain, emptyText: String? = nil, row: @escaping (Int) -> [Span]) {
        self.columns = columns
        self.rowCount = rowCount
        self.row = row
        self.selected = selected
        self.offset = offset
        self.showsHeader = showsHeader
        self.headerStyle = headerStyle
        self.selectedStyle = selectedStyle
        self.columnSpacing = columnSpacing
        self.isMarked = isMarked
        self.markSymbol = markSymbol
        self.markStyle = markStyle
        self.emptyText = emptyText
    }

    /// A table over rows already in memory.
    public init(columns: [TableColumn], rows: [[Span]], selected: Int? = nil, offset: Int = 0) {
        self.init(columns: columns, rowCount: rows.count, selected: selected, offset: offset) { rows[$0] }
    }

    /// How many body rows fit in `area`.
    public func visibleRowCount(in area: Rect) -> Int {
        max(0, area.height - (showsHeader ? 1 : 0))
    }

    /// The scroll offset that keeps `selected` visible, moving as little as possible from `previousOffset`
    /// and never scrolling past the last full page.
    public static func scrollOffset(selected: Int?, previousOffset: Int, visibleRows: Int, count: Int) -> Int {
        guard count > 0, visibleRows > 0 else { return 0 }
        var offset = min(max(0, previousOffset), max(0, count - visibleRows))
        if let selected {
            let s = min(max(0, selected), count - 1)
            if s < offset { offset = s }
            if s >= offset + visibleRows { offset = s - visibleRows + 1 }
        }
        return offset
    }

    /// The x position and width of each column inside `area`.
    public func columnFrames(in area: Rect) -> [(x: Int, width: Int)] {
        let gutter = isMarked == nil ? 0 : 2
        let spacing = max(0, columnSpacing) * max(0, columns.count - 1)
        let widths = split(Rect(width: area.width - gutter - spacing, height: 1), .horizontal, columns.map(\.width))
        var x = area.x + gutter
        return widths.map { rect in
            defer { x += rect.width + columnSpacing }
            return (x, rect.width)
        }
    }

    public func render(into screen: inout Screen, area: Rect) {
        guard !area.isEmpty else { return }
        let frames = columnFrames(in: area)
        var y = area.y
        if showsHeader {
            screen.fill(area.row(0), style: headerStyle)
            for (column, frame) in zip(columns, frames) where frame.width > 0 {
                screen.put(pad(column.title, toWidth: frame.width, align: column.alignment),
                           x: frame.x, y: y, style: headerStyle, maxWidth: frame.width)
            }
            y += 1
        }
        let visible = visibleRowCount(in: area)
        if rowCount == 0, let emptyText, visible > 0 {
            screen.put(emptyText, x: area.x, y: y, style: .dim, maxWidth: area.width)
            return
        }
        let first = Self.scrollOffset(selected: selected, previousOffset: offset, visibleRows: visible, count: rowCount)
        for index in first..<min(rowCount, first + visible) {
            let line = area.row(y - area.y)
            screen.fill(line, style: .plain)
            if let isMarked, isMarked(index) {
                screen.put(markSymbol, x: area.x, y: y, style: markStyle, maxWidth: 2)
            }
            let cells = row(index)
            for (c, (column, frame)) in zip(columns, frames).enumerated() where frame.width > 0 && c < cells.count {
                screen.put(pad(cells[c].text, toWidth: frame.width, align: column.alignment),
                           x: frame.x, y: y, style: cells[c].style, maxWidth: frame.width)
            }
            if index == selected { screen.patchStyle(line, with: selectedStyle) }
            y += 1
        }
    }
}
