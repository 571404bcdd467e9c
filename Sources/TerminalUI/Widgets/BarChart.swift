/// Horizontal bars, one per row: `label  ████▌     value`. Bars are drawn in eighths of a cell
/// (▏▎▍▌▋▊▉█) and scaled to the largest value (or to `maximum`).
public struct BarChart: Widget, Sendable, Hashable {
    /// One bar. `valueText` overrides the formatted value; `style` overrides the chart's bar style.
    public struct Bar: Sendable, Hashable {
        public var label: String
        public var value: Double
        public var valueText: String?
        public var style: Style?

        public init(label: String, value: Double, valueText: String? = nil, style: Style? = nil) {
            self.label = label
            self.value = value
            self.valueText = valueText
            self.style = style
        }
    }

    public var bars: [Bar]
    /// The value of a full-width bar; the largest value when nil.
    public var maximum: Double?
    public var barStyle: Style
    public var labelStyle: Style
    public var valueStyle: Style

    public init(bars: [Bar], maximum: Double? = nil, barStyle: Style = .plain, labelStyle: Style = .plain,
                valueStyle: Style = .plain) {
        self.bars = bars
        self.maximum = maximum
        self.barStyle = barStyle
        self.labelStyle = labelStyle
        self.valueStyle = valueStyle
    }

    public func render(into screen: inout Screen, area: Rect) {
        guard !area.isEmpty, !bars.isEmpty else { return }
        // Labels get at most a third of the width so the bars stay readable.
        let labelWidth = min(bars.map { displayWidth($0.label) }.max()!, area.width / 3)
        let values = bars.map { $0.valueText ?? Self.format($0.value) }
        let valueWidth = values.map(displayWidth).max()!
        let barWidth = area.width - labelWidth - valueWidth - 2
        let top = maximum ?? bars.map(\.value).max()!
        for (row, bar) in bars.prefix(area.height).enumerated() {
            let y = area.y + row
            screen.fill(area.row(row), style: .plain)
            var x = area.x
            if labelWidth > 0 {
                screen.put(pad(bar.label, toWidth: labelWidth), x: x, y: y, style: labelStyle)
                x += labelWidth + 1
            }
            guard barWidth > 0 else { continue }
            let ratio = top > 0 ? min(1, max(0, bar.value / top)) : 0
            let eighths = Int((ratio * Double(barWidth * 8)).rounded())
            screen.put(Eighths.bar(eighths), x: x, y: y, style: bar.style ?? barStyle)
            x += barWidth + 1
            screen.put(pad(values[row], toWidth: valueWidth, align: .right), x: x, y: y, style: valueStyle)
        }
    }

    /// Whole numbers without a decimal point, others to one decimal place.
    static func format(_ value: Double) -> String {
        guard value.isFinite else { return String(value) }
        let rounded = (value * 10).rounded() / 10
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }
}
