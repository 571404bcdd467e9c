/// A refused MDF decision, with a message that gives the numbers so the manager sees why.
public struct MDFRefusal: Error, Hashable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// One row of the MDF queue as of D.
public struct MDFQueueItem: Hashable, Sendable {
    public var request: MDFRequest
    public var status: MDFStatus
    public var balance: Money
    public var breached: Bool

    /// The approved amount as it stood at D: only a claim under review had been approved then; a request
    /// still waiting at D shows none, even if it was approved after.
    public var approvedAmount: Money? { status == .claimed ? request.approvedAmount : nil }
}

/// Allocation, commitment, spend and balance of one partner for one year.
public struct MDFBalance: Hashable, Sendable {
    public var partnerID: String
    public var year: Int
    public var allocation: Money
    public var committed: Money
    public var spent: Money
    public var balance: Money { allocation - committed - spent }
}

/// The MDF figures of a period (DESIGN §8); ROI is nil when nothing was paid.
public struct MDFFigures: Hashable, Sendable {
    public var allocated: Money
    public var committed: Money
    public var spent: Money
    public var utilisation: Double
    public var paid: Money
    public var sourcedARR: Money
    public var roi: Double?
}

/// The pure rules of DESIGN §8: no storage, so the console, the CLI and tests share one definition.
public enum MDFRules {
    /// Status as of D, or nil when the request did not exist yet. Events dated after the end of D are undone.
    public static func status(_ r: MDFRequest, asOf day: Day, policy: MDFPolicy = MDFPolicy()) -> MDFStatus? {
        let end = day.endOfDay
        guard r.submittedAt <= end else { return nil }
        let decided = r.decidedAt.map { $0 <= end } ?? false
        let claimed = r.claimedAt.map { $0 <= end } ?? false
        switch r.status {
        case .submitted: return .submitted
        case .infoRequested: return .infoRequested
        case .rejected: return decided ? .rejected : .submitted
        case .approved, .expired, .claimed, .paid, .claimRejected:
            guard decided else { return .submitted }
            if claimed {
                if r.status == .paid { return (r.paidOn.map { $0 <= day } ?? false) ? .paid : .claimed }
                if r.status == .claimRejected { return .claimRejected }
                return .claimed
            }
            // Approved and unclaimed at D: lapses once the claim window has closed, like a lapsed protection.
            return r.endsOn.adding(days: policy.claimDays) < day ? .expired : .approved
        }
    }

    /// Allocation of a partner for a year: the explicit row, else the tier's MDF / year; nil when not enrolled.
    public static func allocation(_ partner: Partner, year: Int, asOf day: Day, rows: [AllocationKey: Money],
                                  tierMDF: (Partner) -> Money) -> Money? {
        guard Metrics.isEnrolled(partner, asOf: day) else { return nil }
        return rows[AllocationKey(partnerID: partner.id, year: year)] ?? tierMDF(partner)
    }

    /// Key of the allocation dictionary, so lookups stay O(1) with many partners and years.
    public struct AllocationKey: Hashable, Sendable {
        public var partnerID: String
        public var year: Int
        public init(partnerID: String, year: Int) { self.partnerID = partnerID; self.year = year }
    }

    /// Allocation rows indexed by (partner, year); a later row for the same key wins (upsert).
    public static func index(_ rows: [MDFAllocation]) -> [AllocationKey: Money] {
        var out: [AllocationKey: Money] = [:]
        for row in rows { out[AllocationKey(partnerID: row.partnerID, year: row.year)] = row.amount }
        return out
    }

    /// Committed and spent per partner for year Y as of D, one pass over the requests.
    public static func usage(_ requests: [MDFRequest], year: Int, asOf day: Day, policy: MDFPolicy = MDFPolicy())
        -> [String: (committed: Money, spent: Money)] {
        var out: [String: (committed: Money, spent: Money)] = [:]
        for r in requests where r.year == year {
            switch status(r, asOf: day, policy: policy) {
            case .approved?, .claimed?: out[r.partnerID, default: (.zero, .zero)].committed += r.approvedAmount ?? .zero
            case .paid?: out[r.partnerID, default: (.zero, .zero)].spent += r.paidAmount ?? .zero
            default: break
            }
        }
        return out
    }

    /// Balances of every enrolled partner for year Y as of D, in partner order.
    public static func balances(partners: [Partner], requests: [MDFRequest], allocations: [MDFAllocation], year: Int,
                                asOf day: Day, policy: MDFPolicy = MDFPolicy(),
                                tierMDF: (Partner) -> Money) -> [MDFBalance] {
        let rows = index(allocations)
        let used = usage(requests, year: year, asOf: day, policy: policy)
        return partners.compactMap { p in
            guard let a = allocation(p, year: year, asOf: day, rows: rows, tierMDF: tierMDF) else { return nil }
            let u = used[p.id] ?? (.zero, .zero)
            return MDFBalance(partnerID: p.id, year: year, allocation: a, committed: u.committed, spent: u.spent)
        }
    }

    /// Breach: still `submitted` and `submitted_at + approvalDays` is before the end of D.
    public static func isBreached(_ r: MDFRequest, status: MDFStatus, asOf day: Day, policy: MDFPolicy = MDFPolicy()) -> Bool {
        status == .submitted && r.submittedAt.adding(seconds: Int64(policy.approvalDays) * 86_400) < day.endOfDay
    }

    /// The MDF queue as of D: claims (oldest claim first), then submitted, then info_requested; ties by id.
    public static func queue(partners: [Partner], requests: [MDFRequest], allocations: [MDFAllocation], asOf day: Day,
                             policy: MDFPolicy = MDFPolicy(), tierMDF: (Partner) -> Money) -> [MDFQueueItem] {
        var items: [(rank: Int, key: Instant, item: MDFQueueItem)] = []
        var balanceCache: [Int: [String: Money]] = [:]
        for r in requests {
            guard let s = status(r, asOf: day, policy: policy) else { continue }
            let rank: Int, key: Instant
            switch s {
            case .claimed: rank = 0; key = r.claimedAt ?? r.submittedAt
            case .submitted: rank = 1; key = r.submittedAt
            case .infoRequested: rank = 2; key = r.submittedAt
            default: continue
            }
            if balanceCache[r.year] == nil {
                let list = balances(partners: partners, requests: requests, allocations: allocations, year: r.year,
                                    asOf: day, policy: policy, tierMDF: tierMDF)
                balanceCache[r.year] = Dictionary(list.map { ($0.partnerID, $0.balance) }, uniquingKeysWith: { a, _ in a })
            }
            let bal = balanceCache[r.year]?[r.partnerID] ?? .zero
            items.append((rank, key, MDFQueueItem(request: r, status: s, balance: bal,
                                                  breached: isBreached(r, status: s, asOf: day, policy: policy))))
        }
        items.sort { a, b in
            if a.rank != b.rank { return a.rank < b.rank }
            if a.key != b.key { return a.key < b.key }
            return a.item.request.id < b.item.request.id
        }
        return items.map(\.item)
    }

    /// Figures for [F, T] as of T; `mdfRegistrations` are the ids of registrations carrying an mdf_request_id.
    public static func figures(partners: [Partner], requests: [MDFRequest], allocations: [MDFAllocation], deals: [Deal],
                               mdfRegistrations: Set<String>, period: Period, policy: MDFPolicy = MDFPolicy(),
                               tierMDF: (Partner) -> Money) -> MDFFigures {
        let list = balances(partners: partners, requests: requests, allocations: allocations, year: period.to.year,
                            asOf: period.to, policy: policy, tierMDF: tierMDF)
        let allocated = list.reduce(Money.zero) { $0 + $1.allocation }
        // Committed and spent are over all partners, enrolled or not (DESIGN §8).
        let used = usage(requests, year: period.to.year, asOf: period.to, policy: policy)
        let committed = used.values.reduce(Money.zero) { $0 + $1.committed }
        let spent = used.values.reduce(Money.zero) { $0 + $1.spent }
        var paid = Money.zero
        for r in requests where r.status == .paid {
            if let on = r.paidOn, period.contains(on), r.submittedAt <= period.to.endOfDay { paid += r.paidAmount ?? .zero }
        }
        var arr = Money.zero
        for d in deals where d.isSourcedWin && period.contains(d.closedOn) {
            if let reg = d.registrationID, mdfRegistrations.contains(reg) { arr += d.acv }
        }
        let util = allocated.cents == 0 ? 0 : Double((committed + spent).cents) / Double(allocated.cents)
        let roi = paid.cents == 0 ? nil : Double(arr.cents) / Double(paid.cents)
        return MDFFigures(allocated: allocated, committed: committed, spent: spent, utilisation: util, paid: paid,
                          sourcedARR: arr, roi: roi)
    }

    /// Approve amount A: 0 < A ≤ requested and A ≤ balance.
    public static func checkApprove(_ r: MDFRequest, amount: Money, balance: Money) -> MDFRefusal? {
        if amount.cents <= 0 { return MDFRefusal("approved amount \(amount) must be more than 0") }
        if amount > r.requestedAmount { return MDFRefusal("approved amount \(amount) exceeds requested \(r.requestedAmount)") }
        if amount > balance { return MDFRefusal("approved amount \(amount) exceeds balance \(balance)") }
        return nil
    }

    /// Record a claim: approved, within ends_on + claimDays, amount > 0, proof given.
    public static func checkClaim(_ r: MDFRequest, status: MDFStatus, claimedAt: Instant, amount: Money, proof: String,
                                  policy: MDFPolicy = MDFPolicy()) -> MDFRefusal? {
        if status != .approved { return MDFRefusal("request \(r.id) is \(status.rawValue), not approved") }
        let last = r.endsOn.adding(days: policy.claimDays)
        if claimedAt.day > last { return MDFRefusal("claim on \(claimedAt.day) is after the last claim day \(last) (ends \(r.endsOn) + \(policy.claimDays) days)") }
        if amount.cents <= 0 { return MDFRefusal("claimed amount \(amount) must be more than 0") }
        if proof.allSatisfy({ $0 == " " || $0 == "\t" }) { return MDFRefusal("a claim needs proof of performance") }
        return nil
    }

    /// Paying a claim reimburses at most what was approved.
    public static func payAmount(claimed: Money, approved: Money) -> Money { min(claimed, approved) }
}
