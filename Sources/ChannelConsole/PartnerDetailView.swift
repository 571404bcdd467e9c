import ChannelModel
import TerminalUI

/// Enter on a partner: its profile, standing, registrations and deals, newest first.
enum PartnerDetailView {
    static func render(_ screen: inout Screen, _ area: Rect, id: String, state: ConsoleState, data: ConsoleData) {
        let programme = data.programme
        guard let partner = programme.partner(id) else {
            screen.put("Partner \(id) no longer exists.", x: area.x + 1, y: area.y + 1, style: Theme.error)
            return
        }
        let row = data.partners.first { programme.partners[$0.position].id == id }
        let standing = data.standings.first { $0.partnerId == id }
        var lines: [Line] = [Line([Span(partner.name, style: .bold), Span("  \(partner.id)", style: Theme.dim)]), ""]
        lines.append(DetailText.field("Type · region", "\(Format.label(partner.type.rawValue)) · \(partner.region)"))
        lines.append(DetailText.field("Status", "\(partner.status.rawValue) since \(partner.joinedOn) · owner \(partner.owner)"))
        lines.append(DetailText.field("Tier", partner.tier, Theme.tier(partner.tier, policy: programme.policy)))
        if let standing {
            lines.append(DetailText.field("Qualifies for", "\(standing.qualifiedTier) — \(Format.label(standing.proposal.rawValue))",
                                          Theme.proposal(standing.proposal)))
        }
        lines.append(DetailText.field("ARR (365 days)", (row?.trailingARR ?? .zero).grouped))
        lines.append(DetailText.field("Certified staff", "\(partner.certifiedStaff)"))
        lines.append(DetailText.field("Last activity", row?.lastActivity?.description ?? "never"))
        lines.append(DetailText.field("NPS (latest)", row?.nps.map(String.init) ?? "no response"))

        let registrations = programme.registrations.filter { $0.partnerID == id }.sorted { $0.submittedAt > $1.submittedAt }
        lines += ["", DetailText.heading("Registrations (\(registrations.count))")]
        lines.append(DetailText.row([("ID", 9, .left, .bold), ("Submitted", 10, .left, .bold), ("Status", 14, .left, .bold),
                                     ("Prospect", 28, .left, .bold), ("Est. ACV", 10, .right, .bold), ("Protected", 10, .left, .bold)]))
        for registration in registrations {
            lines.append(DetailText.row([
                (registration.id, 9, .left, .plain), (registration.submittedAt.day.description, 10, .left, Theme.dim),
                (Format.label(registration.status.rawValue), 14, .left, Theme.status(registration.status)),
                (registration.prospectCompany, 28, .left, .plain), (registration.estimatedACV.wholeUnits, 10, .right, .plain),
                (registration.protectedUntil?.description ?? "", 10, .left, Theme.dim),
            ]))
        }
        let deals = programme.deals.filter { $0.partnerID == id }.sorted { $0.closedOn > $1.closedOn }
        lines += ["", DetailText.heading("Deals (\(deals.count))")]
        lines.append(DetailText.row([("ID", 9, .left, .bold), ("Closed", 10, .left, .bold), ("Outcome", 7, .left, .bold),
                                     ("Attribution", 11, .left, .bold), ("Account", 28, .left, .bold), ("ACV", 10, .right, .bold)]))
        for deal in deals {
            lines.append(DetailText.row([
                (deal.id, 9, .left, .plain), (deal.closedOn.description, 10, .left, Theme.dim),
                (deal.outcome.rawValue, 7, .left, deal.outcome == .won ? Theme.success : Theme.dim),
                (deal.attribution.rawValue, 11, .left, .plain), (deal.account, 28, .left, .plain), (deal.acv.wholeUnits, 10, .right, .plain),
            ]))
        }
        DetailText.render(lines, &screen, area.inset(horizontal: 1, vertical: 0), offset: state.detailOffset)
    }
}
