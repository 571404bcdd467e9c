/// One rung of the tier ladder: what it takes to reach it and what it pays.
public struct Tier: Hashable, Sendable, Codable {
    public var name: String
    public var minTrailingSourcedARR: Money
    public var minCertifiedStaff: Int
    public var referralCommission: Double
    public var resellerDiscount: Double
    public var mdfPerYear: Money
    public var priorityRegistration: Bool

    public init(name: String, minTrailingSourcedARR: Money, minCertifiedStaff: Int, referralCommission: Double,
                resellerDiscount: Double, mdfPerYear: Money, priorityRegistration: Bool) {
        self.name = name; self.minTrailingSourcedARR = minTrailingSourcedARR
        self.minCertifiedStaff = minCertifiedStaff; self.referralCommission = referralCommission
        self.resellerDiscount = resellerDiscount; self.mdfPerYear = mdfPerYear
        self.priorityRegistration = priorityRegistration
    }

    /// The rate a partner of `type` earns on a protected win: resellers buy at a discount, everyone
    /// else is paid a referral commission.
    public func rate(for type: PartnerType) -> (rate: Double, kind: CommissionKind) {
        type == .reseller ? (resellerDiscount, .discount) : (referralCommission, .commission)
    }
}

/// The programme's own rules: the tier ladder (highest first) and the time windows. Stored in the
/// programme file, so two programmes can run different ladders.
public struct Policy: Hashable, Sendable, Codable {
    /// Highest tier first; the last is the floor every partner qualifies for.
    public var tiers: [Tier]
    public var approvalSLAHours: Int
    public var protectionDays: Int
    public var extensionDays: Int
    public var maxExtensions: Int
    public var activityWindowDays: Int
    public var tierGraceDays: Int
    /// Days after an MDF activity's `ends_on` within which the partner may still claim (DESIGN §8).
    public var mdfClaimDays: Int
    /// Days a submitted MDF request may wait for a decision before it counts as breached.
    public var mdfApprovalDays: Int

    public static let defaultMDFClaimDays = 60
    public static let defaultMDFApprovalDays = 5

    public init(tiers: [Tier], approvalSLAHours: Int, protectionDays: Int, extensionDays: Int,
                maxExtensions: Int, activityWindowDays: Int, tierGraceDays: Int,
                mdfClaimDays: Int = Policy.defaultMDFClaimDays, mdfApprovalDays: Int = Policy.defaultMDFApprovalDays) {
        self.tiers = tiers; self.approvalSLAHours = approvalSLAHours; self.protectionDays = protectionDays
        self.extensionDays = extensionDays; self.maxExtensions = maxExtensions
        self.activityWindowDays = activityWindowDays; self.tierGraceDays = tierGraceDays
        self.mdfClaimDays = mdfClaimDays; self.mdfApprovalDays = mdfApprovalDays
    }

    private enum CodingKeys: String, CodingKey {
        case tiers, approvalSLAHours, protectionDays, extensionDays, maxExtensions, activityWindowDays, tierGraceDays
        case mdfClaimDays, mdfApprovalDays
    }

    /// Policies written before MDF existed (programme files, exported JSON) lack the two MDF windows:
    /// they read as the defaults rather than failing to open.
    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(tiers: try c.decode([Tier].self, forKey: .tiers),
                  approvalSLAHours: try c.decode(Int.self, forKey: .approvalSLAHours),
                  protectionDays: try c.decode(Int.self, forKey: .protectionDays),
                  extensionDays: try c.decode(Int.self, forKey: .extensionDays),
                  maxExtensions: try c.decode(Int.self, forKey: .maxExtensions),
                  activityWindowDays: try c.decode(Int.self, forKey: .activityWindowDays),
                  tierGraceDays: try c.decode(Int.self, forKey: .tierGraceDays),
                  mdfClaimDays: try c.decodeIfPresent(Int.self, forKey: .mdfClaimDays) ?? Policy.defaultMDFClaimDays,
                  mdfApprovalDays: try c.decodeIfPresent(Int.self, forKey: .mdfApprovalDays) ?? Policy.defaultMDFApprovalDays)
    }

    public func tier(named name: String) -> Tier? { tiers.first { $0.name == name } }

    /// 0 for the highest tier; larger is lower. Unknown names rank below the ladder.
    public func rank(of name: String) -> Int { tiers.firstIndex { $0.name == name } ?? tiers.count }

    /// Case-insensitive lookup of an imported tier value, answering the policy's own spelling.
    public func tierName(matching label: some StringProtocol) -> String? {
        let lowered = label.lowercased()
        return tiers.first { $0.name.lowercased() == lowered }?.name
    }

    /// Every rule a policy must satisfy, as sentences a channel manager can act on; empty when valid.
    public func problems() -> [String] {
        var problems: [String] = []
        if tiers.isEmpty { problems.append("the policy has no tiers") }
        var names = Set<String>()
        for (index, tier) in tiers.enumerated() {
            let label = tier.name.isEmpty ? "tier \(index + 1)" : "tier \(tier.name)"
            if tier.name.isEmpty { problems.append("\(label): the name is empty") }
            if !names.insert(tier.name.lowercased()).inserted { problems.append("\(label): the name is used twice") }
            if tier.minTrailingSourcedARR.cents < 0 { problems.append("\(label): minTrailingSourcedARR is negative") }
            if tier.minCertifiedStaff < 0 { problems.append("\(label): minCertifiedStaff is negative") }
            if tier.mdfPerYear.cents < 0 { problems.append("\(label): mdfPerYear is negative") }
            if !(0...1).contains(tier.referralCommission) { problems.append("\(label): referralCommission must be between 0 and 1") }
            if !(0...1).contains(tier.resellerDiscount) { problems.append("\(label): resellerDiscount must be between 0 and 1") }
            if index > 0 {
                let above = tiers[index - 1]
                if !(above.minTrailingSourcedARR > tier.minTrailingSourcedARR
                     || above.minCertifiedStaff > tier.minCertifiedStaff)
                    || above.minTrailingSourcedARR < tier.minTrailingSourcedARR
                    || above.minCertifiedStaff < tier.minCertifiedStaff {
                    problems.append("\(label): tiers must be strictly ordered, highest first — \(above.name) must require more than \(tier.name)")
                }
            }
        }
        if let floor = tiers.last, floor.minTrailingSourcedARR.cents != 0 || floor.minCertifiedStaff != 0 {
            problems.append("tier \(floor.name): the lowest tier must require nothing (0 ARR, 0 staff) so every partner has a tier")
        }
        for (name, value) in [("approvalSLAHours", approvalSLAHours), ("protectionDays", protectionDays),
                              ("extensionDays", extensionDays), ("activityWindowDays", activityWindowDays),
                              ("tierGraceDays", tierGraceDays), ("mdfClaimDays", mdfClaimDays),
                              ("mdfApprovalDays", mdfApprovalDays)] where value <= 0 {
            problems.append("\(name) must be positive")
        }
        if maxExtensions < 0 { problems.append("maxExtensions must not be negative") }
        return problems
    }
}
