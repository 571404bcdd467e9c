import ChannelModel
import Foundation

/// `channeldesk partner ID --format json`: what the partner page shows, for scripts. Keys are camelCase
/// as in every report; an undefined figure (no next tier above platinum, a partner not enrolled, an
/// enablement item not done) is null, never missing.
struct PartnerReport: Encodable {
    let profile: PartnerProfile
    let asOf: Day

    private enum Keys: String, CodingKey {
        case asOf, partnerId, name, type, tier, region, status, joinedOn, owner, certifiedStaff
        case qualifiedTier, proposal, trailingSourcedARR, tierDistance, enablement, quarterlyARR
        case registrations, openRegistrations, deals, wonDeals, commissions, nps, audit
    }

    func encode(to encoder: Encoder) throws {
        let partner = profile.partner
        var c = encoder.container(keyedBy: Keys.self)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(partner.id, forKey: .partnerId)
        try c.encode(partner.name, forKey: .name)
        try c.encode(partner.type, forKey: .type)
        try c.encode(partner.tier, forKey: .tier)
        try c.encode(partner.region, forKey: .region)
        try c.encode(partner.status, forKey: .status)
        try c.encode(partner.joinedOn, forKey: .joinedOn)
        try c.encode(partner.owner, forKey: .owner)
        try c.encode(partner.certifiedStaff, forKey: .certifiedStaff)
        try c.encode(profile.standing?.qualifiedTier, forKey: .qualifiedTier)
        try c.encode(profile.standing?.proposal, forKey: .proposal)
        try c.encode(profile.trailingARR, forKey: .trailingSourcedARR)
        try c.encode(profile.distance.flatMap(TierDistanceLine.init), forKey: .tierDistance)
        try c.encode(Enablement(done: profile.enablement), forKey: .enablement)
        try c.encode(profile.quarterlyARR.map { QuarterARR(quarter: $0.quarter.label, arr: $0.arr) }, forKey: .quarterlyARR)
        try c.encode(profile.registrations.map(RegistrationLine.init), forKey: .registrations)
        try c.encode(profile.registrations.filter { $0.isOpen(asOf: asOf) }.count, forKey: .openRegistrations)
        try c.encode(profile.deals.map(DealLine.init), forKey: .deals)
        try c.encode(profile.deals.filter { $0.outcome == .won }.count, forKey: .wonDeals)
        try c.encode(Commissions(totals: profile.ledgerTotals), forKey: .commissions)
        try c.encode(profile.nps.map { NPSLine(respondedOn: $0.respondedOn, score: $0.score) }, forKey: .nps)
        try c.encode(profile.audit, forKey: .audit)
    }

    /// What keeps the current tier (`goal` "keep", for a partner at risk or heading down) or reaches
    /// the next one (`goal` "reach"), and what is still missing (0 when met); null at the top.
    struct TierDistanceLine: Encodable {
        var goal: String
        var tier: String
        var arrGap: Money
        var certifiedStaffGap: Int

        init?(_ distance: TierDistance) {
            guard distance.goal != .top else { return nil }
            goal = distance.goal.rawValue
            tier = distance.tier
            arrGap = distance.arr
            certifiedStaffGap = distance.staff
        }
    }

    /// Each enablement item's completion date, null while it is not done.
    struct Enablement: Encodable {
        let done: [EnablementItem: Day]

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            for item in EnablementItem.allCases {
                // `deal_support` → `dealSupport`: keys are camelCase in every report.
                let words = item.rawValue.split(separator: "_")
                let key = words.enumerated().map { $0 == 0 ? String($1) : $1.capitalized }.joined()
                try c.encode(done[item], forKey: AnyKey(key))
            }
        }
    }

    struct QuarterARR: Encodable {
        var quarter: String
        var arr: Money
    }

    struct RegistrationLine: Encodable {
        var registrationId, prospectCompany, prospectDomain: String
        var estimatedACV: Money
        var submittedAt: Instant
        var status: RegistrationStatus
        var decidedAt: Instant?
        var protectedUntil: Day?

        init(_ registration: Registration) {
            registrationId = registration.id; prospectCompany = registration.prospectCompany
            prospectDomain = registration.prospectDomain; estimatedACV = registration.estimatedACV
            submittedAt = registration.submittedAt; status = registration.status
            decidedAt = registration.decidedAt; protectedUntil = registration.protectedUntil
        }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(registrationId, forKey: "registrationId")
            try c.encode(prospectCompany, forKey: "prospectCompany")
            try c.encode(prospectDomain, forKey: "prospectDomain")
            try c.encode(estimatedACV, forKey: "estimatedACV")
            try c.encode(submittedAt, forKey: "submittedAt")
            try c.encode(status, forKey: "status")
            try c.encode(decidedAt, forKey: "decidedAt")
            try c.encode(protectedUntil, forKey: "protectedUntil")
        }
    }

    struct DealLine: Encodable {
        let deal: Deal
        init(_ deal: Deal) { self.deal = deal }

        func encode(to encoder: Encoder) throws {
            var c = encoder.container(keyedBy: AnyKey.self)
            try c.encode(deal.id, forKey: "dealId")
            try c.encode(deal.registrationID, forKey: "registrationId")
            try c.encode(deal.account, forKey: "account")
            try c.encode(deal.domain, forKey: "domain")
            try c.encode(deal.acv, forKey: "acv")
            try c.encode(deal.closedOn, forKey: "closedOn")
            try c.encode(deal.outcome, forKey: "outcome")
            try c.encode(deal.attribution, forKey: "attribution")
        }
    }

    /// Commission totals by status; clawbacks as a (negative or zero) total of their own.
    struct Commissions: Encodable {
        var accrued, approved, paid, clawedBack: Money

        init(totals: [CommissionStatus?: Money]) {
            accrued = totals[.accrued] ?? .zero
            approved = totals[.approved] ?? .zero
            paid = totals[.paid] ?? .zero
            clawedBack = totals[nil] ?? .zero
        }
    }

    struct NPSLine: Encodable {
        var respondedOn: Day
        var score: Int
    }
}

/// A coding key made from any string, for objects whose keys are data (enablement items) or must be
/// written with explicit nulls.
struct AnyKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ string: String) { stringValue = string }
    init(stringLiteral value: String) { stringValue = value }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
