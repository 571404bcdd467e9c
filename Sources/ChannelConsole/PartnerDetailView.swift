import ChannelModel
import TerminalUI

/// Enter on a partner: profile and tier progress, registrations, deals, the commission ledger, NPS and
/// the audit trail, one section at a time (Tab / ← →).
enum PartnerDetailView {
    static func render(_ screen: inout Screen, _ area: Rect, id: String, state: ConsoleState, data: ConsoleData) {
        guard let rows = PartnerDetailRows.of(id, data, state.partnerView) else {
            if PartnerDetailRows.isGathering(id, data, state.partnerView) {
                let name = data.programme.partner(id)?.name ?? id
                let registrations = data.registrationsByPartner[id]?.count ?? 0, deals = data.dealsByPartner[id]?.count ?? 0
                screen.put(Line([Span(name, style: .bold), Span("  \(id)", style: Theme.dim)]).truncated(toWidth: area.width - 2),
                           x: area.x + 1, y: area.y)
                screen.put("Gathering \(registrations) registrations and \(deals) deals…",
                           x: area.x + 1, y: area.y + 2, style: Theme.dim, maxWidth: area.width - 2)
            } else {
                screen.put("Partner \(id) no longer exists.", x: area.x + 1, y: area.y + 1, style: Theme.error)
            }
            return
        }
        let profile = rows.profile, partner = profile.partner
        let inner = area.inset(horizontal: 1, vertical: 0)
        let body = self.body(area)
        screen.put(Line([Span(partner.name, style: .bold), Span("  \(partner.id) · \(Format.label(partner.type.rawValue)) · \(partner.region) · "
                                                                 + "\(partner.status.rawValue) since \(partner.joinedOn) · owner \(partner.owner)", style: Theme.dim)])
                    .truncated(toWidth: inner.width), x: inner.x, y: inner.y)
        var tabs: [Span] = []
        // Every section's tab stays visible: on a narrow screen the counts give way first.
        let counted = PartnerSection.allCases.reduce(0) { width, section in
            let count = rows.count(section)
            return width + displayWidth(" \(section.title)\(count > 0 ? " (\(count))" : "") ") + 1
        } <= inner.width
        for section in PartnerSection.allCases {
            let count = counted ? rows.count(section) : 0
            let title = " \(section.title)\(count > 0 ? " (\(count))" : "") "
            tabs.append(Span(title, style: section == state.partnerView.section ? Style.reverse.bolded() : Theme.dim))
            tabs.append(Span(" "))
        }
        screen.put(Line(tabs), x: inner.x, y: inner.y + 1, maxWidth: inner.width)
        let selected = state.partnerView.selected[state.partnerView.section] ?? 0
        switch state.partnerView.section {
        case .overview: overview(&screen, body, rows, data, offset: state.detailOffset)
        case .registrations:
            let wide = body.width >= 100
            var columns: [TableColumn] = [.fixed("ID", 9), .fixed("Submitted", 10), .fixed("Status", 14), .min("Prospect", 12)]
            if wide { columns.append(.min("Domain", 12)) }
            columns += [.fixed("Est. ACV", 10, alignment: .right), .fixed("Protected", 10)]
            let table = Table(columns: columns, rowCount: rows.registrations.count, selected: selected,
                              isMarked: { state.partnerView.marked.contains(rows.registrations[$0].id) }, markSymbol: "✔",
                              markStyle: Theme.marked, emptyText: "No registrations.") { index in
                let registration = rows.registrations[index]
                var cells = [Span(registration.id), Span(registration.submittedAt.day.description, style: Theme.dim),
                             Span(Format.label(registration.status.rawValue), style: Theme.status(registration.status)),
                             Span(registration.prospectCompany)]
                if wide { cells.append(Span(registration.registrableDomain, style: Theme.dim)) }
                return cells + [Span(registration.estimatedACV.wholeUnits), Span(registration.protectedUntil?.description ?? "", style: Theme.dim)]
            }
            screen.render(table, in: body)
        case .deals:
            let table = Table(columns: [.fixed("ID", 9), .fixed("Closed", 10), .fixed("Outcome", 7), .fixed("Attribution", 11)]
                                  + (body.width >= 100 ? [.fixed("Reg", 9)] : []) + [.min("Account", 12), .fixed("ACV", 10, alignment: .right)],
                              rowCount: rows.deals.count, selected: selected, emptyText: "No deals.") { index in
                let deal = rows.deals[index]
                return [Span(deal.id), Span(deal.closedOn.description, style: Theme.dim),
                        Span(deal.outcome.rawValue, style: deal.outcome == .won ? Theme.success : Theme.dim), Span(deal.attribution.rawValue)]
                    + (body.width >= 100 ? [Span(deal.registrationID ?? "", style: Theme.dim)] : []) + [Span(deal.account), Span(deal.acv.wholeUnits)]
            }
            screen.render(table, in: body)
        case .commissions:
            let totals = rows.base.ledgerTotals
            let summary = [CommissionStatus.accrued, .approved, .paid].map { "\($0.rawValue) \((totals[$0] ?? .zero).grouped)" }
                + (totals[nil].map { ["clawed back \($0.grouped)"] } ?? [])
            screen.put(summary.joined(separator: " · ") + "   c advance · space mark", x: body.x, y: body.y, style: Theme.dim, maxWidth: body.width)
            let table = Table(columns: [.fixed("Deal", 9), .fixed("Date", 10), .fixed("ACV", 10, alignment: .right),
                                        .fixed("Rate", 5, alignment: .right), .fixed("Amount", 11, alignment: .right),
                                        .fixed("Kind", 10), .min("Status", 10)],
                              rowCount: rows.ledger.count, selected: selected,
                              isMarked: { state.partnerView.marked.contains(rows.ledger[$0].dealId) }, markSymbol: "✔",
                              markStyle: Theme.marked, emptyText: "No commissions: no protected win yet.") { index in
                let line = rows.ledger[index]
                return [Span(line.dealId), Span(line.date.description, style: Theme.dim), Span(line.acv.wholeUnits),
                        Span(Format.percent(line.rate)), Span(line.amount.grouped, style: line.isClawback ? Theme.error : .plain),
                        Span(line.kind.rawValue), status(line)]
            }
            screen.render(table, in: body.inset(top: 1, left: 0, bottom: 0, right: 0))
        case .history: history(&screen, body, rows, offset: state.detailOffset)
        case .funds:
            DetailText.render(FundsDetailView.yearLines(partnerID: partner.id, year: data.asOf.year, data, allRequests: true, width: body.width),
                              &screen, body, offset: state.detailOffset)
        }
    }

    static func status(_ line: LedgerLine) -> Span {
        guard let status = line.status else { return Span("clawback: \(line.clawbackReason ?? "")", style: Theme.error) }
        switch status {
        case .accrued: return Span("accrued", style: Theme.sla(.due))
        case .approved: return Span("approved", style: Style(foreground: .cyan))
        case .paid: return Span("paid", style: Theme.success)
        }
    }

    static func overview(_ screen: inout Screen, _ area: Rect, _ rows: PartnerDetailRows, _ data: ConsoleData, offset: Int) {
        let profile = rows.profile, partner = profile.partner
        let policy = data.programme.policy
        var lines: [Line] = []
        var tierText = partner.tier + (data.programme.tier(of: partner).priorityRegistration ? " ★ priority registration" : "")
        if let standing = profile.standing, standing.proposal != .hold {
            tierText += " — qualifies for \(standing.qualifiedTier): \(Format.label(standing.proposal.rawValue))"
        }
        lines.append(DetailText.field("Tier", tierText, Theme.tier(partner.tier, policy: policy)))
        lines.append(DetailText.field("ARR (365 days)", profile.trailingARR.grouped))
        lines.append(DetailText.field("Certified staff", "\(partner.certifiedStaff)"))
        let gaugeRow = lines.count
        if profile.goalTier != nil { lines += ["", ""] }
        let checklist = EnablementItem.allCases.map { item -> Span in
            profile.enablement[item].map { Span("✔ \(Format.label(item.rawValue)) \($0)  ", style: Theme.success) }
                ?? Span("✘ \(Format.label(item.rawValue))  ", style: Theme.error)
        }
        lines.append(Line([Span(pad("Enablement", toWidth: 16), style: Theme.dim)] + checklist))
        let totals = rows.base.ledgerTotals
        lines.append(DetailText.field("Commissions", [CommissionStatus.accrued, .approved, .paid]
            .map { "\($0.rawValue) \((totals[$0] ?? .zero).grouped)" }.joined(separator: " · ")))
        lines.append(DetailText.field("NPS (latest)", profile.nps.last.map { "\($0.score) on \($0.respondedOn)" } ?? "no response"))
        lines.append(DetailText.field("Pipeline", "\(profile.registrations.count) registrations (\(rows.openRegistrations) open) · \(profile.deals.count) deals"))
        lines.append("")
        lines.append(Line("Sourced ARR by quarter", style: .bold))
        DetailText.render(lines, &screen, area, offset: 0)
        if let next = profile.goalTier, let distance = profile.distance, area.height > gaugeRow + 2 {
            let goal = distance.goal == .keep ? "keep \(next.name)" : "→ \(next.name)"
            let width = min(area.width - 16, 44)
            let arrRatio = next.minTrailingSourcedARR.cents == 0 ? 1 : Double(profile.trailingARR.cents) / Double(next.minTrailingSourcedARR.cents)
            let staffRatio = next.minCertifiedStaff == 0 ? 1 : Double(partner.certifiedStaff) / Double(next.minCertifiedStaff)
            screen.put(pad("\(goal) ARR", toWidth: 16), x: area.x, y: area.y + gaugeRow, style: Theme.dim)
            // Labels padded to one width so both bars have the same length.
            let arrLabel = "\(profile.trailingARR.compact) of \(next.minTrailingSourcedARR.compact)"
            let staffLabel = "\(partner.certifiedStaff) of \(next.minCertifiedStaff)"
            let labelWidth = max(arrLabel.count, staffLabel.count)
            screen.render(Gauge(ratio: min(1, arrRatio), label: pad(arrLabel, toWidth: labelWidth),
                                filledStyle: Style(foreground: arrRatio >= 1 ? .green : .yellow)),
                          in: Rect(x: area.x + 16, y: area.y + gaugeRow, width: width, height: 1))
            screen.put(pad("\(goal) staff", toWidth: 16), x: area.x, y: area.y + gaugeRow + 1, style: Theme.dim)
            screen.render(Gauge(ratio: min(1, staffRatio), label: pad(staffLabel, toWidth: labelWidth),
                                filledStyle: Style(foreground: staffRatio >= 1 ? .green : .yellow)),
                          in: Rect(x: area.x + 16, y: area.y + gaugeRow + 1, width: width, height: 1))
        }
        let chartTop = area.y + lines.count
        guard chartTop < area.maxY else { return }
        // When the chart does not fit, the newest quarters matter most.
        let rowsLeft = area.maxY - chartTop
        let bars = profile.quarterlyARR.suffix(rowsLeft).map {
            BarChart.Bar(label: $0.quarter.label, value: Double($0.arr.cents), valueText: $0.arr.wholeUnits)
        }
        let peak = profile.quarterlyARR.map { Double($0.arr.cents) }.max()
        screen.render(BarChart(bars: Array(bars), maximum: peak), in: Rect(x: area.x, y: chartTop, width: min(area.width, 80), height: bars.count))
    }

    static func history(_ screen: inout Screen, _ area: Rect, _ rows: PartnerDetailRows, offset: Int) {
        DetailText.render(count: historyCount(rows), { historyLine(rows, $0, width: area.width) }, &screen, area, offset: offset)
    }

    /// The body area of a partner detail inside the console's content area.
    static func body(_ content: Rect) -> Rect {
        let inner = content.inset(horizontal: 1, vertical: 0)
        return Rect(x: inner.x, y: inner.y + 3, width: inner.width, height: max(0, inner.height - 3))
    }

    /// The NPS responses, then the audit trail (newest first, after the section's filter): a heading,
    /// the entries or a "none" line, a blank line between.
    static func historyCount(_ rows: PartnerDetailRows) -> Int {
        1 + max(1, rows.profile.nps.count) + 2 + max(1, rows.audit.count)
    }

    /// Line `index` of the history section, made alone.
    static func historyLine(_ rows: PartnerDetailRows, _ index: Int, width: Int) -> Line {
        let nps = rows.profile.nps, npsLines = max(1, nps.count)
        switch index {
        case 0: return DetailText.heading("NPS responses (\(nps.count))")
        case 1...npsLines:
            guard !nps.isEmpty else { return Line("none", style: Theme.dim) }
            let response = nps[nps.count - index]
            let style = response.score >= 9 ? Theme.success : response.score <= 6 ? Theme.error : Style.plain
            return Line([Span("  \(response.respondedOn)  ", style: Theme.dim), Span("\(response.score)", style: style)])
        case npsLines + 1: return ""
        case npsLines + 2:
            let total = rows.profile.audit.count
            return DetailText.heading("Audit trail (\(rows.audit.count == total ? "\(total)" : "\(rows.audit.count) of \(total)"))")
        default:
            guard let entry = rows.audit[safe: index - npsLines - 3] else {
                return Line(rows.profile.audit.isEmpty ? "no decisions recorded yet" : "no entry matches the filter", style: Theme.dim)
            }
            return DetailText.row([("#\(entry.seq)", 6, .right, Theme.dim), (entry.at.description, 20, .left, Theme.dim),
                                   (entry.actor, 14, .left, .plain), (entry.action, 12, .left, .bold),
                                   (entry.subject, 12, .left, .plain), (entry.detail, max(10, width - 70), .left, .plain)])
        }
    }
}
