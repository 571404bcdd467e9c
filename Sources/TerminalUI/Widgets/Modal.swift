/// A dialog box centred in an area: it clears what is beneath it, draws a titled border, the body lines,
/// and a footer line (buttons or key hints) centred at the bottom after a blank line.
public struct Modal: Widget, Sendable, Hashable {
    public var title: String
    public var body: [Line]
    public var footer: Line?
    /// The outer width wanted; by default just wide enough for the content. Always clipped to the area.
    public var width: Int?
    public var borderStyle: Style
    public var titleStyle: Style

    public init(title: String, body: [Line], footer: Line? = nil, width: Int? = nil,
                borderStyle: Style = .plain, titleStyle: Style = .bold) {
        self.title = title
        self.body = body
        self.footer = footer
        self.width = width
        self.borderStyle = borderStyle
        self.titleStyle = titleStyle
    }

    /// Where the box lands inside `area`: useful for hit-testing clicks.
    public func frame(in area: Rect) -> Rect {
        let content = max(body.map(\.displayWidth).max() ?? 0, footer?.displayWidth ?? 0,
                          displayWidth(title) + 4)
        // Border plus one column of padding on each side.
        let outerWidth = width ?? content + 4
        let outerHeight = body.count + 2 + (footer == nil ? 0 : 2)
        return area.centered(width: outerWidth, height: outerHeight)
    }

    public func render(into screen: inout Screen, area: Rect) {
        let box = frame(in: area)
        guard box.width >= 2, box.height >= 2 else { return }
        screen.fill(box, style: .plain)
        Box(title: title, style: borderStyle, titleStyle: titleStyle).render(into: &screen, area: box)
        let inner = Box.inner(box).inset(horizontal: 1)
        guard !inner.isEmpty else { return }
        let bodyRows = inner.height - (footer == nil ? 0 : 2)
        for (row, line) in body.prefix(max(0, bodyRows)).enumerated() {
            screen.put(line.truncated(toWidth: inner.width), x: inner.x, y: inner.y + row, maxWidth: inner.width)
        }
        if let footer {
            let fitted = footer.truncated(toWidth: inner.width)
            let x = inner.x + (inner.width - fitted.displayWidth) / 2
            screen.put(fitted, x: x, y: inner.maxY - 1, maxWidth: inner.width)
        }
    }
}
