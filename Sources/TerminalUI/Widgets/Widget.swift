/// Something that draws itself into a rectangle of a `Screen`. Widgets are plain values and rendering is
/// pure: the same widget, screen and area always give the same cells, so views are testable as text.
public protocol Widget {
    func render(into screen: inout Screen, area: Rect)
}

extension Screen {
    /// Renders `widget` into `area` (the whole screen by default).
    public mutating func render(_ widget: some Widget, in area: Rect? = nil) {
        widget.render(into: &self, area: area ?? self.area)
    }
}

/// Bar glyphs in eighths of a cell, shared by `BarChart` and `Gauge`.
enum Eighths {
    static let partial = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"]

    /// A horizontal bar `eighths` eighths of a cell long, e.g. 12 → "█▌".
    static func bar(_ eighths: Int) -> String {
        let e = max(0, eighths)
        return String(repeating: "█", count: e / 8) + partial[e % 8]
    }
}
