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
    mutating func loadMDF(requests: [MDFRequest], allocations: [MDFAllocation]) throws(DuplicateID) {
        mdfRequests = requests
        mdfAllocations = allocations
        // Sized up front and read by position: growing a 100k-entry index and copying each request
        // (a dozen strings to retain) showed in the profile of opening a 1M-registration programme.
        mdfRequestIndex = Dictionary(minimumCapacity: requests.count)
        mdfAllocationIndex = Dictionary(minimumCapacity: allocations.count)
        for position in requests.indices where mdfRequestIndex.updateValue(position, forKey: requests[position].id) != nil {
            throw DuplicateID(table: "mdfRequests", id: requests[position].id)
        }
        for (position, row) in allocations.enumerated()
        where mdfAllocationIndex.updateValue(position, forKey: MDFRules.AllocationKey(partnerID: row.partnerID, year: row.year)) != nil {
            throw DuplicateID(table: "mdfAllocations", id: "\(row.partnerID) \(row.year)")
        }
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
