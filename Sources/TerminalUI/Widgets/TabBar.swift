/// A row of tabs, each with its number as a key hint: ` 1 Queue  2 Partners `. The selected tab is
/// highlighted; tabs that do not fit are cut at the edge.
public struct TabBar: Widget, Sendable, Hashable {
    public var titles: [String]
    public var selected: Int
    public var style: Style
    public var selectedStyle: Style
    /// The style of the number hints on unselected tabs.
    public var hintStyle: Style
    public var showsNumbers: Bool

    public init(titles: [String], selected: Int, style: Style = .plain,
                selectedStyle: Style = Style(bold: true, reverse: true), hintStyle: Style = .dim,
                showsNumbers: Bool = true) {
        self.titles = titles
        self.selected = selected
        self.style = style
        self.selectedStyle = selectedStyle
        self.hintStyle = hintStyle
        self.showsNumbers = showsNumbers
    }

    /// Each tab's columns inside `area`, for hit-testing clicks.
    public func tabFrames(in area: Rect) -> [Rect] {
        var x = area.x
        return titles.indices.map { i in
            let w = displayWidth(label(i))
            defer { x += w + 1 }
            return Rect(x: x, y: area.y, width: w, height: 1).intersection(area)
        }
    }

    public func render(into screen: inout Screen, area: Rect) {
        guard !area.isEmpty else { return }
        screen.fill(area.row(0), style: style)
        for (i, frame) in zip(titles.indices, tabFrames(in: area)) where frame.width > 0 {
            let isSelected = i == selected
            let base = isSelected ? style.patched(with: selectedStyle) : style
            var line: Line = [Span(" ", style: base)]
            if showsNumbers {
                line.spans.append(Span("\(i + 1)", style: isSelected ? base : base.patched(with: hintStyle)))
                line.spans.append(Span(" ", style: base))
            }
            line.spans.append(Span(titles[i] + " ", style: base))
            screen.put(line, x: frame.x, y: frame.y, maxWidth: frame.width)
        }
    }

    private func label(_ i: Int) -> String {
        showsNumbers ? " \(i + 1) \(titles[i]) " : " \(titles[i]) "
    }
}
