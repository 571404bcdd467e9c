/// A scrolling list of lines with an optional selection, e.g. a menu or a detail list.
public struct ListView: Widget, Sendable, Hashable {
    public var items: [Line]
    public var selected: Int?
    /// The first item shown; rendering adjusts it so the selection stays visible.
    public var offset: Int
    /// Layered onto the selected row (the whole width), keeping the spans' colours.
    public var selectedStyle: Style
    /// When set, drawn before the selected item, with as many spaces before the others.
    public var highlightSymbol: String?

    public init(items: [Line], selected: Int? = nil, offset: Int = 0, selectedStyle: Style = .reverse,
                highlightSymbol: String? = nil) {
        self.items = items
        self.selected = selected
        self.offset = offset
        self.selectedStyle = selectedStyle
        self.highlightSymbol = highlightSymbol
    }

    public func render(into screen: inout Screen, area: Rect) {
        guard !area.isEmpty else { return }
        let first = Table.scrollOffset(selected: selected, previousOffset: offset,
                                       visibleRows: area.height, count: items.count)
        let gutter = highlightSymbol.map { displayWidth($0) } ?? 0
        for (row, index) in (first..<min(items.count, first + area.height)).enumerated() {
            let line = area.row(row)
            screen.fill(line, style: .plain)
            if let highlightSymbol, index == selected {
                screen.put(highlightSymbol, x: line.x, y: line.y, maxWidth: line.width)
            }
            let room = line.width - gutter
            if room > 0 {
                screen.put(items[index].truncated(toWidth: room), x: line.x + gutter, y: line.y, maxWidth: room)
            }
            if index == selected { screen.patchStyle(line, with: selectedStyle) }
        }
    }
}
