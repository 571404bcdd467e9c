import ChannelModel
import TerminalUI

/// Enter on an MDF request: the request itself, then the partner's year of MDF — allocation,
/// committed, spent, balance and every request of that year. The partner detail's MDF section shows
/// the same year block.
enum FundsDetailView {
    static func render(_ screen: inout Screen, _ area: Rect, id: String, state: ConsoleState, data: ConsoleData) {
        let inner = area.inset(horizontal: 1, vertical: 0)
        guard let request = data.programme.mdfRequest(id) else {
            screen.put("MDF request \(id) no longer exists.", x: inner.x, y: inner.y + 1, style: Theme.error)
            return
        }
        let status = data.programme.mdfStatus(request, asOf: data.asOf)
        let partner = data.programme.partner(request.partnerID)
        let breached = status.map { MDFRules.isBreached(request, status: $0, asOf: data.asOf, policy: data.programme.mdfPolicy) } ?? false
        var lines: [Line] = [
            Line([Span("\(request.id)  ", style: .bold), Span(request.description), Span("  \(partner?.name ?? request.partnerID) · \(request.partnerID)", style: Theme.dim)]),
            "",
            DetailText.field("Status", (status.map { Format.label($0.rawValue) } ?? "not submitted yet") + (breached ? " — past the \(data.programme.mdfPolicy.approvalDays)-day approval window" : ""),
                             breached ? Theme.sla(.breached) : .plain),
            DetailText.field("Activity", "\(request.activity.rawValue) · \(request.startsOn) → \(request.endsOn)"),
            DetailText.field("Submitted", request.submittedAt.description),
            DetailText.field("Requested", request.requestedAmount.grouped),
        ]
        if let at = request.decidedAt, let status, status != .submitted, status != .infoRequested {
            lines.append(DetailText.field("Decided", "\(at)" + (request.decidedBy.map { " by \($0)" } ?? "")
                                          + (request.approvedAmount.map { " · approved \($0.grouped)" } ?? "")))
        }
        if status == .approved {
            lines.append(DetailText.field("Claim by", request.endsOn.adding(days: data.programme.mdfPolicy.claimDays).description))
        }
        if let claimed = request.claimedAmount, let at = request.claimedAt, at <= data.asOf.endOfDay {
            lines.append(DetailText.field("Claimed", "\(claimed.grouped) at \(at)" + (request.claimRecordedBy.map { " by \($0)" } ?? "")))
            lines.append(DetailText.field("Proof", request.proof))
        }
        if status == .paid, let paid = request.paidAmount, let on = request.paidOn {
            lines.append(DetailText.field("Paid", "\(paid.grouped) on \(on)" + (request.settledBy.map { " by \($0)" } ?? "")))
        }
        if let note = request.note, !note.isEmpty { lines.append(DetailText.field(status == .infoRequested ? "Question" : "Note", note)) }
        lines.append("")
        lines += yearLines(partnerID: request.partnerID, year: request.year, data, highlight: request.id, width: inner.width)
        DetailText.render(lines, &screen, Rect(x: inner.x, y: inner.y + 1, width: inner.width, height: max(0, inner.height - 1)),
                          offset: state.detailOffset)
    }

    /// A partner's year of MDF: the balance block and the year's requests (all years' when `year` is nil
    /// for the requests, as the partner detail lists them).
    static func yearLines(partnerID: String, year: Int, _ data: ConsoleData, highlight: String? = nil, allRequests: Bool = false,
                          width: Int) -> [Line] {
        var lines: [Line] = [DetailText.heading("MDF \(year)")]
        if let balance = data.funds.balance(partnerID: partnerID, year: year) ?? data.programme.mdfBalance(partnerID: partnerID, year: year, asOf: data.asOf) {
            lines.append(DetailText.field("Allocation", balance.allocation.grouped))
            lines.append(DetailText.field("Committed", balance.committed.grouped))
            lines.append(DetailText.field("Spent", balance.spent.grouped))
            let gauge = FundsPane.gauge(balance, width: 20)
            lines.append(Line([Span(pad("Balance", toWidth: 16), style: Theme.dim), Span(balance.balance.grouped + "  ", style: .bold), gauge]))
        } else {
            lines.append(Line("Not enrolled as of \(data.asOf): no MDF allocation.", style: Theme.dim))
        }
        let all = data.programme.mdfRequests
        let requests = (data.funds.requestsByPartner[partnerID] ?? []).map { all[$0] }
            .filter { (allRequests || $0.year == year) && $0.submittedAt <= data.asOf.endOfDay }
            .sorted { ($0.submittedAt, $0.id) > ($1.submittedAt, $1.id) }
        lines += ["", DetailText.heading(allRequests ? "Requests (\(requests.count))" : "Requests in \(year) (\(requests.count))")]
        if requests.isEmpty { lines.append(Line("none", style: Theme.dim)) }
        let wide = width >= 100
        lines.append(DetailText.row([("Request", 9, .left, Theme.dim), ("Submitted", 10, .left, Theme.dim)]
                                    + (wide ? [("Activity", 8, .left, Theme.dim)] : [])
                                    + [("Status", 14, .left, Theme.dim), ("Requested", 10, .right, Theme.dim),
                                       ("Approved", 10, .right, Theme.dim), ("Claimed", 10, .right, Theme.dim), ("Paid", 10, .right, Theme.dim)]))
        for request in requests {
            let status = data.programme.mdfStatus(request, asOf: data.asOf)
            let style: Style = request.id == highlight ? .bold : .plain
            func money(_ value: Money?, shown: Bool) -> String { shown ? value?.grouped ?? "—" : "—" }
            let approvedShown = [.approved, .claimed, .paid, .claimRejected, .expired].contains(status)
            let claimedShown = [.claimed, .paid, .claimRejected].contains(status)
            lines.append(DetailText.row([((request.id == highlight ? "▸" : "") + request.id, 9, .left, style),
                                         (request.submittedAt.day.description, 10, .left, Theme.dim)]
                                        + (wide ? [(request.activity.rawValue, 8, .left, .plain)] : [])
                                        + [(status.map { Format.label($0.rawValue) } ?? "", 14, .left, style),
                                           (request.requestedAmount.grouped, 10, .right, .plain),
                                           (money(request.approvedAmount, shown: approvedShown), 10, .right, .plain),
                                           (money(request.claimedAmount, shown: claimedShown), 10, .right, .plain),
                                           (money(request.paidAmount, shown: status == .paid), 10, .right, .plain)]))
        }
        return lines
    }
}
