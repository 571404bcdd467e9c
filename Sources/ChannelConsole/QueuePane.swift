import ChannelModel
import TerminalUI

/// Pane 1: registrations waiting for a decision, most urgent first, with SLA age and conflicts.
enum QueuePane {
    static func render(_ screen: inout Screen, _ area: Rect, list: ListState, focused: Bool, state: ConsoleState, data: ConsoleData) {
        guard area.height > 0 else { return }
        let rows = PaneRows.visible(.queue, in: state, data)
        // Kept current by the data (counting 15k rows per frame would copy every row); the queue's own
        // figures, not the Metrics pane's, which may be of another period's last day.
        // A filter narrows the counts too: "40 of 15,234 waiting · 3 past the SLA" are the matching rows'.
        // The "mine" view narrows like a filter: the counts are of the rows shown.
        let filtered = !list.filter.isEmpty || state.mineOnly
        let breaches = filtered ? rows.count(where: { data.queue[$0].sla == .breached }) : data.activity.queue?.breaches ?? 0
        let paused = filtered ? rows.count(where: { data.queue[$0].sla == .paused }) : data.activity.queue?.infoRequested ?? 0
        var summary: [Span] = [Span(filtered ? "\(rows.count) of \(data.waiting) waiting" : "\(data.waiting) waiting", style: .bold)]
        summary.append(Span(" · "))
        summary.append(Span("\(breaches) past the \(data.programme.policy.approvalSLAHours)h SLA", style: breaches > 0 ? Theme.sla(.breached) : Theme.dim))
        if paused > 0 { summary.append(Span(" · \(paused) waiting on the partner", style: Theme.dim)) }
        if !state.marked.isEmpty { summary.append(Span(" · \(state.marked.count) marked", style: Theme.marked)) }
        if let column = list.sortColumn {
            summary.append(Span(" · sorted by \(PaneRows.sortColumns(.queue)[column].name) \(list.sortDescending ? "↓" : "↑")", style: Theme.key))
        }
        if let mine = MineView.summary(state) { summary.append(mine) }
        // Only the queue's first rows are built yet: a filter, a sort or the end of the list sees only them.
        if let head = data.queueHead { summary.append(Span(" · the first \(min(head, data.queue.count)) shown, gathering the rest…", style: Theme.dim)) }
        if !list.filter.isEmpty { summary.append(Span(" · matching \"\(list.filter)\"", style: Theme.key)) }
        screen.put(Line(summary), x: area.x, y: area.y, maxWidth: area.width)

        let programme = data.programme
        // SLA time left, coloured by the one SLA rule, comes first. Narrow panes (the grid's, 80×24) keep
        // the domain — what conflicts are made of — and leave the age and the prospect's name to the detail.
        let wide = area.width >= 100
        var columns: [TableColumn] = [.fixed("Left", 6, alignment: .right)] + (wide ? [.fixed("Age", 4, alignment: .right)] : [])
            + [.fixed("Reg", 9), .min("Partner", 16), .fixed("Tier", 12)]
        if wide { columns.append(.min("Prospect", 10)) }
        columns += [.min("Domain", wide ? 12 : 10), .fixed("Est. ACV", 9, alignment: .right), .fixed("Conflict", wide ? 17 : 10)]
        // A registration another member decided while it was under the cursor stays drawn there, marked.
        let ghost = HeldRow.ghost(state).map { (row: $0, at: list.selected) }
        func queueRow(_ index: Int) -> QueueRow? {
            if let ghost, index >= ghost.at { return index == ghost.at ? nil : data.queue[rows[index - 1]] }
            return data.queue[rows[index]]
        }
        let table = Table(
            columns: columns,
            rowCount: rows.count + (ghost == nil ? 0 : 1), selected: focused ? list.selected : nil, offset: list.offset,
            isMarked: { queueRow($0).map { state.marked.contains($0.id) } ?? false }, markSymbol: "✔", markStyle: Theme.marked,
            emptyText: state.mineOnly ? MineView.emptyText(state, filter: list.filter)
                : list.filter.isEmpty ? "The queue is empty — every registration has a decision." : "No registration matches \"\(list.filter)\"."
        ) { index in
            guard let row = queueRow(index) else { return heldCells(ghost!.row, state.held!, wide: wide, data) }
            let registration = data.registration(at: row)
            let partner = programme.partner(row.partnerID)
            // The tier as of the day, from the model's item (a later tier change has not happened yet).
            let tier = row.item.tier
            var cells = [Span(Format.timeLeft(row.item.slaSecondsLeft), style: Theme.sla(row.sla))]
            if wide { cells.append(Span(Format.age(row.age), style: Theme.dim)) }
            cells += [
                Span(row.id),
                Span(partner?.name ?? row.partnerID, style: partner?.status.isEnrolled == false ? Theme.dim : .plain),
                Span((row.priority ? "★ " : "  ") + tier, style: Theme.tier(tier, policy: programme.policy)),
            ]
            if wide { cells.append(Span(registration.prospectCompany)) }
            return cells + [Span(row.domain, style: Theme.dim), Span(registration.estimatedACV.wholeUnits),
                            Format.conflicts(row.conflicts, narrow: !wide)]
        }
        screen.render(table, in: Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1))
    }
}

extension QueuePane {
    /// The held row: who changed it in place of the partner's name (the widest column, so it reads in
    /// the grid's narrow pane too), the rest dimmed — it is no longer the queue's, only kept under the cursor.
    static func heldCells(_ row: QueueRow, _ held: HeldRegistration, wide: Bool, _ data: ConsoleData) -> [Span] {
        let registration = data.registration(at: row)
        var cells = [Span("⚑", style: Theme.marked)] + (wide ? [Span("")] : [])
        cells += [Span(row.id, style: Theme.dim), Span(held.mark, style: Theme.marked), Span("  " + row.item.tier, style: Theme.dim)]
        if wide { cells.append(Span(registration.prospectCompany, style: Theme.dim)) }
        return cells + [Span(row.domain, style: Theme.dim), Span(registration.estimatedACV.wholeUnits, style: Theme.dim), Span("")]
    }
}

extension Money {
    /// "125,340" — whole currency units, grouped: dense tables do not need cents.
    var wholeUnits: String {
        let rounded = (cents + (cents >= 0 ? 50 : -50)) / 100
        return (rounded < 0 ? "-" : "") + Money.group(rounded.magnitude)
    }
}
