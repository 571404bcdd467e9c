import ChannelModel
import TerminalUI

/// Pane 4: the KPIs of DESIGN.md §3 for the chosen period (`[`/`]` move it by a quarter).
enum MetricsPane {
    static let figures = ["Partner-sourced ARR", "Partner-influenced ARR", "Active partner rate", "Top-5 concentration",
                          "Programme investment", "Partner acquisition cost", "Partner NPS", "Pending registrations"]

    static func values(_ report: MetricsReport, policy: Policy) -> [(value: String, note: String, style: Style)] {
        let concentrationStyle = report.top5Concentration >= 0.6 ? Theme.error : report.top5Concentration >= 0.4 ? Theme.sla(.due) : Theme.success
        return [
            (report.partnerSourcedARR.grouped, "won, sourced, closed in the period", .bold),
            (report.partnerInfluencedARR.grouped, "won with partner influence", .plain),
            (Format.percent(report.activePartnerRate), "\(report.activePartners) of \(report.enrolledPartners) enrolled active in \(policy.activityWindowDays) days", .plain),
            (Format.percent(report.top5Concentration), "HHI \(Format.decimal(report.hhi, places: 0))", concentrationStyle),
            (report.programmeInvestment.grouped, "MDF, headcount, tooling, events", .plain),
            (report.partnerAcquisitionCost.map { Format.decimal($0, places: 2) } ?? "—", "investment per unit of sourced ARR", .plain),
            (report.partnerNPS.map { Format.decimal($0) } ?? "—", "\(report.npsResponses) partners responded",
             report.partnerNPS.map { $0 >= 30 ? Theme.success : $0 < 0 ? Theme.error : .plain } ?? .plain),
            ("\(report.pendingRegistrations)", "\(report.slaBreaches) past the \(policy.approvalSLAHours)h SLA",
             report.slaBreaches > 0 ? Theme.sla(.breached) : .plain),
        ]
    }

    static func render(_ screen: inout Screen, _ area: Rect, list: ListState, focused: Bool, state: ConsoleState, data: ConsoleData) {
        guard area.height > 0 else { return }
        let report = data.metrics
        screen.put(Line([Span("Period \(report.period.label)", style: .bold), Span("  \(report.from) → \(report.to) · as of \(report.asOf)", style: Theme.dim)]),
                   x: area.x, y: area.y, maxWidth: area.width)
        let values = self.values(report, policy: data.programme.policy)
        let table = Table(columns: [.fixed("Metric", 24), .fixed("Value", 14, alignment: .right), .min("", 10)],
                          rowCount: figures.count, selected: focused ? list.selected : nil, offset: 0) { index in
            [Span(figures[index]), Span(values[index].value, style: values[index].style), Span(values[index].note, style: Theme.dim)]
        }
        let tableHeight = min(area.height - 1, figures.count + 1)
        screen.render(table, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: tableHeight))

        let chartTop = area.y + 1 + tableHeight + 1
        guard chartTop + 1 < area.maxY, !report.topPartners.isEmpty else { return }
        screen.put("Top partners by sourced ARR", x: area.x, y: chartTop, style: .bold, maxWidth: area.width)
        let bars = report.topPartners.map { share in
            BarChart.Bar(label: share.name, value: Double(share.sourcedARR.cents),
                         valueText: "\(share.sourcedARR.wholeUnits)  \(Format.percent(share.share))")
        }
        screen.render(BarChart(bars: bars), in: Rect(x: area.x, y: chartTop + 1, width: min(area.width, 100), height: min(bars.count, area.maxY - chartTop - 1)))
    }
}
