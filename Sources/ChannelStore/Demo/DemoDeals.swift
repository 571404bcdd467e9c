import ChannelModel

/// A demo deal as numbers only, like `RegistrationPlan`.
struct DealPlan {
    var partner: Int32
    /// Position of the registration in the final (sorted) registrations, or -1 for none.
    var registration: Int32
    var prospect: Int32
    var variant: UInt8
    var acvCents: Int64
    var closedOn: Day
    var won: Bool
    var sourced: Bool

    var isSourcedWin: Bool { won && sourced }
}

/// Closed deals: one per closed registration (sourced), plus deals the partner only influenced.
enum DemoDeals {
    /// Every deal, oldest first. `registrations` must already be in their final order, because deals
    /// refer to them by position.
    static func plan(registrations: [RegistrationPlan], partners: [PartnerPlan], historyPool: Int,
                     policy: Policy, asOf: Day, random: inout DemoRandom) -> [DealPlan] {
        var deals: [DealPlan] = []
        deals.reserveCapacity(registrations.count * 3 / 10 + 16)
        for (position, registration) in registrations.enumerated()
        where registration.status == .closedWon || registration.status == .closedLost {
            let won = registration.status == .closedWon
            deals.append(DealPlan(
                partner: registration.partner, registration: Int32(position), prospect: registration.prospect,
                variant: registration.variant, acvCents: negotiated(registration.acvCents, &random),
                closedOn: closingDay(of: registration, won: won, policy: policy, asOf: asOf, random: &random),
                won: won, sourced: true))
        }
        influenced(deals.count / 3, into: &deals, partners: partners, pool: historyPool, asOf: asOf, random: &random)
        deals.sort { ($0.closedOn, $0.registration) < ($1.closedOn, $1.registration) }
        return deals
    }

    /// Most deals close inside the protection window — that is what the window is for, and it makes
    /// commissions accrue — but some wins land after it lapsed and earn nothing.
    private static func closingDay(of registration: RegistrationPlan, won: Bool, policy: Policy, asOf: Day,
                                   random: inout DemoRandom) -> Day {
        let decided = registration.decidedDay
        let protectedUntil = decided.adding(days: policy.protectionDays)
        let lastInside = min(protectedUntil, asOf)
        if won && random.chance(0.08) && protectedUntil < asOf {
            let lastLate = min(protectedUntil.adding(days: 60), asOf)
            return protectedUntil.adding(days: 1 + random.below(protectedUntil.distance(to: lastLate)))
        }
        // Deals close late in the window more often than early: sales cycles take weeks.
        let span = decided.distance(to: lastInside)
        return decided.adding(days: Int((random.unit().squareRoot() * Double(span + 1)).rounded(.down)))
    }

    /// Deals the direct team closed with the partner's help: no registration, and credited as
    /// `influenced`, a quarter of all deals.
    private static func influenced(_ count: Int, into deals: inout [DealPlan], partners: [PartnerPlan], pool: Int,
                                   asOf: Day, random: inout DemoRandom) {
        let picker = WeightedPicker(partners.map(\.weight))
        guard !picker.isEmpty, pool > 0 else { return }
        for _ in 0..<count {
            let partner = picker.pick(&random)
            let from = partners[partner].activeFrom, until = min(partners[partner].activeUntil, asOf)
            deals.append(DealPlan(
                partner: Int32(partner), registration: -1, prospect: Int32(random.below(pool)), variant: 0,
                acvCents: DemoRegistrations.estimatedACV(&random),
                closedOn: from.adding(days: random.below(max(1, from.distance(to: until) + 1))),
                won: random.chance(0.65), sourced: false))
        }
    }

    /// The signed value lands near the partner's estimate, rarely far from it.
    private static func negotiated(_ estimate: Int64, _ random: inout DemoRandom) -> Int64 {
        let factor = min(1.6, max(0.5, 1 + 0.15 * random.normal()))
        return Int64((Double(estimate) * factor).rounded())
    }
}
