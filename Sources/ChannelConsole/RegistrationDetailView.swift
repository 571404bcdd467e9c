import ChannelModel
import TerminalUI

/// Enter on a queued registration: everything about the claim, and its conflicts side by side.
enum RegistrationDetailView {
    static func render(_ screen: inout Screen, _ area: Rect, id: String, state: ConsoleState, data: ConsoleData) {
        var area = area
        if let held = state.held, held.id == id, area.height > 1 {
            // Another member changed it while it was open: said above the facts, which already show the new state.
            screen.put("⚑ \(held.note) — move to go on", x: area.x + 1, y: area.y, style: Theme.marked, maxWidth: area.width - 2)
            area = Rect(x: area.x, y: area.y + 1, width: area.width, height: area.height - 1)
        }
        guard let (left, right) = content(id: id, data: data) else {
            screen.put("Registration \(id) no longer exists.", x: area.x + 1, y: area.y + 1, style: Theme.error)
            return
        }
        let inner = area.inset(horizontal: 1, vertical: 0)
        if isWide(inner) {
            let columns = split(inner, .horizontal, [.percent(50), .min(1)])
            DetailText.render(left, &screen, columns[0], offset: state.detailOffset)
            DetailText.render(right, &screen, columns[1].inset(top: 0, left: 2, bottom: 0, right: 0), offset: state.detailOffset)
        } else {
            DetailText.render(left + [""] + right, &screen, inner, offset: state.detailOffset)
        }
    }

    static func isWide(_ area: Rect) -> Bool { area.width >= 100 }

    /// How far the view can scroll in `area`.
    static func maxOffset(id: String, data: ConsoleData, area: Rect) -> Int {
        guard let (left, right) = content(id: id, data: data) else { return 0 }
        let inner = area.inset(horizontal: 1, vertical: 0)
        let count = isWide(inner) ? max(left.count, right.count) : left.count + 1 + right.count
        return DetailText.maxOffset(lines: count, height: inner.height)
    }

    /// The registration's facts (left), its conflicts and, apart from them, its similar-name hints (right).
    static func content(id: String, data: ConsoleData) -> (left: [Line], right: [Line])? {
        let programme = data.programme
        guard let registration = programme.registration(id) else { return nil }
        let partner = programme.partner(registration.partnerID)
        let row = data.queue.first { $0.id == id }
        let policy = programme.policy
        var left: [Line] = [DetailText.heading("Registration \(id)"), ""]
        // The status as of the console's day: a registration decided since is still queued then.
        let status = row?.status ?? registration.status
        left.append(DetailText.field("Status", Format.label(status.rawValue)
                                     + (status == registration.status ? "" : "  (now \(Format.label(registration.status.rawValue)))"),
                                     Theme.status(status)))
        if let row {
            // Hours left are the model's (ApprovalSLA's rounding), never worked out again here.
            let sla = row.sla == .paused ? "paused (waiting on the partner)"
                : row.sla == .breached ? "\(Format.age(row.age)) old — past the \(policy.approvalSLAHours)h SLA"
                : "\(Format.age(row.age)) old — \(row.item.slaHoursLeft ?? 0)h left"
            left.append(DetailText.field("SLA", sla, Theme.sla(row.sla)))
        }
        left.append(DetailText.field("Partner", "\(partner?.name ?? registration.partnerID) (\(registration.partnerID))"))
        if let partner {
            let name = row?.item.tier ?? partner.tier
            let priority = row?.item.priority ?? programme.tier(of: partner).priorityRegistration
            left.append(DetailText.field("Tier", name + (priority ? " ★ priority registration" : ""), Theme.tier(name, policy: policy)))
            left.append(DetailText.field("Type · region", "\(Format.label(partner.type.rawValue)) · \(partner.region) · owner \(partner.owner)"))
            left.append(DetailText.field("Partner status", partner.status.rawValue + (partner.status.isEnrolled ? "" : " — not enrolled in the programme"),
                                         partner.status == .active ? .plain : Theme.error))
        }
        left.append(DetailText.field("Prospect", registration.prospectCompany, .bold))
        left.append(DetailText.field("Domain", registration.prospectDomain + (registration.prospectDomain == registration.registrableDomain ? "" : "  (\(registration.registrableDomain))")))
        left.append(DetailText.field("Estimated ACV", registration.estimatedACV.grouped))
        left.append(DetailText.field("Submitted", registration.submittedAt.description))
        if let decided = registration.decidedAt { left.append(DetailText.field("Decided", decided.description)) }
        if let until = registration.protectedUntil {
            left.append(DetailText.field("Protected until", until.description + (registration.extensions > 0 ? "  (extended \(registration.extensions)×)" : "")))
        }
        if let note = registration.note { left.append(DetailText.field(registration.status == .rejected ? "Reason" : "Note", note)) }

        var right: [Line] = [DetailText.heading("Conflicts"), ""]
        let conflicts = row?.conflicts ?? []
        if conflicts.isEmpty {
            right.append(Line([Span("None: no other open claim on \(registration.registrableDomain).", style: Theme.success)]))
        }
        for conflict in conflicts {
            switch conflict.kind {
            case .direct:
                let account = programme.directAccount(domain: conflict.domain ?? "")
                right.append(Line([Span("⚑ direct sales", style: Theme.conflict(.direct))]))
                right.append(DetailText.field("  Account", account?.account ?? conflict.domain ?? ""))
                right.append(DetailText.field("  Owner", account?.owner ?? ""))
            case .partner, .duplicate:
                guard let other = conflict.registrationId.flatMap(programme.registration) else { continue }
                let otherPartner = programme.partner(other.partnerID)
                right.append(Line([Span(conflict.kind == .partner ? "⚑ another partner" : "⚑ duplicate from the same partner",
                                        style: Theme.conflict(conflict.kind))]))
                right.append(DetailText.field("  Registration", other.id))
                right.append(DetailText.field("  Partner", "\(otherPartner?.name ?? other.partnerID) (\(otherPartner?.tier ?? "?"))"))
                right.append(DetailText.field("  Status", Format.label(other.status.rawValue), Theme.status(other.status)))
                right.append(DetailText.field("  Submitted", other.submittedAt.description + (other.submittedAt < registration.submittedAt ? "  — earlier" : "")))
                if let until = other.protectedUntil { right.append(DetailText.field("  Protected to", until.description)) }
                right.append(DetailText.field("  Prospect", "\(other.prospectCompany) · \(other.prospectDomain)"))
            }
            right.append("")
        }
        let similar = row?.item.similarNames ?? []
        if !similar.isEmpty {
            // Hints, not conflicts: the same company name under another domain may be another company.
            right.append(DetailText.heading("Similar names (not conflicts)"))
            right.append("")
            for hint in similar {
                let otherPartner = programme.partner(hint.partnerId)
                right.append(Line([Span("≈ \(programme.registration(hint.registrationId)?.prospectCompany ?? hint.registrationId)", style: Theme.dim)]))
                right.append(DetailText.field("  Registration", hint.registrationId))
                right.append(DetailText.field("  Partner", "\(otherPartner?.name ?? hint.partnerId)"
                                              + (hint.partnerId == registration.partnerID ? " (same partner)" : "")))
                right.append(DetailText.field("  Domain", hint.domain))
                right.append("")
            }
        }
        return (left, right)
    }
}
