/// One partner's part of sourced revenue in a period.
public struct PartnerShare: Hashable, Sendable, Codable {
    public var partnerId: String
    public var name: String
    public var sourcedARR: Money
    public var share: Double

    public init(partnerId: String, name: String, sourcedARR: Money, share: Double) {
        self.partnerId = partnerId; self.name = name; self.sourcedARR = sourcedARR; self.share = share
    }
}

/// The programme KPIs of DESIGN.md §3 for one as-of date and period; its JSON is the `metrics` output.
public struct MetricsReport: Hashable, Sendable, Codable {
    public var asOf: Day
    public var from: Day
    public var to: Day
    public var partnerSourcedARR: Money
    public var partnerInfluencedARR: Money
    public var enrolledPartners: Int
    public var activePartners: Int
    public var activePartnerRate: Double
    public var top5Concentration: Double
    public var hhi: Double
    public var programmeInvestment: Money
    public var partnerAcquisitionCost: Double?
    public var partnerNPS: Double?
    public var npsResponses: Int
    public var pendingRegistrations: Int
    public var slaBreaches: Int
    public var topPartners: [PartnerShare]

    public var period: Period { Period(from: from, to: to) }

    private enum CodingKeys: String, CodingKey {
        case asOf, from, to, partnerSourcedARR, partnerInfluencedARR, enrolledPartners, activePartners
        case activePartnerRate, top5Concentration, hhi, programmeInvestment, partnerAcquisitionCost
        case partnerNPS, npsResponses, pendingRegistrations, slaBreaches, topPartners
    }

    // Explicit so that an undefined figure is written as `null`, not left out: scripts reading the JSON
    // should find every key every time.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(asOf, forKey: .asOf)
        try c.encode(from, forKey: .from)
        try c.encode(to, forKey: .to)
        try c.encode(partnerSourcedARR, forKey: .partnerSourcedARR)
        try c.encode(partnerInfluencedARR, forKey: .partnerInfluencedARR)
        try c.encode(enrolledPartners, forKey: .enrolledPartners)
        try c.encode(activePartners, forKey: .activePartners)
        try c.encode(activePartnerRate, forKey: .activePartnerRate)
        try c.encode(top5Concentration, forKey: .top5Concentration)
        try c.encode(hhi, forKey: .hhi)
        try c.encode(programmeInvestment, forKey: .programmeInvestment)
        try c.encode(partnerAcquisitionCost, forKey: .partnerAcquisitionCost)
        try c.encode(partnerNPS, forKey: .partnerNPS)
        try c.encode(npsResponses, forKey: .npsResponses)
        try c.encode(pendingRegistrations, forKey: .pendingRegistrations)
        try c.encode(slaBreaches, forKey: .slaBreaches)
        try c.encode(topPartners, forKey: .topPartners)
    }
}

/// The exact metric definitions of DESIGN.md §3, as pure functions of a programme.
public enum Metrics {
    /// Every KPI as of `asOf` over `period` (default: the quarter to date).
    ///
    /// - Parameter index: the programme's activity and queue, indexed once, when many reports are made
    ///   of one programme (the 8-quarter trend); the figures are the same either way.
    public static func report(_ programme: Programme, asOf: Day, period: Period? = nil, index: ActivityIndex? = nil) -> MetricsReport {
        let period = period ?? .quarterToDate(asOf)
        var sourced = Money.zero, influenced = Money.zero
        let deals = programme.deals, outcomes = deals.outcomes, closed = deals.closedOn, acv = deals.acv
        let attributions = deals.attributions
        for row in 0..<deals.count
        where outcomes[row] == .won && closed[row] >= period.from.ordinal && closed[row] <= period.to.ordinal {
            if attributions[row] == .sourced { sourced.cents += acv[row] } else { influenced.cents += acv[row] }
        }
        let ranking = sourcedRanking(programme, period: period)
        let (enrolled, active) = index.map { $0.activity(programme, asOf: asOf) } ?? activity(programme, asOf: asOf)
        let investment = programme.investments.reduce(Money.zero) { period.contains($1.date) ? $0 + $1.amount : $0 }
        let nps = netPromoterScore(programme, period: period)
        let queue = index.map { $0.queueCounts(asOf: asOf) } ?? queueCounts(programme, asOf: asOf)
        let total = Double(sourced.cents)
        return MetricsReport(
            asOf: asOf, from: period.from, to: period.to,
            partnerSourcedARR: sourced, partnerInfluencedARR: influenced,
            enrolledPartners: enrolled, activePartners: active,
            activePartnerRate: enrolled == 0 ? 0 : Double(active) / Double(enrolled),
            top5Concentration: sourced.cents == 0 ? 0
                : Double(ranking.prefix(5).reduce(Int64(0)) { $0 + $1.sourcedARR.cents }) / total,
            hhi: ranking.reduce(0) { $0 + ($1.share * 100) * ($1.share * 100) },
            programmeInvestment: investment,
            partnerAcquisitionCost: sourced.cents == 0 ? nil : Double(investment.cents) / total,
            partnerNPS: nps.score, npsResponses: nps.responses,
            pendingRegistrations: queue.pending, slaBreaches: queue.breaches,
            topPartners: Array(ranking.prefix(5)))
    }

    /// Partners ranked by sourced won ACV closed in the period, largest first (ties by id), with shares.
    public static func sourcedRanking(_ programme: Programme, period: Period) -> [PartnerShare] {
        let byPartner = programme.sourcedWinTotals(from: period.from, through: period.to)
        let total = byPartner.values.reduce(0, +)
        return byPartner
            .map { id, cents in
                PartnerShare(partnerId: id, name: programme.partner(id)?.name ?? id, sourcedARR: Money(cents: cents),
                             share: total == 0 ? 0 : Double(cents) / Double(total))
            }
            .sorted { ($0.sourcedARR, $1.partnerId) > ($1.sourcedARR, $0.partnerId) }
    }

    /// Enrolled partners as of `asOf`, and how many of them registered or closed a deal in the activity window.
    public static func activity(_ programme: Programme, asOf: Day) -> (enrolled: Int, active: Int) {
        let activeIDs = activePartnerIDs(programme, asOf: asOf)
        var enrolled = 0, active = 0
        for partner in programme.partners where isEnrolled(partner, asOf: asOf) {
            enrolled += 1
            if activeIDs.contains(partner.id) { active += 1 }
        }
        return (enrolled, active)
    }

    /// Partners (enrolled or not) with a registration submitted or a deal closed in the activity window.
    public static func activePartnerIDs(_ programme: Programme, asOf: Day) -> Set<String> {
        let active = programme.partnersWithActivity(after: asOf.adding(days: -programme.policy.activityWindowDays), through: asOf)
        return Set(programme.partners.indices.lazy.filter { active[$0] }.map { programme.partners[$0].id })
    }

    public static func isEnrolled(_ partner: Partner, asOf: Day) -> Bool {
        partner.status.isEnrolled && partner.joinedOn <= asOf
    }

    /// NPS over each partner's latest response dated in the period (same day: the later row).
    public static func netPromoterScore(_ programme: Programme, period: Period) -> (score: Double?, responses: Int) {
        let latest = NetPromoter.latest(programme, from: period.from, through: period.to)
        return (NetPromoter.score(latest.values), latest.count)
    }

    /// Queued registrations and, of the pending ones, those past the approval SLA as of `asOf`.
    public static func queueCounts(_ programme: Programme, asOf: Day) -> (pending: Int, breaches: Int) {
        let cutoff = ApprovalSLA(programme.policy).breachCutoff(at: asOf.endOfDay)
        var pending = 0, breaches = 0
        let statuses = programme.registrations.statuses, submitted = programme.registrations.submittedAt
        for row in statuses.indices where statuses[row].isQueued {
            pending += 1
            if statuses[row] == .pending && submitted[row] < cutoff { breaches += 1 }
        }
        return (pending, breaches)
    }
}
