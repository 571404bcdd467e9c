/// How far a partner stands from the rung that matters to it now (DESIGN §3's proposals): a partner at
/// risk or heading down needs to hear what keeps its tier, not how far the next one up is.
public struct TierDistance: Hashable, Sendable {
    public enum Goal: String, Sendable {
        /// Requirements of the current tier, which the partner no longer meets (at risk, downgrade).
        case keep
        /// Requirements of the tier above the current one.
        case reach
        /// Already at the top tier and meeting it.
        case top
    }

    public var goal: Goal
    /// The tier kept or reached; the top tier's name for `.top`.
    public var tier: String
    /// Trailing sourced ARR still missing, zero when met.
    public var arr: Money
    /// Certified staff still missing, zero when met.
    public var staff: Int

    public init(goal: Goal, tier: String, arr: Money, staff: Int) {
        self.goal = goal; self.tier = tier; self.arr = arr; self.staff = staff
    }

    /// Nothing is missing: the partner meets the goal's tier.
    public var isMet: Bool { arr.cents == 0 && staff == 0 }
}

extension TierEngine {
    /// The distance of `standing` from what keeps its tier (at risk, downgrade) or from the next tier up.
    public static func distance(_ standing: TierStanding, policy: Policy) -> TierDistance {
        let rank = policy.rank(of: standing.currentTier)
        func missing(_ tier: Tier, _ goal: TierDistance.Goal) -> TierDistance {
            TierDistance(goal: goal, tier: tier.name, arr: max(.zero, tier.minTrailingSourcedARR - standing.trailingSourcedARR),
                         staff: max(0, tier.minCertifiedStaff - standing.certifiedStaff))
        }
        guard rank < policy.tiers.count else { return missing(policy.tiers[policy.tiers.count - 1], .reach) }
        switch standing.proposal {
        case .atRisk, .downgrade: return missing(policy.tiers[rank], .keep)
        case .upgrade, .hold:
            guard rank > 0 else { return TierDistance(goal: .top, tier: policy.tiers[0].name, arr: .zero, staff: 0) }
            return missing(policy.tiers[rank - 1], .reach)
        }
    }
}
