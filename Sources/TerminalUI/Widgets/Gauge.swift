/// A one-line progress bar with a label after it: `█████▌░░░░ 55%`. The bar is drawn in eighths of a
/// cell so small changes are visible; the label defaults to the rounded percentage.
public struct Gauge: Widget, Sendable, Hashable {
    /// Progress from 0 to 1 (clamped).
    public var ratio: Double
    public var label: String?
    public var filledStyle: Style
    public var trackStyle: Style
    public var labelStyle: Style

    public init(ratio: Double, label: String? = nil, filledStyle: Style = .plain, trackStyle: Style = .dim,
                labelStyle: Style = .plain) {
        self.ratio = ratio
        self.label = label
        self.filledStyle = filledStyle
        self.trackStyle = trackStyle
        self.labelStyle = labelStyle
    }

    private var clamped: Double { ratio.isNaN ? 0 : min(1, max(0, ratio)) }

    public var text: String { label ?? "\(Int((clamped * 100).rounded()))%" }

    public func render(into screen: inout Screen, area: Rect) {
        guard !area.isEmpty else { return }
        let line = area.row(0)
        screen.fill(line, style: .plain)
        let labelWidth = displayWidth(text)
        let barWidth = line.width - labelWidth - 1
        guard barWidth > 0 else {
            screen.put(text, x: line.x, y: line.y, style: labelStyle, maxWidth: line.width)
            return
        }
        let eighths = Int((clamped * Double(barWidth * 8)).rounded())
        let filled = screen.put(Eighths.bar(eighths), x: line.x, y: line.y, style: filledStyle)
        screen.put(String(repeating: "░", count: barWidth - filled), x: line.x + filled, y: line.y, style: trackStyle)
        screen.put(text, x: line.x + barWidth + 1, y: line.y, style: labelStyle)
    }
}
