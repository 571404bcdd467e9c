import ChannelModel
import TerminalUI

/// Pane 2: every partner with the figures a manager sorts and filters by.
enum PartnersPane {
    static func render(_ screen: inout Screen, _ area: Rect, list: ListState, focused: Bool, state: ConsoleState, data: ConsoleData) {
        guard area.height > 0 else { return }
        let rows = PaneRows.visible(.partners, in: state, data)
        let programme = data.programme
        var summary: [Span] = [Span("\(programme.partners.count) partners", style: .bold),
                               Span(" · \(data.metrics.enrolledPartners) enrolled · \(data.metrics.activePartners) active", style: Theme.dim)]
        if let column = list.sortColumn {
            summary.append(Span(" · sorted by \(PaneRows.sortColumns(.partners)[column].name) \(list.sortDescending ? "↓" : "↑")", style: Theme.key))
        }
        if state.notEnabledOnly { summary.append(Span(" · \(rows.count) not fully enabled", style: Theme.key)) }
        if !list.filter.isEmpty { summary.append(Span(" · \(rows.count) match \"\(list.filter)\"", style: Theme.key)) }
        screen.put(Line(summary), x: area.x, y: area.y, maxWidth: area.width)

        let wide = area.width >= 110
        var columns: [TableColumn] = [.fixed("ID", 7), .min("Name", 14), .fixed("Type", wide ? 17 : 11), .fixed("Tier", 13)]
        if wide { columns += [.fixed("Region", 7), .fixed("Status", 10)] }
        columns += [.fixed("ARR 365d", 10, alignment: .right), .fixed("Open", 4, alignment: .right)]
        if wide { columns.append(.fixed("Last active", 11)) }
        columns += [.fixed("NPS", 3, alignment: .right), .fixed("Enabled", 7)]
        let table = Table(columns: columns, rowCount: rows.count, selected: focused ? list.selected : nil, offset: list.offset,
                          emptyText: "No partner matches \"\(list.filter)\".") { index in
            let row = data.partners[rows[index]]
            let partner = programme.partners[row.position]
            var cells: [Span] = [
                Span(partner.id), Span(partner.name, style: partner.status.isEnrolled ? .plain : Theme.dim),
                Span(Format.label(partner.type.rawValue)),
                Span(partner.tier + (row.proposal == .upgrade ? " ▲" : row.proposal == .downgrade ? " ▼" : row.proposal == .atRisk ? " !" : ""),
                     style: Theme.tier(partner.tier, policy: programme.policy)),
            ]
            if wide { cells += [Span(partner.region), Span(partner.status.rawValue, style: partner.status == .active ? .plain : Theme.dim)] }
            cells += [Span(row.trailingARR.wholeUnits), Span(row.openRegistrations == 0 ? "" : "\(row.openRegistrations)")]
            if wide { cells.append(Span(row.lastActivity.map(\.description) ?? "never", style: Theme.dim)) }
            cells.append(Span(row.nps.map(String.init) ?? "", style: row.nps.map { $0 >= 9 ? Theme.success : $0 <= 6 ? Theme.error : .plain } ?? .plain))
            let total = EnablementItem.allCases.count
            cells.append(Span(row.enabled == total ? "✔ \(total)/\(total)" : "  \(row.enabled)/\(total)",
                              style: row.enabled == total ? Theme.success : Theme.dim))
            return cells
        }
        screen.render(table, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1))
    }
}
