import ChannelModel
import TerminalUI

/// Pane 3: the tier ladder — every enrolled partner under its tier, how far it is from the next rung
/// and from the end of its grace, with the proposals `t` applies.
enum TiersPane {
    static func render(_ screen: inout Screen, _ area: Rect, list: ListState, focused: Bool, state: ConsoleState, data: ConsoleData) {
        guard area.height > 0 else { return }
        let policy = data.programme.policy
        let rows = PaneRows.visible(.tiers, in: state, data)
        // The ladder's counts are of the rows shown: a filter (`region:emea`) narrows them too.
        let shown = list.filter.isEmpty ? data.standings : rows.map { data.standings[data.ladder[$0].standing] }
        var current: [String: Int] = [:], qualified: [String: Int] = [:]
        for standing in shown {
            current[standing.currentTier, default: 0] += 1
            qualified[standing.qualifiedTier, default: 0] += 1
        }
        var ladder: [Span] = [Span("Ladder ", style: .bold)]
        for tier in policy.tiers {
            ladder.append(Span(tier.name, style: Theme.tier(tier.name, policy: policy)))
            ladder.append(Span(" \(current[tier.name] ?? 0)→\(qualified[tier.name] ?? 0)  ", style: Theme.dim))
        }
        screen.put(Line(ladder), x: area.x, y: area.y, maxWidth: area.width)
        let counts = Dictionary(grouping: shown, by: \.proposal).mapValues(\.count)
        var summary: [Span] = [
            Span("Proposals as of \(data.asOf): ", style: .bold),
            Span("\(counts[.upgrade] ?? 0) upgrade", style: Theme.proposal(.upgrade)), Span(" · "),
            Span("\(counts[.downgrade] ?? 0) downgrade", style: Theme.proposal(.downgrade)), Span(" · "),
            Span("\(counts[.atRisk] ?? 0) at risk", style: Theme.proposal(.atRisk)),
            Span(" (\(policy.tierGraceDays)d grace)", style: Theme.dim),
        ]
        if let column = list.sortColumn {
            summary.append(Span(" · sorted by \(PaneRows.sortColumns(.tiers)[column].name) \(list.sortDescending ? "↓" : "↑")", style: Theme.key))
        }
        if !list.filter.isEmpty { summary.append(Span(" · \(rows.count) match \"\(list.filter)\"", style: Theme.key)) }
        screen.put(Line(summary).truncated(toWidth: area.width), x: area.x, y: area.y + 1)

        let wide = area.width >= 110
        // Narrow, the id and the staff count go (the detail has one, the distance says the other) so the
        // partner's name keeps 16 cells and the grace date its year.
        let columns: [TableColumn] = [.fixed("Tier", 10)] + (wide ? [.fixed("ID", 7)] : []) + [.min("Partner", 16),
                                      .fixed("ARR 365d", wide ? 10 : 9, alignment: .right)] + (wide ? [.fixed("Staff", 5, alignment: .right)] : [])
                                      + [.fixed("Distance", wide ? 30 : 16), .fixed("Proposal", wide ? 22 : 12), .fixed("Grace ends", 10)]
        let table = Table(columns: columns, rowCount: rows.count, selected: focused ? list.selected : nil, offset: list.offset,
                          emptyText: "No partner matches \"\(list.filter)\".") { index in
            let row = data.ladder[rows[index]]
            let standing = data.standings[row.standing]
            let gap = Self.distanceText(row.distance, wide: wide)
            // Narrow: the arrow says which way, the tier where to ("▼ registered").
            let arrow = [TierProposal.upgrade: "▲", .downgrade: "▼", .atRisk: "!"][standing.proposal] ?? ""
            let proposal = standing.proposal == .hold ? "hold"
                : wide ? "\(Format.label(standing.proposal.rawValue)) → \(standing.qualifiedTier)" : "\(arrow) \(standing.qualifiedTier)"
            var cells = [Span(standing.currentTier, style: Theme.tier(standing.currentTier, policy: policy))]
                + (wide ? [Span(standing.partnerId)] : []) + [Span(data.programme.partner(standing.partnerId)?.name ?? ""),
                         Span(standing.trailingSourcedARR.wholeUnits)] + (wide ? [Span("\(standing.certifiedStaff)")] : []) + [
                         Span(gap, style: row.distance.goal == .keep ? Theme.proposal(standing.proposal)
                                        : row.distance.isMet && row.distance.goal == .reach ? Theme.success : Theme.dim),
                         Span(proposal, style: Theme.proposal(standing.proposal))]
            cells.append(Span(row.graceEnds?.description ?? "", style: Theme.proposal(.atRisk)))
            return cells
        }
        screen.render(table, in: Rect(x: area.x, y: area.y + 2, width: area.width, height: area.height - 2))
    }

    /// Wide: "+1,227 ARR to keep silver", "+2 staff to gold", "qualifies for gold", "top tier". Narrow,
    /// beside a proposal column that already names the tier: "keep +1.2k +2 staff", "+42k +2 staff".
    static func distanceText(_ distance: TierDistance, wide: Bool) -> String {
        if distance.goal == .top { return "top tier" }
        let keep = distance.goal == .keep
        if distance.isMet { return keep ? "meets \(distance.tier)" : wide ? "qualifies for \(distance.tier)" : "qualifies" }
        let parts: [String] = (distance.arr.cents > 0 ? ["+\(wide ? distance.arr.wholeUnits + " ARR" : distance.arr.compact)"] : [])
            + (distance.staff > 0 ? ["+\(distance.staff) staff"] : [])
        guard wide else { return (keep ? "keep " : "") + parts.joined(separator: " ") }
        return parts.joined(separator: ", ") + (keep ? " to keep " : " to ") + distance.tier
    }
}
