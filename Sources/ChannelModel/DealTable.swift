/// Every deal of a programme, column by column: the deal-side twin of `RegistrationTable`, read as a
/// collection of `Deal`s made on demand, or column by column by the scans over all of them.
public struct DealTable: Sendable, Equatable, RecordTable {
    public private(set) var ids = StringColumn()
    public private(set) var partnerIDs = StringColumn()
    /// Each row's partner as a position in `Programme.partners`, -1 for an id the programme lacks.
    public private(set) var partners: [Int32] = []
    /// Null when the deal came without a registration.
    public private(set) var registrationIDs = StringColumn()
    public private(set) var accounts = StringColumn()
    public private(set) var domains = StringColumn()
    /// Cents.
    public private(set) var acv: [Int64] = []
    /// Day ordinals.
    public private(set) var closedOn: [Int32] = []
    public private(set) var outcomes: [DealOutcome] = []
    public private(set) var attributions: [Attribution] = []

    public init() {}

    /// A table over decoded columns; every column holds `ids.count` rows.
    public init(ids: StringColumn, partnerIDs: StringColumn, registrationIDs: StringColumn, accounts: StringColumn,
                domains: StringColumn, acv: [Int64], closedOn: [Int32], outcomes: [DealOutcome], attributions: [Attribution]) {
        let n = ids.count
        precondition([partnerIDs.count, registrationIDs.count, accounts.count, domains.count, acv.count, closedOn.count,
                      outcomes.count, attributions.count].allSatisfy { $0 == n }, "columns of unequal length")
        self.ids = ids; self.partnerIDs = partnerIDs; self.registrationIDs = registrationIDs; self.accounts = accounts
        self.domains = domains; self.acv = acv; self.closedOn = closedOn; self.outcomes = outcomes
        self.attributions = attributions
        partners = [Int32](repeating: -1, count: n)
    }

    public init(_ deals: some Sequence<Deal>) {
        reserveCapacity(deals.underestimatedCount)
        for deal in deals { append(deal, partner: -1) }
    }

    // MARK: Building a batch

    /// Appends a row whose partner position is not known (a parsed import batch, which the programme
    /// places when it applies the batch).
    public mutating func append(_ deal: Deal) { append(deal, partner: -1) }

    public mutating func reserveCapacity(_ rows: Int) {
        for column in Self.stringColumns { self[keyPath: column].reserveCapacity(rows) }
        partners.reserveCapacity(rows); acv.reserveCapacity(rows); closedOn.reserveCapacity(rows)
        outcomes.reserveCapacity(rows); attributions.reserveCapacity(rows)
    }

    /// Appends every row of `other`, column by column (the parts of an import file read on several
    /// cores, joined in file order).
    public mutating func append(contentsOf other: DealTable) {
        for column in Self.stringColumns { self[keyPath: column].append(contentsOf: other[keyPath: column]) }
        partners += other.partners; acv += other.acv; closedOn += other.closedOn
        outcomes += other.outcomes; attributions += other.attributions
    }

    private static var stringColumns: [WritableKeyPath<Self, StringColumn>] { [\.ids, \.partnerIDs, \.registrationIDs, \.accounts, \.domains] }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    /// Row `position` made into a `Deal`.
    public subscript(position: Int) -> Deal {
        Deal(id: ids[position], partnerID: partnerIDs[position], registrationID: registrationIDs.value(position),
             account: accounts[position], domain: domains[position], acv: Money(cents: acv[position]),
             closedOn: Day(ordinal: closedOn[position]), outcome: outcomes[position], attribution: attributions[position])
    }

    /// Counts towards partner-sourced revenue (as `Deal.isSourcedWin`).
    public func isSourcedWin(_ position: Int) -> Bool {
        outcomes[position] == .won && attributions[position] == .sourced
    }

    mutating func append(_ deal: Deal, partner: Int32) {
        ids.append(deal.id); partnerIDs.append(deal.partnerID); partners.append(partner)
        registrationIDs.append(deal.registrationID); accounts.append(deal.account); domains.append(deal.domain)
        acv.append(deal.acv.cents); closedOn.append(deal.closedOn.ordinal); outcomes.append(deal.outcome)
        attributions.append(deal.attribution)
    }

    /// Appends row `row` of `other` column by column (a large import's new rows).
    mutating func append(row: Int, of other: DealTable, partner: Int32) {
        ids.append(row: row, of: other.ids); partnerIDs.append(row: row, of: other.partnerIDs); partners.append(partner)
        registrationIDs.append(row: row, of: other.registrationIDs); accounts.append(row: row, of: other.accounts)
        domains.append(row: row, of: other.domains); acv.append(other.acv[row]); closedOn.append(other.closedOn[row])
        outcomes.append(other.outcomes[row]); attributions.append(other.attributions[row])
    }

    /// Overwrites row `position` with `deal`, which has the row's id.
    mutating func set(_ position: Int, _ deal: Deal, partner: Int32) {
        precondition(ids[position] == deal.id, "a deal's id never changes")
        partnerIDs.set(position, deal.partnerID); partners[position] = partner
        registrationIDs.set(position, deal.registrationID); accounts.set(position, deal.account)
        domains.set(position, deal.domain); acv[position] = deal.acv.cents; closedOn[position] = deal.closedOn.ordinal
        outcomes[position] = deal.outcome; attributions[position] = deal.attribution
    }

    /// Every row's partner position at once (at load, and when a missing partner arrives).
    mutating func setPartners(_ positions: [Int32]) {
        precondition(positions.count == count, "one partner position per row")
        partners = positions
    }

    /// Same rows; the partner positions are derived, so they do not take part.
    public static func == (a: Self, b: Self) -> Bool {
        a.ids == b.ids && a.partnerIDs == b.partnerIDs && a.registrationIDs == b.registrationIDs
            && a.accounts == b.accounts && a.domains == b.domains && a.acv == b.acv && a.closedOn == b.closedOn
            && a.outcomes == b.outcomes && a.attributions == b.attributions
    }
}

extension DealTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral rows: Deal...) { self.init(rows) }
}
