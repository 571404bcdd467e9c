import ChannelModel
import TerminalUI

/// Pane 3: the tier ladder with counts, and the proposals with the numbers behind each.
enum TiersPane {
    static func render(_ screen: inout Screen, _ area: Rect, list: ListState, focused: Bool, data: ConsoleData) {
        guard area.height > 0 else { return }
        let policy = data.programme.policy
        var current: [String: Int] = [:], qualified: [String: Int] = [:]
        for standing in data.standings {
            current[standing.currentTier, default: 0] += 1
            qualified[standing.qualifiedTier, default: 0] += 1
        }
        let ladderRows = policy.tiers.map { tier -> [Span] in
            [Span(tier.name, style: Theme.tier(tier.name, policy: policy)),
             Span(tier.minTrailingSourcedARR.wholeUnits), Span("\(tier.minCertifiedStaff)"),
             Span(Format.percent(tier.referralCommission) + " / " + Format.percent(tier.resellerDiscount)),
             Span("\(current[tier.name] ?? 0)"), Span("\(qualified[tier.name] ?? 0)")]
        }
        let ladder = Table(columns: [.min("Tier", 10), .fixed("Min ARR", 10, alignment: .right), .fixed("Staff", 5, alignment: .right),
                                     .fixed("Comm / disc", 11, alignment: .right), .fixed("Now", 4, alignment: .right),
                                     .fixed("Qualify", 7, alignment: .right)],
                           rows: ladderRows)
        let ladderHeight = min(area.height, policy.tiers.count + 1)
        screen.render(ladder, in: Rect(x: area.x, y: area.y, width: min(area.width, 60), height: ladderHeight))

        let rows = PaneRows.visible(.tiers, list, data)
        let counts = Dictionary(grouping: data.standings, by: \.proposal).mapValues(\.count)
        let top = area.y + ladderHeight + 1
        guard top < area.maxY else { return }
        let summary: [Span] = [
            Span("Proposals as of \(data.asOf): ", style: .bold),
            Span("\(counts[.upgrade] ?? 0) upgrade", style: Theme.proposal(.upgrade)), Span(" · "),
            Span("\(counts[.downgrade] ?? 0) downgrade", style: Theme.proposal(.downgrade)), Span(" · "),
            Span("\(counts[.atRisk] ?? 0) at risk", style: Theme.proposal(.atRisk)),
            Span(" (inside the \(policy.tierGraceDays)-day grace)", style: Theme.dim),
        ]
        screen.put(Line(summary), x: area.x, y: top, maxWidth: area.width)
        let table = Table(columns: [.fixed("Proposal", 9), .fixed("ID", 7), .min("Partner", 14), .fixed("Now → qualifies", 21),
                                    .fixed("ARR 365d", 10, alignment: .right), .fixed("Staff", 5, alignment: .right)],
                          rowCount: rows.count, selected: focused ? list.selected : nil, offset: list.offset,
                          emptyText: "No proposals: every partner holds the tier it qualifies for.") { index in
            let standing = data.standings[rows[index]]
            return [Span(Format.label(standing.proposal.rawValue), style: Theme.proposal(standing.proposal)),
                    Span(standing.partnerId), Span(data.programme.partner(standing.partnerId)?.name ?? ""),
                    Span("\(standing.currentTier) → \(standing.qualifiedTier)"),
                    Span(standing.trailingSourcedARR.wholeUnits), Span("\(standing.certifiedStaff)")]
        }
        screen.render(table, in: Rect(x: area.x, y: top + 1, width: area.width, height: area.maxY - top - 1))
    }
}
