// The programme's MDF records and the §8 rules applied to them, so the CLI, the console and the reducer
// ask one place for a queue, a balance or the figures.
extension Programme {
    /// The MDF windows of this programme's policy.
    public var mdfPolicy: MDFPolicy { MDFPolicy(policy) }

    public func mdfRequest(_ id: String) -> MDFRequest? { mdfRequestIndex[id].map { mdfRequests[$0] } }

    /// The tier's "MDF / year" of a partner: the allocation when no explicit row exists.
    public func tierMDF(_ partner: Partner) -> Money { tier(of: partner).mdfPerYear }

    /// Adds or replaces a request by id.
    @discardableResult
    public mutating func upsert(_ request: MDFRequest) -> Change {
        if let position = mdfRequestIndex[request.id] {
            if mdfRequests[position] == request { return .unchanged }
            mdfRequests[position] = request
            return .updated
        }
        mdfRequestIndex[request.id] = mdfRequests.count
        mdfRequests.append(request)
        return .added
    }

    /// Adds or replaces the allocation of (partner, year).
    @discardableResult
    public mutating func upsert(_ allocation: MDFAllocation) -> Change {
        let key = MDFRules.AllocationKey(partnerID: allocation.partnerID, year: allocation.year)
        if let position = mdfAllocationIndex[key] {
            if mdfAllocations[position] == allocation { return .unchanged }
            mdfAllocations[position] = allocation
            return .updated
        }
        mdfAllocationIndex[key] = mdfAllocations.count
        mdfAllocations.append(allocation)
        return .added
    }

    /// Changes one request in place; false when there is no such id.
    @discardableResult
    public mutating func updateMDFRequest(_ id: String, _ change: (inout MDFRequest) -> Void) -> Bool {
        guard let position = mdfRequestIndex[id] else { return false }
        change(&mdfRequests[position])
        return true
    }

    /// Takes decoded MDF tables, refusing a repeated request id or (partner, year).
    mutating func loadMDF(requests: [MDFRequest], allocations: [MDFAllocation], indexes: MDFIndexes? = nil) throws(DuplicateID) {
        mdfRequests = requests
        mdfAllocations = allocations
        let built: MDFIndexes
        if let indexes { built = indexes } else { built = try MDFIndexes(requests: requests, allocations: allocations) }
        mdfRequestIndex = built.requests
        mdfAllocationIndex = built.allocations
    }

    // MARK: The §8 rules over this programme

    public func mdfStatus(_ request: MDFRequest, asOf day: Day) -> MDFStatus? {
        MDFRules.status(request, asOf: day, policy: mdfPolicy)
    }

    public func mdfQueue(asOf day: Day) -> [MDFQueueItem] {
        MDFRules.queue(partners: partners, requests: mdfRequests, allocations: mdfAllocations, asOf: day,
                       policy: mdfPolicy, tierMDF: tierMDF)
    }

    public func mdfBalances(year: Int, asOf day: Day) -> [MDFBalance] {
        MDFRules.balances(partners: partners, requests: mdfRequests, allocations: mdfAllocations, year: year,
                          asOf: day, policy: mdfPolicy, tierMDF: tierMDF)
    }

    /// One partner's allocation, commitment and spend for a year as of D; nil when the partner is
    /// unknown or not enrolled (no allocation, so nothing can be approved).
    public func mdfBalance(partnerID: String, year: Int, asOf day: Day) -> MDFBalance? {
        guard let partner = partner(partnerID),
              let allocation = MDFRules.allocation(partner, year: year, asOf: day, rows: MDFRules.index(mdfAllocations),
                                                   tierMDF: tierMDF)
        else { return nil }
        let mine = mdfRequests.filter { $0.partnerID == partnerID }
        let used = MDFRules.usage(mine, year: year, asOf: day, policy: mdfPolicy)[partnerID] ?? (.zero, .zero)
        return MDFBalance(partnerID: partnerID, year: year, allocation: allocation, committed: used.committed, spent: used.spent)
    }

    /// The ids of registrations an MDF activity produced: the wins MDF ROI counts.
    public var mdfRegistrationIDs: Set<String> {
        var ids = Set<String>()
        let column = registrations.mdfRequestIDs
        for row in 0..<column.count where !column.isNull(row) { ids.insert(registrations.ids[row]) }
        return ids
    }

    public func mdfFigures(period: Period) -> MDFFigures {
        // Only sourced wins in the period that name a registration can count: pick them from the columns
        // rather than making every deal of a large programme into a record.
        let from = period.from.ordinal, to = period.to.ordinal
        let candidates = deals.indices.filter {
            deals.isSourcedWin($0) && deals.closedOn[$0] >= from && deals.closedOn[$0] <= to && !deals.registrationIDs.isNull($0)
        }
        return MDFRules.figures(partners: partners, requests: mdfRequests, allocations: mdfAllocations,
                                deals: candidates.map { deals[$0] }, mdfRegistrations: mdfRegistrationIDs,
                                period: period, policy: mdfPolicy, tierMDF: tierMDF)
    }
}

/// The MDF tables' indexes (request by id, allocation by partner and year), built apart from the
/// programme so the loader builds them on the core that decoded the tables.
public struct MDFIndexes: Sendable {
    let requests: [String: Int]
    let allocations: [MDFRules.AllocationKey: Int]

    public init(requests: [MDFRequest], allocations: [MDFAllocation]) throws(Programme.DuplicateID) {
        // Sized up front and read by position: growing a 100k-entry index and copying each request
        // (a dozen strings to retain) showed in the profile of opening a 1M-registration programme.
        var byID = [String: Int](minimumCapacity: requests.count)
        var byKey = [MDFRules.AllocationKey: Int](minimumCapacity: allocations.count)
        for position in requests.indices where byID.updateValue(position, forKey: requests[position].id) != nil {
            throw Programme.DuplicateID(table: "mdfRequests", id: requests[position].id)
        }
        for (position, row) in allocations.enumerated()
        where byKey.updateValue(position, forKey: MDFRules.AllocationKey(partnerID: row.partnerID, year: row.year)) != nil {
            throw Programme.DuplicateID(table: "mdfAllocations", id: "\(row.partnerID) \(row.year)")
        }
        self.requests = byID
        self.allocations = byKey
    }
}
