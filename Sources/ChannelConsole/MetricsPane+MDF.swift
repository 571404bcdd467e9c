import ChannelModel
import TerminalUI

// The Metrics pane's MDF lines: utilisation and ROI of DESIGN §8 (`MDFRules.figures`), with their 8
// quarters and the change against the previous quarter, like every other figure.
extension MetricsPane {
    /// One MDF figure: read from `MDFFigures`, which the metrics report does not carry.
    struct MDFFigure: Sendable {
        var name: String
        var value: @Sendable (MDFFigures) -> Double?
        var format: @Sendable (Double) -> String
        var deltaFormat: @Sendable (Double) -> String
        var note: @Sendable (MDFFigures) -> String
    }

    static let mdfFigures: [MDFFigure] = [
        MDFFigure(name: "MDF utilisation", value: { $0.utilisation }, format: { Format.percent($0) }, deltaFormat: { Format.points($0) },
                  note: { "(committed \($0.committed.compact) + spent \($0.spent.compact)) of \($0.allocated.compact) allocated" }),
        MDFFigure(name: "MDF ROI", value: { $0.roi }, format: { Format.decimal($0, places: 2) + "×" }, deltaFormat: { Format.decimal($0, places: 2) },
                  note: { "sourced ARR \($0.sourcedARR.compact) from MDF wins / \($0.paid.compact) paid" }),
    ]

    /// Rows of the pane's table: the KPIs, then the MDF figures.
    static var rowCount: Int { figures.count + mdfFigures.count }

    /// The name of table row `index`, which `/` filters by.
    static func rowName(_ index: Int) -> String { index < figures.count ? figures[index].name : mdfFigures[index - figures.count].name }

    static func mdfCells(_ index: Int, _ data: ConsoleData, wide: Bool) -> [Span] {
        let figure = mdfFigures[index]
        let current = data.funds.figures
        let value = current.flatMap(figure.value)
        let trend = data.funds.trend
        let previous = trend.count >= 2 ? trend[trend.count - 2] : nil
        var cells = [Span(figure.name), Span(value.map(figure.format) ?? "—"), sparkline(trend.map(figure.value)),
                     change(value, previous.flatMap(figure.value), higherIsBetter: true, format: figure.deltaFormat), Span("")]
        if wide { cells.append(Span(current.map(figure.note) ?? "", style: Theme.dim)) }
        return cells
    }

    /// A series over the quarters, scaled between its own low and high (so negative NPS works too).
    static func sparkline(_ values: [Double?]) -> Span {
        let known = values.compactMap { $0 }
        guard let low = known.min(), let high = known.max() else { return Span("") }
        let text = values.map { value -> String in
            guard let value else { return " " }
            // A constant series is drawn flat: at the floor when it is all zero, mid-height otherwise.
            let level = high == low ? (high == 0 ? 0 : 3) : Int(((value - low) / (high - low) * 7).rounded())
            return Sparkline.levels[max(0, min(7, level))]
        }.joined()
        return Span(text, style: Style(foreground: .cyan))
    }

    static func change(_ last: Double?, _ previous: Double?, higherIsBetter: Bool, format: (Double) -> String) -> Span {
        guard let last, let previous else { return Span("") }
        let delta = last - previous
        guard delta != 0 else { return Span("=", style: Theme.dim) }
        let good = (delta > 0) == higherIsBetter
        return Span((delta > 0 ? "▲ " : "▼ ") + format(abs(delta)), style: good ? Theme.success : Theme.error)
    }
}
