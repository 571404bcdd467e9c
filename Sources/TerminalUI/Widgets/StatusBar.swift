/// A one-line bar with text at the left (mode, hints) and at the right (position, counts). The left text
/// wins when both do not fit; the right is then dropped. Span styles are layered onto the bar's style.
public struct StatusBar: Widget, Sendable, Hashable {
    public var left: Line
    public var right: Line
    public var style: Style

    public init(left: Line = "", right: Line = "", style: Style = .reverse) {
        self.left = left
        self.right = right
        self.style = style
    }

    public func render(into screen: inout Screen, area: Rect) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        screen.fill(line, style: style)
        let rightWidth = right.displayWidth
        let showsRight = rightWidth > 0 && left.displayWidth + 1 + rightWidth <= line.width
        if showsRight {
            screen.put(layered(right), x: line.maxX - rightWidth, y: line.y)
        }
        let room = line.width - (showsRight ? rightWidth + 1 : 0)
        screen.put(layered(left.truncated(toWidth: room)), x: line.x, y: line.y, maxWidth: room)
    }

    private func layered(_ line: Line) -> Line {
        Line(line.spans.map { Span($0.text, style: style.patched(with: $0.style)) })
    }
}
