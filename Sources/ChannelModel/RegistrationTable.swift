/// Every registration of a programme, column by column (DESIGN.md §5 keeps them so on disk too).
///
/// It reads as a collection of `Registration`s, made on demand, so code that looks at a few rows (a
/// screen, a decision) stays simple. Code that looks at all of them — metrics, the queue, conflicts,
/// the console's indexes — reads the columns: a million rows then cost a few arrays of numbers and
/// byte buffers instead of a million structs with six strings each.
public struct RegistrationTable: Sendable, Equatable, RecordTable {
    public private(set) var ids = StringColumn()
    public private(set) var partnerIDs = StringColumn()
    /// Each row's partner as a position in `Programme.partners`, -1 for an id the programme lacks;
    /// kept by `Programme`, so grouping by partner is array indexing instead of string hashing.
    public private(set) var partners: [Int32] = []
    public private(set) var companies = StringColumn()
    public private(set) var domains = StringColumn()
    /// Each row's registrable domain (`Domain.key` of its domain), derived once when the row is added
    /// and stored in the programme file: a Public Suffix List lookup costs about a microsecond, which a
    /// million rows would otherwise pay at every open.
    public private(set) var registrables = StringColumn()
    /// Each row's company name as `CompanyName.key` (0 when nothing is left of it), derived when the row
    /// is added and stored: the queue's similar-name hints compare these integers instead of folding
    /// every open registration's name on every open.
    public private(set) var companyKeys: [UInt64] = []
    /// Cents.
    public private(set) var estimatedACV: [Int64] = []
    /// Seconds since 1970 UTC.
    public private(set) var submittedAt: [Int64] = []
    public private(set) var statuses: [RegistrationStatus] = []
    /// Seconds since 1970 UTC; `Self.noInstant` when undecided.
    public private(set) var decidedAt: [Int64] = []
    /// Day ordinals; `Self.noDay` when there is no protection window.
    public private(set) var protectedUntil: [Int32] = []
    public private(set) var tiersAtApproval = StringColumn()
    public private(set) var extensions: [Int32] = []
    public private(set) var notes = StringColumn()
    /// The MDF request behind each row; null for most.
    public private(set) var mdfRequestIDs = StringColumn()

    public static let noInstant = Int64.min
    public static let noDay = Int32.min

    public init() {}

    /// A table over decoded columns (the snapshot reader's way in); every column holds `ids.count` rows.
    public init(ids: StringColumn, partnerIDs: StringColumn, companies: StringColumn, domains: StringColumn,
                estimatedACV: [Int64], submittedAt: [Int64], statuses: [RegistrationStatus], decidedAt: [Int64],
                protectedUntil: [Int32], tiersAtApproval: StringColumn, extensions: [Int32], notes: StringColumn,
                registrables: StringColumn? = nil, mdfRequestIDs: StringColumn? = nil, companyKeys: [UInt64]? = nil) {
        let n = ids.count
        let mdfRequestIDs = mdfRequestIDs ?? StringColumn(nulls: n)
        precondition([partnerIDs.count, companies.count, domains.count, registrables?.count ?? n, companyKeys?.count ?? n, estimatedACV.count, submittedAt.count,
                      statuses.count, decidedAt.count, protectedUntil.count, tiersAtApproval.count,
                      extensions.count, notes.count, mdfRequestIDs.count].allSatisfy { $0 == n }, "columns of unequal length")
        self.mdfRequestIDs = mdfRequestIDs
        self.ids = ids; self.partnerIDs = partnerIDs; self.companies = companies; self.domains = domains
        self.estimatedACV = estimatedACV; self.submittedAt = submittedAt; self.statuses = statuses
        self.decidedAt = decidedAt; self.protectedUntil = protectedUntil; self.tiersAtApproval = tiersAtApproval
        self.extensions = extensions; self.notes = notes
        self.registrables = registrables ?? Self.registrables(of: domains)
        self.companyKeys = companyKeys ?? CompanyName.keys(of: companies)
        partners = [Int32](repeating: -1, count: n)
    }

    /// The registrable domain of every domain in `domains`: what a file written before the column
    /// existed, or under another suffix list, is given at open.
    public static func registrables(of domains: StringColumn) -> StringColumn {
        var out = StringColumn()
        out.reserveCapacity(domains.count)
        for position in 0..<domains.count { out.append(Domain.key(domains[position])) }
        return out
    }

    public init(_ registrations: some Sequence<Registration>) {
        reserveCapacity(registrations.underestimatedCount)
        for registration in registrations { append(registration, partner: -1) }
    }

    // MARK: Building a batch

    /// Appends a row whose partner position is not known (a parsed import batch, which the programme
    /// places when it applies the batch).
    public mutating func append(_ registration: Registration) { append(registration, partner: -1) }

    public mutating func reserveCapacity(_ rows: Int) {
        for column in Self.stringColumns { self[keyPath: column].reserveCapacity(rows) }
        companyKeys.reserveCapacity(rows)
        partners.reserveCapacity(rows); estimatedACV.reserveCapacity(rows); submittedAt.reserveCapacity(rows)
        statuses.reserveCapacity(rows); decidedAt.reserveCapacity(rows); protectedUntil.reserveCapacity(rows)
        extensions.reserveCapacity(rows)
    }

    /// Appends every row of `other`, column by column (the parts of an import file read on several
    /// cores, joined in file order).
    public mutating func append(contentsOf other: RegistrationTable) {
        for column in Self.stringColumns { self[keyPath: column].append(contentsOf: other[keyPath: column]) }
        partners += other.partners; companyKeys += other.companyKeys; estimatedACV += other.estimatedACV
        submittedAt += other.submittedAt; statuses += other.statuses; decidedAt += other.decidedAt
        protectedUntil += other.protectedUntil; extensions += other.extensions
    }

    private static var stringColumns: [WritableKeyPath<Self, StringColumn>] {
        [\.ids, \.partnerIDs, \.companies, \.domains, \.registrables, \.tiersAtApproval, \.notes, \.mdfRequestIDs]
    }

    // MARK: Collection

    public var startIndex: Int { 0 }
    public var endIndex: Int { ids.count }

    /// Row `position` made into a `Registration`.
    public subscript(position: Int) -> Registration {
        Registration(
            id: ids[position], partnerID: partnerIDs[position], prospectCompany: companies[position],
            prospectDomain: domains[position], estimatedACV: Money(cents: estimatedACV[position]),
            submittedAt: Instant(seconds: submittedAt[position]), status: statuses[position],
            decidedAt: decision(position), protectedUntil: protection(position),
            tierAtApproval: tiersAtApproval.value(position), extensions: Int(extensions[position]),
            note: notes.value(position), mdfRequestID: mdfRequestIDs.value(position))
    }

    // MARK: Single fields, for scans

    public func decision(_ position: Int) -> Instant? {
        decidedAt[position] == Self.noInstant ? nil : Instant(seconds: decidedAt[position])
    }

    public func protection(_ position: Int) -> Day? {
        protectedUntil[position] == Self.noDay ? nil : Day(ordinal: protectedUntil[position])
    }

    /// As `Registration.isOpen(asOf:)`, from the columns.
    public func isOpen(_ position: Int, asOf: Day) -> Bool {
        switch statuses[position] {
        case .pending, .infoRequested: return true
        case .approved: return protectedUntil[position] != Self.noDay && protectedUntil[position] >= asOf.ordinal
        default: return false
        }
    }

    /// The registrable domain of row `position`.
    public func registrableDomain(_ position: Int) -> String { registrables[position] }

    // MARK: Changes (through `Programme`, which keeps the id index and partner positions in step)

    mutating func append(_ registration: Registration, partner: Int32) {
        append(registration, partner: partner, registrable: registration.registrableDomain,
               companyKey: CompanyName.key(registration.prospectCompany))
    }

    /// Appends a row whose derived columns the caller has already worked out: the importer looks the
    /// registrable domain up to validate the row and keys the company name with a buffer it reuses, so
    /// deriving them again here would pay both twice.
    package mutating func append(_ registration: Registration, partner: Int32, registrable: String, companyKey: UInt64) {
        ids.append(registration.id)
        partnerIDs.append(registration.partnerID)
        partners.append(partner)
        companies.append(registration.prospectCompany)
        domains.append(registration.prospectDomain)
        registrables.append(registrable)
        companyKeys.append(companyKey)
        estimatedACV.append(registration.estimatedACV.cents)
        submittedAt.append(registration.submittedAt.seconds)
        statuses.append(registration.status)
        decidedAt.append(registration.decidedAt?.seconds ?? Self.noInstant)
        protectedUntil.append(registration.protectedUntil?.ordinal ?? Self.noDay)
        tiersAtApproval.append(registration.tierAtApproval)
        extensions.append(Int32(clamping: registration.extensions))
        notes.append(registration.note)
        mdfRequestIDs.append(registration.mdfRequestID)
    }

    /// Appends row `row` of `other` column by column, with `tierAtApproval` instead of its own when given:
    /// how a large import adds its new rows without making a `Registration` each.
    mutating func append(row: Int, of other: RegistrationTable, partner: Int32, tierAtApproval: String?) {
        ids.append(row: row, of: other.ids)
        partnerIDs.append(row: row, of: other.partnerIDs)
        partners.append(partner)
        companies.append(row: row, of: other.companies)
        domains.append(row: row, of: other.domains)
        registrables.append(row: row, of: other.registrables)
        companyKeys.append(other.companyKeys[row])
        estimatedACV.append(other.estimatedACV[row])
        submittedAt.append(other.submittedAt[row])
        statuses.append(other.statuses[row])
        decidedAt.append(other.decidedAt[row])
        protectedUntil.append(other.protectedUntil[row])
        if let tierAtApproval { tiersAtApproval.append(tierAtApproval) } else { tiersAtApproval.append(row: row, of: other.tiersAtApproval) }
        extensions.append(other.extensions[row])
        notes.append(row: row, of: other.notes)
        mdfRequestIDs.append(row: row, of: other.mdfRequestIDs)
    }

    mutating func setTiersAtApproval(_ column: StringColumn) {
        precondition(column.count == count, "one tier per row")
        tiersAtApproval = column
    }

    /// Overwrites row `position` with `registration`, which has the row's id.
    mutating func set(_ position: Int, _ registration: Registration, partner: Int32) {
        precondition(ids[position] == registration.id, "a registration's id never changes")
        partnerIDs.set(position, registration.partnerID)
        partners[position] = partner
        companies.set(position, registration.prospectCompany)
        domains.set(position, registration.prospectDomain)
        registrables.set(position, registration.registrableDomain)
        companyKeys[position] = CompanyName.key(registration.prospectCompany)
        estimatedACV[position] = registration.estimatedACV.cents
        submittedAt[position] = registration.submittedAt.seconds
        statuses[position] = registration.status
        decidedAt[position] = registration.decidedAt?.seconds ?? Self.noInstant
        protectedUntil[position] = registration.protectedUntil?.ordinal ?? Self.noDay
        tiersAtApproval.set(position, registration.tierAtApproval)
        extensions[position] = Int32(clamping: registration.extensions)
        notes.set(position, registration.note)
        mdfRequestIDs.set(position, registration.mdfRequestID)
    }

    /// Every row's partner position at once (at load, and when a missing partner arrives).
    mutating func setPartners(_ positions: [Int32]) {
        precondition(positions.count == count, "one partner position per row")
        partners = positions
    }

    /// Same rows; the partner positions and registrable domains are derived, so they do not take part.
    public static func == (a: Self, b: Self) -> Bool {
        a.ids == b.ids && a.partnerIDs == b.partnerIDs && a.companies == b.companies && a.domains == b.domains
            && a.estimatedACV == b.estimatedACV && a.submittedAt == b.submittedAt && a.statuses == b.statuses
            && a.decidedAt == b.decidedAt && a.protectedUntil == b.protectedUntil
            && a.tiersAtApproval == b.tiersAtApproval && a.extensions == b.extensions && a.notes == b.notes
            && a.mdfRequestIDs == b.mdfRequestIDs
    }
}

/// A table kept by columns whose rows are records with a string id and a partner: what `Programme`
/// upserts the same way for registrations and deals.
protocol RecordTable: RandomAccessCollection where Index == Int, Element: Equatable {
    var ids: StringColumn { get }
    mutating func append(_ record: Element, partner: Int32)
    mutating func set(_ position: Int, _ record: Element, partner: Int32)
}

extension RegistrationTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral rows: Registration...) { self.init(rows) }
}
