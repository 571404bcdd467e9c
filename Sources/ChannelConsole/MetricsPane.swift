import ChannelModel
import TerminalUI

/// Pane 4: the KPIs of DESIGN.md §3 for the chosen period (`[`/`]` move it by a quarter), each with
/// its last 8 quarters and the change against the previous one, so no figure is shown without context.
enum MetricsPane {
    /// One KPI: how to read it from a report, how to show it, and which way is good.
    struct Figure: Sendable {
        var name: String
        var value: @Sendable (MetricsReport) -> Double?
        var format: @Sendable (Double) -> String
        /// Whether a rise is good news (acquisition cost, concentration and breaches are better lower).
        var higherIsBetter: Bool
        /// Whether the figure is drawn over the quarters.
        var hasTrend = true
        /// How a change is shown, when not like the value (ratios change in percentage points).
        var deltaFormat: (@Sendable (Double) -> String)? = nil
    }

    static let figures: [Figure] = [
        Figure(name: "Partner-sourced ARR", value: { $0.partnerSourcedARR.units }, format: money, higherIsBetter: true),
        Figure(name: "Partner-influenced ARR", value: { $0.partnerInfluencedARR.units }, format: money, higherIsBetter: true),
        Figure(name: "Active partner rate", value: { $0.activePartnerRate }, format: { Format.percent($0) }, higherIsBetter: true,
               deltaFormat: { Format.points($0) }),
        Figure(name: "Top-5 concentration", value: { $0.top5Concentration }, format: { Format.percent($0) }, higherIsBetter: false,
               deltaFormat: { Format.points($0) }),
        Figure(name: "Programme investment", value: { $0.programmeInvestment.units }, format: money, higherIsBetter: false),
        Figure(name: "Partner acquisition cost", value: { $0.partnerAcquisitionCost }, format: { Format.decimal($0, places: 2) }, higherIsBetter: false),
        Figure(name: "Partner NPS", value: { $0.partnerNPS }, format: { Format.decimal($0) }, higherIsBetter: true),
        // Each quarter's queue as of its last day (DESIGN.md §3), so the queue has a history too.
        Figure(name: "Pending registrations", value: { Double($0.pendingRegistrations) }, format: { Format.decimal($0, places: 0) },
               higherIsBetter: false),
    ]

    @Sendable static func money(_ units: Double) -> String { Money(cents: Int64((units * 100).rounded())).grouped }

    /// Rows whose Enter opens the concentration drill-down.
    static func drillsToConcentration(_ row: Int) -> Bool { row == 0 || row == 3 }

    static func notes(_ report: MetricsReport, _ data: ConsoleData) -> [String] {
        let policy = data.programme.policy
        return [
            "won, sourced, closed in the period", "won with partner influence",
            "\(report.activePartners) of \(report.enrolledPartners) enrolled active in \(policy.activityWindowDays)d",
            "HHI \(Format.decimal(report.hhi, places: 0)) · Enter: drill down", "MDF, headcount, tooling, events",
            "investment per unit of sourced ARR", "\(report.npsResponses) partners responded",
            "\(report.slaBreaches) past the \(policy.approvalSLAHours)h SLA",
        ]
    }

    static func render(_ screen: inout Screen, _ area: Rect, list: ListState, focused: Bool, state: ConsoleState, data: ConsoleData) {
        guard area.height > 0 else { return }
        let report = data.metrics
        let compared = data.comparison.map { " · vs \($0.from)..\($0.to), like for like" } ?? ""
        screen.put(Line([Span("Period \(report.period.label)", style: .bold),
                         Span("  \(report.from) → \(report.to) · as of \(report.asOf)\(compared) · [ ] move a quarter", style: Theme.dim)])
                    .truncated(toWidth: area.width), x: area.x, y: area.y)
        let notes = self.notes(report, data)
        let wide = area.width >= 100
        var columns: [TableColumn] = [.fixed("Metric", 24), .fixed("Value", 14, alignment: .right), .fixed("8 qtrs", 8),
                                      .fixed("vs prev", 11, alignment: .right), .fixed("", 1)]
        if wide { columns.append(.min("", 10)) }
        let rows = PaneRows.visible(.metrics, in: state, data)
        let table = Table(columns: columns, rowCount: rows.count, selected: focused ? list.selected : nil, offset: 0,
                          emptyText: "No figure matches \"\(list.filter)\".") { row in
            let index = rows[row]
            guard index < figures.count else { return mdfCells(index - figures.count, data, wide: wide) }
            let figure = figures[index]
            let value = figure.value(report)
            var cells = [Span(figure.name), Span(value.map(figure.format) ?? "—", style: index == 0 ? .bold : .plain),
                         sparkline(figure, data.trend), change(figure, current: report, previous: previous(data)), Span("")]
            if wide { cells.append(Span(notes[index], style: Theme.dim)) }
            return cells
        }
        let tableHeight = min(area.height - 1, max(rows.count, 1) + 1)
        screen.render(table, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: tableHeight))

        var y = area.y + 1 + tableHeight
        let stats = data.enablement
        if y < area.maxY {
            screen.put(Line([Span("Enablement ", style: .bold),
                             Span("fully enabled partners \(Format.percent(stats.enabledActiveRate)) active (\(stats.enabledActive) of \(stats.enabledPartners))"),
                             Span(" · others \(Format.percent(stats.otherActiveRate)) (\(stats.otherActive) of \(stats.otherPartners))", style: Theme.dim)])
                        .truncated(toWidth: area.width), x: area.x, y: y)
            y += 1
        }
        if y < area.maxY {
            let concentration = data.concentration
            screen.put(Line([Span("Concentration ", style: .bold),
                             Span(concentration.summary, style: risk(concentration.risk))]).truncated(toWidth: area.width), x: area.x, y: y)
            y += 2
        }
        guard y + 1 < area.maxY, !report.topPartners.isEmpty else { return }
        screen.put("Top partners by sourced ARR", x: area.x, y: y, style: .bold, maxWidth: area.width)
        let bars = report.topPartners.map { share in
            BarChart.Bar(label: share.name, value: Double(share.sourcedARR.cents),
                         valueText: pad(share.sourcedARR.wholeUnits, toWidth: 11, align: .right) + pad(Format.percent(share.share), toWidth: 7, align: .right))
        }
        screen.render(BarChart(bars: bars), in: Rect(x: area.x, y: y + 1, width: min(area.width, 100), height: min(bars.count, area.maxY - y - 1)))
    }

    static func risk(_ risk: ConcentrationReport.Risk) -> Style {
        switch risk {
        case .high: return Theme.error
        case .moderate: return Theme.sla(.due)
        case .low: return Theme.success
        }
    }

    /// The figure over the 8 quarters, scaled between its own low and high so negative NPS works too.
    static func sparkline(_ figure: Figure, _ trend: [MetricsReport]) -> Span {
        guard figure.hasTrend else { return Span("") }
        return sparkline(trend.map(figure.value))
    }

    /// What the period is compared with: the same days of the previous quarter for a quarter to date,
    /// else the previous quarter of the trend.
    static func previous(_ data: ConsoleData) -> MetricsReport? {
        data.comparison ?? (data.trend.count >= 2 ? data.trend[data.trend.count - 2] : nil)
    }

    /// "▲ 81,000.00" (ratios: "▲ 2.1 pts") against the previous period, green when it is good news.
    static func change(_ figure: Figure, current: MetricsReport, previous: MetricsReport?) -> Span {
        guard let previous, let last = figure.value(current), let previous = figure.value(previous) else { return Span("") }
        let delta = last - previous
        guard delta != 0 else { return Span("=", style: Theme.dim) }
        let good = (delta > 0) == figure.higherIsBetter
        let magnitude = (figure.deltaFormat ?? figure.format)(abs(delta))
        let compact = magnitude.count > 8 ? Money(cents: Int64((abs(delta) * 100).rounded())).compact : magnitude
        return Span((delta > 0 ? "▲ " : "▼ ") + compact, style: good ? Theme.success : Theme.error)
    }
}
