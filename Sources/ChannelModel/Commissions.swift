/// How a partner is paid on a protected win: resellers by discount, everyone else by commission.
public enum CommissionKind: String, Labelled { case commission, discount }

/// One eligible deal with what the partner earns on it.
public struct CommissionLine: Hashable, Sendable, Codable {
    public var dealId: String
    public var partnerId: String
    public var registrationId: String
    public var acv: Money
    public var rate: Double
    public var amount: Money
    public var kind: CommissionKind

    public init(dealId: String, partnerId: String, registrationId: String, acv: Money, rate: Double,
                amount: Money, kind: CommissionKind) {
        self.dealId = dealId; self.partnerId = partnerId; self.registrationId = registrationId; self.acv = acv
        self.rate = rate; self.amount = amount; self.kind = kind
    }
}

/// Commission eligibility (DESIGN.md §3): a won, sourced deal closed inside its approved registration's
/// protection window, paid at the rate of the tier the partner held when the registration was approved.
public enum Commissions {
    public static func lines(_ programme: Programme) -> [CommissionLine] {
        programme.deals.indices.compactMap { position in
            programme.deals.isSourcedWin(position) ? line(for: programme.deals[position], in: programme) : nil
        }
    }

    public static func line(for deal: Deal, in programme: Programme) -> CommissionLine? {
        guard deal.isSourcedWin, let registrationID = deal.registrationID,
              let registration = programme.registration(registrationID),
              let decided = registration.decidedAt, let protectedUntil = registration.protectedUntil,
              decided.day <= deal.closedOn, deal.closedOn <= protectedUntil,
              let partner = programme.partner(deal.partnerID)
        else { return nil }
        let tier = registration.tierAtApproval.flatMap(programme.policy.tier(named:)) ?? programme.tier(of: partner)
        let (rate, kind) = tier.rate(for: partner.type)
        return CommissionLine(dealId: deal.id, partnerId: deal.partnerID, registrationId: registrationID,
                              acv: deal.acv, rate: rate, amount: deal.acv.times(rate: rate), kind: kind)
    }
}
