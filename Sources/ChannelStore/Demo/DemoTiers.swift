import ChannelModel

/// Gives every demo partner a current tier: mostly the tier its revenue earns, with the mismatches
/// that tier review exists for — partners due an upgrade, due a downgrade, or slipping but still
/// inside the grace period.
enum DemoTiers {
    /// Tier names by partner index.
    static func assign(partners: [PartnerPlan], deals: [DealPlan], policy: Policy, asOf: Day,
                       random: inout DemoRandom) -> [String] {
        let tiers = policy.tiers
        guard !tiers.isEmpty else { return partners.map { _ in "" } }
        let floor = tiers.count - 1
        let graceStart = asOf.adding(days: -policy.tierGraceDays)
        let arrNow = trailingARR(deals, partners: partners.count, asOf: asOf)
        let arrBefore = trailingARR(deals, partners: partners.count, asOf: graceStart)
        // Ranks as TierEngine counts them: 0 is the top of the ladder.
        var current = [Int](repeating: floor, count: partners.count)
        var now = current, before = current
        for (index, partner) in partners.enumerated() {
            now[index] = TierEngine.qualifiedRank(policy, arr: arrNow[index], staff: partner.certifiedStaff)
            before[index] = TierEngine.qualifiedRank(policy, arr: arrBefore[index], staff: partner.certifiedStaff)
            switch partner.status {
            case .prospect: current[index] = floor
            // A churned partner keeps the tier it last held; nobody reviews it any more.
            case .churned: current[index] = before[index]
            default: current[index] = tier(now: now[index], before: before[index], floor: floor, random: &random)
            }
        }
        guaranteeEveryProposal(&current, now: now, before: before, partners: partners, floor: floor)
        return current.map { tiers[$0].name }
    }

    /// Tier review happens a few times a year, so at any moment some tiers lag behind revenue.
    private static func tier(now: Int, before: Int, floor: Int, random: inout DemoRandom) -> Int {
        // Qualified higher a quarter ago: the tier is still the old one, and the partner is at risk.
        if before < now && random.chance(0.7) { return before }
        let roll = random.unit()
        if roll < 0.07 && now < floor { return now + 1 }                       // due an upgrade
        if roll < 0.12 && min(now, before) > 0 { return min(now, before) - 1 }  // due a downgrade
        return now
    }

    /// Makes sure the tier pane has at least one upgrade, downgrade and at-risk partner to show,
    /// whenever the revenue makes that possible at all.
    private static func guaranteeEveryProposal(_ current: inout [Int], now: [Int], before: [Int],
                                               partners: [PartnerPlan], floor: Int) {
        func proposal(_ index: Int) -> TierProposal {
            if now[index] < current[index] { return .upgrade }
            if now[index] > current[index] { return before[index] > current[index] ? .downgrade : .atRisk }
            return .hold
        }
        // Evaluated partners only; the small ones first, so the giants keep their honest tiers.
        let evaluated = partners.indices.filter { partners[$0].isEnrolled }.sorted { partners[$0].rank > partners[$1].rank }
        func ensure(_ kind: TierProposal, _ candidate: (Int) -> Int?) {
            guard !evaluated.contains(where: { proposal($0) == kind }) else { return }
            for index in evaluated where proposal(index) == .hold {
                if let tier = candidate(index) {
                    current[index] = tier
                    return
                }
            }
        }
        ensure(.upgrade) { now[$0] < floor ? now[$0] + 1 : nil }
        ensure(.downgrade) { min(now[$0], before[$0]) > 0 ? min(now[$0], before[$0]) - 1 : nil }
        ensure(.atRisk) { before[$0] < now[$0] ? before[$0] : nil }
    }

    /// Sourced won ACV per partner with `asOf − 365 days < closed_on <= asOf` (DESIGN.md §3).
    static func trailingARR(_ deals: [DealPlan], partners: Int, asOf: Day) -> [Money] {
        let earliest = asOf.adding(days: -365)
        var totals = [Money](repeating: .zero, count: partners)
        for deal in deals where deal.isSourcedWin && earliest < deal.closedOn && deal.closedOn <= asOf {
            totals[Int(deal.partner)].cents += deal.acvCents
        }
        return totals
    }
}
