/// The whole partner programme in memory: every record kind of DESIGN.md §4, the policy and the audit
/// trail, with the id indexes that keep look-ups O(1). Record arrays keep import order, which the
/// definitions rely on (the later of two same-day NPS rows wins).
public struct Programme: Sendable, Equatable {
    public var policy: Policy
    public private(set) var partners: [Partner] = []
    public private(set) var registrations = RegistrationTable()
    public private(set) var deals = DealTable()
    public private(set) var investments: [Investment] = []
    public private(set) var npsResponses: [NPSResponse] = []
    public private(set) var directAccounts: [DirectAccount] = []
    public private(set) var enablement: [Enablement] = []
    public private(set) var audit: [AuditEntry] = []
    /// Where each commission line stands; a deal with no entry is accrued.
    public private(set) var commissionStatus: [String: CommissionStatus] = [:]
    public private(set) var clawbacks: [Clawback] = []
    /// MDF requests in import order, and the explicit allocations (DESIGN §8); see Programme+MDF.
    public internal(set) var mdfRequests: [MDFRequest] = []
    public internal(set) var mdfAllocations: [MDFAllocation] = []
    var mdfRequestIndex: [String: Int] = [:]
    var mdfAllocationIndex: [MDFRules.AllocationKey: Int] = [:]

    private var partnerIndex: [String: Int] = [:]
    private var registrationIndex = RowIndex()
    private var dealIndex = RowIndex()
    /// Set once a registration or deal was stored naming a partner the programme lacks (a foreign or
    /// damaged file): adding partners then resolves those rows' partner positions.
    private var mayHaveOrphans = false
    private var directIndex: [String: Int] = [:]
    private var enablementIndex: [EnablementKey: Int] = [:]

    private struct EnablementKey: Hashable { var partnerID: String; var item: EnablementItem }

    public init(policy: Policy) { self.policy = policy }

    /// How an upsert changed the programme, for the import's "added N, updated M" report.
    public enum Change: Sendable, Equatable { case added, updated, unchanged }

    // MARK: Look-ups

    public func partner(_ id: String) -> Partner? { partnerIndex[id].map { partners[$0] } }
    public func registration(_ id: String) -> Registration? { registrationPosition(id).map { registrations[$0] } }
    public func deal(_ id: String) -> Deal? { dealPosition(id).map { deals[$0] } }
    public func registrationPosition(_ id: String) -> Int? { registrationIndex.row(of: id, in: registrations.ids) }
    public func dealPosition(_ id: String) -> Int? { dealIndex.row(of: id, in: deals.ids) }
    public func partnerPosition(_ id: String) -> Int? { partnerIndex[id] }
    public func directAccount(domain: String) -> DirectAccount? {
        directAccount(registrable: Domain.key(domain))
    }

    /// The same for a domain that already is a registrable key (a registration's stored one): no
    /// normalising, no suffix-list look-up — the queue asks this for every queued registration.
    public func directAccount(registrable key: String) -> DirectAccount? {
        directIndex[key].map { directAccounts[$0] }
    }

    /// The tier rung of a partner, falling back to the ladder's floor for a tier the policy lost.
    public func tier(of partner: Partner) -> Tier {
        policy.tier(named: partner.tier) ?? policy.tiers[policy.tiers.count - 1]
    }

    // MARK: Changes (each keeps the indexes in step)

    @discardableResult
    public mutating func upsert(_ partner: Partner) -> Change {
        let change = Programme.upsert(partner, key: partner.id, into: &partners, index: &partnerIndex)
        if change == .added, mayHaveOrphans { resolvePartnerPositions() }
        return change
    }

    @discardableResult
    public mutating func upsert(_ registration: Registration) -> Change {
        let partner = position(ofPartner: registration.partnerID)
        return Programme.upsert(registration, id: registration.id, partner: partner, into: &registrations, index: &registrationIndex)
    }

    @discardableResult
    public mutating func upsert(_ deal: Deal) -> Change {
        let partner = position(ofPartner: deal.partnerID)
        return Programme.upsert(deal, id: deal.id, partner: partner, into: &deals, index: &dealIndex)
    }

    private static func upsert<Table: RecordTable>(
        _ record: Table.Element, id: String, partner: Int32, into table: inout Table, index: inout RowIndex
    ) -> Change {
        if let position = index.row(of: id, in: table.ids) {
            if table[position] == record { return .unchanged }
            table.set(position, record, partner: partner)
            return .updated
        }
        table.append(record, partner: partner)
        index.insert(row: table.count - 1, of: table.ids)
        return .added
    }

    /// The tier an imported registration locks in (DESIGN.md §3): an approval — a decision with a
    /// protection window — that names none takes its partner's tier at import.
    public func tierLockedAtImport(row: Int, of batch: RegistrationTable) -> String? {
        guard batch.decision(row) != nil, batch.protection(row) != nil, batch.tiersAtApproval.isNull(row) else { return nil }
        return partner(batch.partnerIDs[row])?.tier
    }

    /// Takes a whole import batch as the programme's registrations when it has none yet (the first
    /// import of a large programme): its columns become the programme's, its ids are indexed in one
    /// pass. False when the programme already has registrations or the batch repeats an id; the
    /// caller then adds the rows one by one.
    public mutating func adoptRegistrations(_ batch: RegistrationTable) -> Bool {
        guard registrations.isEmpty, case .success(let index) = RowIndex.build(batch.ids) else { return false }
        var batch = batch
        let locked = batch.indices.map { tierLockedAtImport(row: $0, of: batch) }
        if locked.contains(where: { $0 != nil }) {
            batch.setTiersAtApproval(StringColumn(batch.indices.map { locked[$0] ?? batch.tiersAtApproval.value($0) }))
        }
        registrations = batch
        registrationIndex = index
        resolvePartnerPositions()
        return true
    }

    /// Adds row `row` of an import batch as a new registration (its id is not in the programme yet),
    /// copying the columns across; `tierAtApproval` replaces the row's own when given.
    public mutating func addRegistration(row: Int, of batch: RegistrationTable, tierAtApproval: String? = nil) {
        assert(registrationPosition(batch.ids[row]) == nil, "only new registrations are added this way")
        registrations.append(row: row, of: batch, partner: position(ofPartner: batch.partnerIDs[row]), tierAtApproval: tierAtApproval)
        registrationIndex.insert(row: registrations.count - 1, of: registrations.ids)
    }

    /// Adds row `row` of an import batch as a new deal (its id is not in the programme yet).
    public mutating func addDeal(row: Int, of batch: DealTable) {
        assert(dealPosition(batch.ids[row]) == nil, "only new deals are added this way")
        deals.append(row: row, of: batch, partner: position(ofPartner: batch.partnerIDs[row]))
        dealIndex.insert(row: deals.count - 1, of: deals.ids)
    }

    /// Makes room in the id indexes for this many more registrations and deals (a large import).
    public mutating func reserve(registrations more: Int, deals moreDeals: Int) {
        registrationIndex.reserve(registrations.count + more, keys: registrations.ids)
        dealIndex.reserve(deals.count + moreDeals, keys: deals.ids)
    }

    /// A partner's position as the tables store it; -1 (and a note to look again) when unknown.
    private mutating func position(ofPartner id: String) -> Int32 {
        guard let position = partnerIndex[id] else {
            mayHaveOrphans = true
            return -1
        }
        return Int32(position)
    }

    /// Finds every row's partner by hashing the stored id bytes: no `String` per row at load.
    private mutating func resolvePartnerPositions() {
        let ids = StringColumn(partners.map(\.id))
        guard case .success(let index) = RowIndex.build(ids) else { preconditionFailure("partner ids are unique") }
        registrations.setPartners(index.rows(matching: registrations.partnerIDs, in: ids))
        deals.setPartners(index.rows(matching: deals.partnerIDs, in: ids))
        mayHaveOrphans = registrations.partners.contains(-1) || deals.partners.contains(-1)
    }

    @discardableResult
    public mutating func upsert(_ account: DirectAccount) -> Change {
        Programme.upsert(account, key: Domain.key(account.domain), into: &directAccounts, index: &directIndex)
    }

    @discardableResult
    public mutating func upsert(_ record: Enablement) -> Change {
        Programme.upsert(record, key: EnablementKey(partnerID: record.partnerID, item: record.item),
                         into: &enablement, index: &enablementIndex)
    }

    /// Investments and NPS responses carry no id, so identity is the whole row, counted: a file may hold
    /// the same row twice on purpose (two identical spends), and importing that file again must not
    /// double it. A row is added only when the file holds more copies of it than are stored.
    public mutating func add(_ rows: [Investment]) -> [Change] { Programme.addCounted(rows, to: &investments) }

    public mutating func add(_ rows: [NPSResponse]) -> [Change] { Programme.addCounted(rows, to: &npsResponses) }

    @discardableResult
    public mutating func add(_ investment: Investment) -> Change { add([investment])[0] }

    @discardableResult
    public mutating func add(_ response: NPSResponse) -> Change { add([response])[0] }

    private static func addCounted<Row: Hashable>(_ rows: [Row], to stored: inout [Row]) -> [Change] {
        var storedCopies: [Row: Int] = [:]
        for row in stored { storedCopies[row, default: 0] += 1 }
        var seen: [Row: Int] = [:]
        return rows.map { row in
            seen[row, default: 0] += 1
            guard seen[row]! > storedCopies[row] ?? 0 else { return .unchanged }
            stored.append(row)
            return .added
        }
    }

    public mutating func append(_ entry: AuditEntry) { audit.append(entry) }

    /// Sets (or with nil, clears back to accrued) a deal's commission status.
    public mutating func setCommissionStatus(_ dealID: String, _ status: CommissionStatus?) {
        commissionStatus[dealID] = status == .accrued ? nil : status
    }

    public mutating func recordClawback(_ clawback: Clawback) { clawbacks.append(clawback) }

    /// Changes one registration in place; false when there is no such id.
    @discardableResult
    public mutating func updateRegistration(_ id: String, _ change: (inout Registration) -> Void) -> Bool {
        guard let position = registrationPosition(id) else { return false }
        var registration = registrations[position]
        change(&registration)
        registrations.set(position, registration, partner: self.position(ofPartner: registration.partnerID))
        return true
    }

    @discardableResult
    public mutating func updatePartner(_ id: String, _ change: (inout Partner) -> Void) -> Bool {
        guard let position = partnerIndex[id] else { return false }
        change(&partners[position])
        return true
    }

    private static func upsert<Record: Equatable, Key: Hashable>(
        _ record: Record, key: Key, into records: inout [Record], index: inout [Key: Int]
    ) -> Change {
        if let position = index[key] {
            if records[position] == record { return .unchanged }
            records[position] = record
            return .updated
        }
        index[key] = records.count
        records.append(record)
        return .added
    }

    // MARK: Bulk loading (the snapshot decoder hands over whole columns at once)

    /// Builds a programme from decoded tables in one go; fails with the first duplicate id found.
    /// - Parameters:
    ///   - idIndexes: the registrations' and deals' id indexes, when the caller already built them over
    ///     these very columns.
    ///   - mdfIndexes: the same for the MDF tables.
    public static func loaded(
        policy: Policy, partners: [Partner], registrations: RegistrationTable, deals: DealTable,
        investments: [Investment], npsResponses: [NPSResponse], directAccounts: [DirectAccount],
        enablement: [Enablement], audit: [AuditEntry], commissionStatus: [String: CommissionStatus] = [:],
        clawbacks: [Clawback] = [], mdfRequests: [MDFRequest] = [], mdfAllocations: [MDFAllocation] = [],
        idIndexes: (registrations: Result<RowIndex, RowIndex.DuplicateKey>, deals: Result<RowIndex, RowIndex.DuplicateKey>)? = nil,
        mdfIndexes: Result<MDFIndexes, DuplicateID>? = nil
    ) throws(DuplicateID) -> Programme {
        var programme = Programme(policy: policy)
        programme.partners = partners
        programme.registrations = registrations
        programme.deals = deals
        programme.investments = investments
        programme.npsResponses = npsResponses
        programme.directAccounts = directAccounts
        programme.enablement = enablement
        programme.audit = audit
        programme.commissionStatus = commissionStatus.filter { $0.value != .accrued }
        programme.clawbacks = clawbacks
        programme.partnerIndex = try index(partners, table: "partners") { $0.id }
        // The two big id indexes are independent and each costs tens of milliseconds at a million
        // rows: build them on two cores (the loader builds them beside its decoding: `idIndexes`).
        let ids = [registrations.ids, deals.ids]
        let built = idIndexes.map { [$0.registrations, $0.deals] } ?? Parallel.map(count: ids.count) { RowIndex.build(ids[$0]) }
        programme.registrationIndex = try unwrap(built[0], registrations.ids, table: "registrations")
        programme.dealIndex = try unwrap(built[1], deals.ids, table: "deals")
        programme.directIndex = try index(directAccounts, table: "direct_accounts") { Domain.key($0.domain) }
        programme.enablementIndex = try index(enablement, table: "enablement") {
            EnablementKey(partnerID: $0.partnerID, item: $0.item)
        }
        programme.resolvePartnerPositions()
        try programme.loadMDF(requests: mdfRequests, allocations: mdfAllocations, indexes: mdfIndexes?.get())
        return programme
    }

    /// The same from arrays of records (tests, and a few rows built by hand).
    public static func loaded(
        policy: Policy, partners: [Partner], registrations: [Registration], deals: [Deal],
        investments: [Investment], npsResponses: [NPSResponse], directAccounts: [DirectAccount],
        enablement: [Enablement], audit: [AuditEntry], commissionStatus: [String: CommissionStatus] = [:],
        clawbacks: [Clawback] = [], mdfRequests: [MDFRequest] = [], mdfAllocations: [MDFAllocation] = []
    ) throws(DuplicateID) -> Programme {
        try loaded(policy: policy, partners: partners, registrations: RegistrationTable(registrations),
                   deals: DealTable(deals), investments: investments, npsResponses: npsResponses,
                   directAccounts: directAccounts, enablement: enablement, audit: audit,
                   commissionStatus: commissionStatus, clawbacks: clawbacks, mdfRequests: mdfRequests,
                   mdfAllocations: mdfAllocations)
    }

    /// A stored table holds the same id twice: the file was not written by us, or is damaged.
    public struct DuplicateID: Error, Equatable, CustomStringConvertible {
        public var table: String
        public var id: String
        public var description: String { "table \(table) holds id \(id) twice" }
    }

    private static func unwrap(_ built: Result<RowIndex, RowIndex.DuplicateKey>, _ ids: StringColumn,
                               table: String) throws(DuplicateID) -> RowIndex {
        switch built {
        case .success(let index): return index
        case .failure(let duplicate): throw DuplicateID(table: table, id: ids[duplicate.row])
        }
    }

    private static func index<Record, Key: Hashable>(
        _ records: [Record], table: String, key: (Record) -> Key
    ) throws(DuplicateID) -> [Key: Int] {
        var index = [Key: Int](minimumCapacity: records.count)
        for (position, record) in records.enumerated() {
            let id = key(record)
            if index.updateValue(position, forKey: id) != nil { throw DuplicateID(table: table, id: "\(id)") }
        }
        return index
    }

    /// Same records and policy; the indexes are derived from them, so they do not take part.
    public static func == (a: Programme, b: Programme) -> Bool {
        a.policy == b.policy && a.partners == b.partners && a.registrations == b.registrations && a.deals == b.deals
            && a.investments == b.investments && a.npsResponses == b.npsResponses
            && a.directAccounts == b.directAccounts && a.enablement == b.enablement && a.audit == b.audit
            && a.commissionStatus == b.commissionStatus && a.clawbacks == b.clawbacks
            && a.mdfRequests == b.mdfRequests && a.mdfAllocations == b.mdfAllocations
    }
}
