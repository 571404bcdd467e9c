import ChannelModel
import TerminalUI

/// Pane 5: the MDF queue — claims to settle, requests to pre-approve, requests waiting on the partner —
/// then the approvals still waiting for a claim, each with the partner's remaining balance as a gauge.
enum FundsPane {
    static func render(_ screen: inout Screen, _ area: Rect, list: ListState, focused: Bool, state: ConsoleState, data: ConsoleData) {
        guard area.height > 0 else { return }
        let funds = data.funds
        let rows = PaneRows.visible(.funds, in: state, data)
        var summary: [Span] = [Span("\(funds.queued) in the MDF queue", style: .bold), Span(" · \(funds.claims) claims to settle · ")]
        summary.append(Span("\(funds.breaches) past the \(data.programme.mdfPolicy.approvalDays)-day window",
                            style: funds.breaches > 0 ? Theme.sla(.breached) : Theme.dim))
        summary.append(Span(" · \(funds.rows.count - funds.queued) approved awaiting claim", style: Theme.dim))
        if !list.filter.isEmpty { summary.append(Span(" · \(rows.count) match \"\(list.filter)\"", style: Theme.key)) }
        screen.put(Line(summary), x: area.x, y: area.y, maxWidth: area.width)

        // Narrow panes keep the money and the balance; tier, activity, dates and proof are in the detail
        // (activity and proof need 140 columns, so a partner's name keeps 16 at 120).
        let wide = area.width >= 118
        // Narrow, the money columns and the gauge give up a few cells so a partner's name keeps 16.
        let money = wide ? 9 : 8
        var columns: [TableColumn] = [.fixed("Age", 4, alignment: .right), .fixed("Request", 8), .fixed("Stage", 8), .min("Partner", 16)]
        let proof = area.width >= 140
        if wide { columns += [.fixed("Tier", 10)] + (proof ? [.fixed("Activity", 8)] : []) + [.fixed("Dates", 16)] }
        columns += [.fixed(wide ? "Requested" : "Asked", money, alignment: .right), .fixed("Approved", money, alignment: .right),
                    .fixed("Claimed", money, alignment: .right), .fixed("Balance", wide ? 14 : 11)]
        if proof { columns.append(.min("Proof", 6)) }
        let table = Table(
            columns: columns, rowCount: rows.count, selected: focused ? list.selected : nil, offset: list.offset,
            emptyText: list.filter.isEmpty ? "No MDF request waits for a decision, a claim or a payment." : "No MDF request matches \"\(list.filter)\"."
        ) { index in
            let row = funds.rows[rows[index]]
            let request = row.request
            let approved = row.status == .claimed || row.status == .approved ? request.approvedAmount : nil
            let claimed = row.status == .claimed ? request.claimedAmount : nil
            var cells = [age(row, data), Span(request.id), stage(row.status), Span(row.partnerName)]
            if wide {
                cells += [Span(row.tier, style: Theme.tier(row.tier, policy: data.programme.policy))] + (proof ? [Span(request.activity.rawValue)] : []) + [
                          Span("\(request.startsOn)→\(request.startsOn.year == request.endsOn.year ? short(request.endsOn) : request.endsOn.description)",
                               style: Theme.dim)]
            }
            cells += [Span(request.requestedAmount.wholeUnits), Span(approved?.wholeUnits ?? "—", style: approved == nil ? Theme.dim : .plain),
                      Span(claimed?.wholeUnits ?? "—", style: claimed == nil ? Theme.dim : .plain), gauge(row.balance, width: wide ? 5 : 3)]
            if proof { cells.append(Span(request.proof.isEmpty ? "—" : request.proof, style: Theme.dim)) }
            return cells
        }
        screen.render(table, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1))
    }

    /// How long the row has waited; red once `MDFRules.isBreached` says the approval window has passed.
    static func age(_ row: FundsRow, _ data: ConsoleData) -> Span {
        guard row.status != .infoRequested else { return Span("info", style: Theme.sla(.paused)) }
        let text = Format.age(max(0, data.when.instant.seconds - row.waitingSince.seconds))
        return Span(text, style: row.breached ? Theme.sla(.breached) : row.status == .approved ? Theme.dim : .plain)
    }

    static func stage(_ status: MDFStatus) -> Span {
        switch status {
        case .claimed: return Span("claim", style: Style(foreground: .cyan))
        case .submitted: return Span("request")
        case .infoRequested: return Span("info", style: Theme.dim)
        case .approved: return Span("approved", style: Theme.success)
        default: return Span(Format.label(status.rawValue), style: Theme.dim)
        }
    }

    /// "███░░ 4,795": what is left of the year's allocation, as a share of it and in money.
    static func gauge(_ balance: MDFBalance?, width: Int) -> Span {
        guard let balance else { return Span("not enrolled", style: Theme.dim) }
        let left = balance.balance
        let share = balance.allocation.cents > 0 ? max(0, min(1, Double(left.cents) / Double(balance.allocation.cents))) : 0
        let filled = Int((share * Double(width)).rounded())
        let style = left.cents <= 0 ? Theme.error : share < 0.25 ? Theme.sla(.due) : Style(foreground: .cyan)
        return Span(String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + " " + left.wholeUnits, style: style)
    }

    /// "07-13": the end of a range that starts in the same year, which the start shows.
    static func short(_ day: Day) -> String { String(day.description.dropFirst(5)) }
}
