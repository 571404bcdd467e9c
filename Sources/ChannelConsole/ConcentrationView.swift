import ChannelModel
import TerminalUI

/// Enter on concentration (or `:concentration`): partners ranked by sourced ARR with share and
/// cumulative share, a Pareto chart, the Lorenz curve with its Gini, and the risk in words.
enum ConcentrationView {
    static func render(_ screen: inout Screen, _ area: Rect, state: ConsoleState, data: ConsoleData) {
        let report = data.concentration
        let inner = area.inset(horizontal: 1, vertical: 0)
        screen.put(Line([Span("Concentration \(data.period.label)  ", style: .bold),
                         Span(report.summary, style: MetricsPane.risk(report.risk))]).truncated(toWidth: inner.width), x: inner.x, y: inner.y)
        screen.put(Line([Span("Top-5 \(Format.percent(report.top5Share)) · HHI \(Format.decimal(report.hhi, places: 0)) · "
                              + "Gini \(Format.decimal(report.gini, places: 3)) over \(report.population) partners · "
                              + "\(report.partnersFor80Percent) partner\(report.partnersFor80Percent == 1 ? "" : "s") make 80% of sourced ARR",
                              style: .plain),
                         Span("  [ ] quarter · Enter partner", style: Theme.dim)]).truncated(toWidth: inner.width), x: inner.x, y: inner.y + 1)
        let body = Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: max(0, inner.height - 3))
        let showsCharts = body.width >= 100 && body.height >= 14
        let columns = showsCharts ? split(body, .horizontal, [.percent(55), .min(1)]) : [body]
        let table = Table(columns: [.fixed("#", 3, alignment: .right), .fixed("ID", 7), .min("Partner", 12),
                                    .fixed("Sourced ARR", 12, alignment: .right), .fixed("Share", 6, alignment: .right),
                                    .fixed("Cum.", 6, alignment: .right)],
                          rowCount: report.ranking.count, selected: state.detailOffset, offset: 0,
                          emptyText: "No partner-sourced ARR in \(data.period.label).") { index in
            let rank = report.ranking[index]
            let inTop = rank.cumulativeShare <= 0.8 || index < report.partnersFor80Percent
            return [Span("\(index + 1)", style: Theme.dim), Span(rank.partnerId), Span(rank.name, style: index < 5 ? .bold : .plain),
                    Span(rank.sourcedARR.wholeUnits), Span(Format.percent(rank.share)),
                    Span(Format.percent(rank.cumulativeShare), style: inTop ? Theme.sla(.due) : Theme.dim)]
        }
        screen.render(table, in: columns[0])
        guard showsCharts else { return }
        let right = columns[1].inset(top: 0, left: 2, bottom: 0, right: 0)
        let halves = split(right, .vertical, [.percent(45), .min(1)])
        screen.put("Pareto: share of sourced ARR", x: halves[0].x, y: halves[0].y, style: .bold, maxWidth: halves[0].width)
        let bars = report.ranking.prefix(max(0, halves[0].height - 1)).map {
            BarChart.Bar(label: $0.name, value: $0.share, valueText: Format.percent($0.share))
        }
        screen.render(BarChart(bars: Array(bars), maximum: report.ranking.first?.share), in: halves[0].inset(top: 1, left: 0, bottom: 0, right: 0))
        lorenz(&screen, halves[1], report)
    }

    /// The Lorenz curve in braille dots over the line of equality: the further the curve sags below
    /// the diagonal, the more a few partners carry the programme.
    static func lorenz(_ screen: inout Screen, _ area: Rect, _ report: ConcentrationReport) {
        guard area.height >= 5, area.width >= 20 else { return }
        screen.put("Lorenz curve (Gini \(Format.decimal(report.gini, places: 3)))", x: area.x, y: area.y, style: .bold, maxWidth: area.width)
        let plot = Rect(x: area.x + 5, y: area.y + 1, width: min(area.width - 6, 2 * (area.height - 3)), height: area.height - 3)
        var canvas = BrailleCanvas(width: plot.width, height: plot.height)
        for dot in 0..<canvas.dotWidth { canvas.set(x: dot, y: canvas.dotHeight - 1 - dot * canvas.dotHeight / canvas.dotWidth, layer: 0) }
        var previous: Int?
        for dot in 0..<canvas.dotWidth {
            let share = Double(dot) / Double(canvas.dotWidth - 1)
            let y = Int(((1 - interpolate(report.lorenz, at: share)) * Double(canvas.dotHeight - 1)).rounded())
            // Join steep steps so the curve reads as a line, not scattered dots.
            for fill in min(y, previous ?? y)...max(y, previous ?? y) { canvas.set(x: dot, y: fill, layer: 1) }
            previous = y
        }
        canvas.draw(into: &screen, at: plot, styles: [Theme.dim, Style(foreground: .cyan, bold: true)])
        screen.put("100%", x: area.x, y: plot.y, style: Theme.dim)
        screen.put("  0%", x: area.x, y: plot.maxY - 1, style: Theme.dim)
        screen.put("partners, smallest first →", x: plot.x, y: plot.maxY, style: Theme.dim, maxWidth: area.maxX - plot.x)
    }

    static func interpolate(_ points: [ConcentrationReport.LorenzPoint], at share: Double) -> Double {
        guard let upper = points.firstIndex(where: { $0.partners >= share }), upper > 0 else { return points.first?.revenue ?? 0 }
        let a = points[upper - 1], b = points[upper]
        let t = b.partners == a.partners ? 1 : (share - a.partners) / (b.partners - a.partners)
        return a.revenue + t * (b.revenue - a.revenue)
    }
}

/// A grid of braille cells, 2×4 dots each (btop's trick for smooth curves in a terminal). A cell's
/// style is that of the highest layer drawn in it.
struct BrailleCanvas {
    let width: Int, height: Int
    private var bits: [UInt8]
    private var layers: [Int]
    var dotWidth: Int { width * 2 }
    var dotHeight: Int { height * 4 }

    init(width: Int, height: Int) {
        self.width = max(0, width)
        self.height = max(0, height)
        bits = Array(repeating: 0, count: self.width * self.height)
        layers = Array(repeating: -1, count: self.width * self.height)
    }

    mutating func set(x: Int, y: Int, layer: Int) {
        guard x >= 0, y >= 0, x < dotWidth, y < dotHeight else { return }
        let cell = (y / 4) * width + x / 2
        // Braille dot numbering: columns of 1,2,3,7 and 4,5,6,8.
        let masks: [[UInt8]] = [[0x01, 0x02, 0x04, 0x40], [0x08, 0x10, 0x20, 0x80]]
        bits[cell] |= masks[x % 2][y % 4]
        layers[cell] = max(layers[cell], layer)
    }

    func draw(into screen: inout Screen, at area: Rect, styles: [Style]) {
        for row in 0..<height {
            for column in 0..<width where bits[row * width + column] != 0 {
                let scalar = Unicode.Scalar(0x2800 + UInt32(bits[row * width + column]))!
                let layer = layers[row * width + column]
                screen.put(String(Character(scalar)), x: area.x + column, y: area.y + row, style: styles[min(layer, styles.count - 1)])
            }
        }
    }
}
