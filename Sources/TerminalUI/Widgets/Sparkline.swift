/// A compact trend line (▁▂▃▄▅▆▇█) for a series. Every present value shows at least ▁, so a zero is
/// still visible, while a missing (nil) value is a space. When the series is longer than the area the
/// most recent values (the end of the array) are shown. Taller areas stack the bar in eighths.
public struct Sparkline: Widget, Sendable, Hashable {
    public static let levels = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]

    public var values: [Double?]
    /// The value of a full-height bar; the largest value when nil.
    public var maximum: Double?
    public var style: Style

    public init(values: [Double?], maximum: Double? = nil, style: Style = .plain) {
        self.values = values
        self.maximum = maximum
        self.style = style
    }

    public init(_ values: [Double], maximum: Double? = nil, style: Style = .plain) {
        self.init(values: values.map { $0 }, maximum: maximum, style: style)
    }

    public func render(into screen: inout Screen, area: Rect) {
        guard !area.isEmpty else { return }
        let shown = values.suffix(area.width)
        let top = maximum ?? shown.compactMap { $0 }.max() ?? 0
        let steps = area.height * 8
        for (column, value) in shown.enumerated() {
            let x = area.x + column
            // Eighths of the whole height, from 1 (▁ at the bottom) to all of them.
            let eighths: Int = value.map { v in
                let ratio = top > 0 ? min(1, max(0, v / top)) : 0
                return 1 + Int((ratio * Double(steps - 1)).rounded())
            } ?? 0
            for row in 0..<area.height {
                let level = min(8, max(0, eighths - row * 8))
                let glyph = level == 0 ? " " : Self.levels[level - 1]
                screen.put(glyph, x: x, y: area.maxY - 1 - row, style: style)
            }
        }
    }
}
