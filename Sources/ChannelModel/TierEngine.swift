/// What tier evaluation suggests for a partner; nothing changes until a manager applies it.
public enum TierProposal: String, Labelled {
    case upgrade, downgrade
    case atRisk = "at_risk"
    case hold
}

/// A partner's standing on the tier ladder as of a date, with the numbers behind the proposal.
public struct TierStanding: Hashable, Sendable, Codable {
    public var partnerId: String
    public var currentTier: String
    public var qualifiedTier: String
    public var trailingSourcedARR: Money
    public var certifiedStaff: Int
    public var proposal: TierProposal
    /// The tier the partner qualified for at the start of the grace window (`asOf − grace`).
    public var qualifiedTierBeforeGrace: String

    private enum CodingKeys: String, CodingKey {
        case partnerId, currentTier, qualifiedTier, trailingSourcedARR, certifiedStaff, proposal
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        partnerId = try c.decode(String.self, forKey: .partnerId)
        currentTier = try c.decode(String.self, forKey: .currentTier)
        qualifiedTier = try c.decode(String.self, forKey: .qualifiedTier)
        trailingSourcedARR = try c.decode(Money.self, forKey: .trailingSourcedARR)
        certifiedStaff = try c.decode(Int.self, forKey: .certifiedStaff)
        proposal = try c.decode(TierProposal.self, forKey: .proposal)
        qualifiedTierBeforeGrace = qualifiedTier
    }

    public init(partnerId: String, currentTier: String, qualifiedTier: String, trailingSourcedARR: Money,
                certifiedStaff: Int, proposal: TierProposal, qualifiedTierBeforeGrace: String) {
        self.partnerId = partnerId; self.currentTier = currentTier; self.qualifiedTier = qualifiedTier
        self.trailingSourcedARR = trailingSourcedARR; self.certifiedStaff = certifiedStaff
        self.proposal = proposal; self.qualifiedTierBeforeGrace = qualifiedTierBeforeGrace
    }
}

/// Tier evaluation with grace (DESIGN.md §3).
public enum TierEngine {
    /// Standings of every enrolled partner as of `asOf`, in partner order.
    ///
    /// A tier change applied after `asOf` has not happened yet (DESIGN.md §3): each partner stands on
    /// the tier it had at the end of that day.
    public static func standings(_ programme: Programme, asOf: Day) -> [TierStanding] {
        let policy = programme.policy
        let graceStart = asOf.adding(days: -policy.tierGraceDays)
        let now = trailingSourcedARR(programme, asOf: asOf)
        let before = trailingSourcedARR(programme, asOf: graceStart)
        let history = TierHistory(programme), day = AsOf(asOf, now: asOf.endOfDay)
        return programme.partners.filter { Metrics.isEnrolled($0, asOf: asOf) }.map { partner in
            var then = partner
            then.tier = history.tier(of: partner, asOf: day)
            return standing(then, policy: policy, arr: now[partner.id] ?? .zero, arrBeforeGrace: before[partner.id] ?? .zero)
        }
    }

    /// One partner's standing from its trailing ARR now and at the start of the grace window; nil when
    /// the partner is not enrolled. `wins` are its sourced wins (the partner detail has them at hand).
    public static func standing(_ partner: Partner, in programme: Programme, wins: [Deal], asOf: Day) -> TierStanding? {
        guard Metrics.isEnrolled(partner, asOf: asOf) else { return nil }
        func arr(_ day: Day) -> Money {
            wins.reduce(Money.zero) { $0 + ($1.isSourcedWin && day.adding(days: -365) < $1.closedOn && $1.closedOn <= day ? $1.acv : .zero) }
        }
        return standing(partner, policy: programme.policy, arr: arr(asOf), arrBeforeGrace: arr(asOf.adding(days: -programme.policy.tierGraceDays)))
    }

    static func standing(_ partner: Partner, policy: Policy, arr: Money, arrBeforeGrace: Money) -> TierStanding {
        let qualified = qualifiedRank(policy, arr: arr, staff: partner.certifiedStaff)
        let qualifiedBefore = qualifiedRank(policy, arr: arrBeforeGrace, staff: partner.certifiedStaff)
        let current = policy.rank(of: partner.tier)
        let proposal: TierProposal
        if qualified < current {
            proposal = .upgrade
        } else if qualified > current {
            proposal = qualifiedBefore > current ? .downgrade : .atRisk
        } else {
            proposal = .hold
        }
        return TierStanding(
            partnerId: partner.id, currentTier: partner.tier, qualifiedTier: policy.tiers[qualified].name,
            trailingSourcedARR: arr, certifiedStaff: partner.certifiedStaff, proposal: proposal,
            qualifiedTierBeforeGrace: policy.tiers[qualifiedBefore].name)
    }

    /// Sourced won ACV per partner with `asOf − 365 days < closed_on <= asOf`.
    public static func trailingSourcedARR(_ programme: Programme, asOf: Day) -> [String: Money] {
        programme.sourcedWinTotals(from: asOf.adding(days: -364), through: asOf).mapValues { Money(cents: $0) }
    }

    /// Rank (0 = highest) of the highest tier whose ARR and staff minimums are both met.
    public static func qualifiedRank(_ policy: Policy, arr: Money, staff: Int) -> Int {
        policy.tiers.firstIndex { arr >= $0.minTrailingSourcedARR && staff >= $0.minCertifiedStaff }
            ?? policy.tiers.count - 1
    }
}

extension TierEngine {
    /// For a partner at risk: the day its grace runs out if it closes nothing more — the first day `X`
    /// after `asOf` on which the tier qualified for at `X − grace` is below its current tier. nil when
    /// the partner is not at risk.
    ///
    /// - Parameter wins: the partner's sourced wins, when the caller already grouped them (a ladder of
    ///   thousands of partners must not rescan every deal per partner).
    public static func graceEnds(_ programme: Programme, standing: TierStanding, asOf: Day, wins: [Deal]? = nil) -> Day? {
        guard standing.proposal == .atRisk, let partner = programme.partner(standing.partnerId) else { return nil }
        let policy = programme.policy
        let current = policy.rank(of: partner.tier)
        let wins = wins ?? programme.dealPositions(ofPartner: partner.id)
            .filter { programme.deals.isSourcedWin($0) }.map { programme.deals[$0] }
        for step in 1...policy.tierGraceDays {
            let day = asOf.adding(days: step - policy.tierGraceDays)
            let arr = wins.reduce(Money.zero) { $0 + (day.adding(days: -365) < $1.closedOn && $1.closedOn <= day ? $1.acv : .zero) }
            if qualifiedRank(policy, arr: arr, staff: partner.certifiedStaff) > current { return asOf.adding(days: step) }
        }
        return asOf.adding(days: policy.tierGraceDays)
    }
}
