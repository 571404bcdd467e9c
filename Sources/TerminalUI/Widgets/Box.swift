/// A border of box-drawing characters (┌─┐│└┘) with an optional title set into the top edge. It draws
/// only the border; what goes inside is rendered into `inner(area)`.
public struct Box: Widget, Sendable, Hashable {
    public var title: String?
    public var style: Style
    public var titleStyle: Style

    public init(title: String? = nil, style: Style = .plain, titleStyle: Style = .bold) {
        self.title = title
        self.style = style
        self.titleStyle = titleStyle
    }

    /// The area inside the border.
    public static func inner(_ area: Rect) -> Rect { area.inset(by: 1) }

    public func inner(_ area: Rect) -> Rect { Self.inner(area) }

    public func render(into screen: inout Screen, area: Rect) {
        guard area.width >= 2, area.height >= 2 else { return }
        let rule = String(repeating: "─", count: area.width - 2)
        screen.put("┌" + rule + "┐", x: area.x, y: area.y, style: style)
        for y in area.y + 1..<area.maxY - 1 {
            screen.put("│", x: area.x, y: y, style: style)
            screen.put("│", x: area.maxX - 1, y: y, style: style)
        }
        screen.put("└" + rule + "┘", x: area.x, y: area.maxY - 1, style: style)
        // The title sits after "┌─" and keeps "─┐" visible, with a space either side.
        if let title, !title.isEmpty, area.width >= 7 {
            let text = truncate(title, toWidth: area.width - 6)
            screen.put(" \(text) ", x: area.x + 2, y: area.y, style: titleStyle)
        }
    }
}
