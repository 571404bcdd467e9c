import ChannelModel
import Foundation

/// Turns each record kind into a `ColumnTable` and back. Column names are the CSV column names of
/// DESIGN.md §4 (`RecordKind.columns`) plus the fields the import does not carry (`tier_at_approval`,
/// `extensions`, `note`; the audit trail's `seq, at, actor, action, subject, detail`). Money is int64
/// cents, days and instants are `date`, enums are `uint8` codes with labels, optionals use the null
/// bitmap. Those extra columns may be missing (older files): they decode as their defaults.
public enum TableCodec {
    // MARK: Partners

    public static func encode(_ rows: [Partner]) throws(SnapshotError) -> ColumnTable {
        let n = rows.count
        var id = StringColumn(), name = StringColumn()
        var type = EnumColumnBuilder(PartnerType.self, capacity: n)
        var tier = StringColumn(), region = StringColumn()
        var status = EnumColumnBuilder(PartnerStatus.self, capacity: n)
        var joined = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var owner = StringColumn()
        var staff = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        for row in rows {
            id.append(row.id); name.append(row.name); type.append(row.type); tier.append(row.tier)
            region.append(row.region); status.append(row.status); joined.append(row.joinedOn)
            owner.append(row.owner); staff.append(Int64(row.certifiedStaff))
        }
        let table = "partners"
        var out = ColumnTable(rows: n)
        try out.add("partner_id", id, table: table); try out.add("name", name, table: table)
        out.add("type", type); try out.add("tier", tier, table: table); try out.add("region", region, table: table)
        out.add("status", status); out.add("joined_on", joined); try out.add("owner", owner, table: table)
        out.add("certified_staff", staff)
        return out
    }

    public static func decode(_ type: Partner.Type, from table: ColumnTable, name: String = "partners") throws(SnapshotError) -> [Partner] {
        let t = try TableReader(table, name: name)
        let id = try t.strings("partner_id"), names = try t.strings("name")
        let types = try t.values("type", as: PartnerType.self), tier = try t.strings("tier")
        let region = try t.strings("region"), status = try t.values("status", as: PartnerStatus.self)
        let joined = try t.days("joined_on"), owner = try t.strings("owner"), staff = try t.ints("certified_staff")
        return (0..<t.rows).map {
            Partner(id: id[$0], name: names[$0], type: types[$0], tier: tier[$0], region: region[$0],
                    status: status[$0], joinedOn: joined[$0], owner: owner[$0], certifiedStaff: staff[$0])
        }
    }

    // MARK: Registrations

    public static func encode(_ rows: [Registration]) throws(SnapshotError) -> ColumnTable {
        try encode(RegistrationTable(rows))
    }

    /// The stored table. String columns are handed over as they are held (no copy, unless rows were
    /// replaced since the last load); the numbers are copied out in one go each.
    public static func encode(_ rows: RegistrationTable) throws(SnapshotError) -> ColumnTable {
        var out = ColumnTable(rows: rows.count)
        let table = "registrations"
        try out.add("registration_id", rows.ids, table: table); try out.add("partner_id", rows.partnerIDs, table: table)
        try out.add("prospect_company", rows.companies, table: table); try out.add("prospect_domain", rows.domains, table: table)
        out.columns["estimated_acv"] = FixedWidthColumnBuilder<Int64>(kind: .int64, values: rows.estimatedACV).build()
        out.columns["submitted_at"] = FixedWidthColumnBuilder<Double>.dates(seconds: rows.submittedAt).build()
        var status = EnumColumnBuilder(RegistrationStatus.self, capacity: rows.count)
        for value in rows.statuses { status.append(value) }
        out.add("status", status)
        out.columns["decided_at"] = FixedWidthColumnBuilder<Double>.dates(seconds: rows.decidedAt, null: RegistrationTable.noInstant).build()
        out.columns["protected_until"] = FixedWidthColumnBuilder<Double>.dates(days: rows.protectedUntil, null: RegistrationTable.noDay).build()
        try out.add("tier_at_approval", rows.tiersAtApproval, table: table)
        out.columns["extensions"] = FixedWidthColumnBuilder<Int64>(kind: .int64, values: rows.extensions.map(Int64.init)).build()
        try out.add("note", rows.notes, table: table)
        try out.add("registrable_domain", rows.registrables, table: table)
        out.columns[companyKeyColumn] = FixedWidthColumnBuilder<Int64>(kind: .int64, values: rows.companyKeys.map { Int64(bitPattern: $0) }).build()
        try out.add("mdf_request_id", rows.mdfRequestIDs, table: table)
        return out
    }

    public static func decode(_ type: Registration.Type, from table: ColumnTable, name: String = "registrations") throws(SnapshotError) -> [Registration] {
        Array(try decode(RegistrationTable.self, from: table, name: name))
    }

    /// The table over the stored columns: string columns adopt the decoded bytes without a copy.
    ///
    /// - Parameter suffixList: the Public Suffix List version the file was written under; the stored
    ///   registrable domains are used only when it is the one in use, and recomputed otherwise.
    public static func decode(_ type: RegistrationTable.Type, from table: ColumnTable, name: String = "registrations",
                              suffixList: String? = nil) throws(SnapshotError) -> RegistrationTable {
        let t = try TableReader(table, name: name)
        let n = t.rows
        let current = suffixList == Domain.listVersion && t.has("registrable_domain")
        return RegistrationTable(
            ids: try t.stringColumn("registration_id"), partnerIDs: try t.stringColumn("partner_id"),
            companies: try t.stringColumn("prospect_company"), domains: try t.stringColumn("prospect_domain"),
            estimatedACV: try t.int64s("estimated_acv"), submittedAt: try t.seconds("submitted_at"),
            statuses: try t.values("status", as: RegistrationStatus.self),
            decidedAt: try t.seconds("decided_at", null: RegistrationTable.noInstant),
            protectedUntil: try t.dayOrdinals("protected_until", null: RegistrationTable.noDay),
            tiersAtApproval: try t.has("tier_at_approval") ? t.optionalStringColumn("tier_at_approval") : StringColumn(nulls: n),
            extensions: try t.has("extensions") ? t.ints("extensions").map { Int32(clamping: $0) } : [Int32](repeating: 0, count: n),
            notes: try t.has("note") ? t.optionalStringColumn("note") : StringColumn(nulls: n),
            registrables: current ? try t.stringColumn("registrable_domain") : nil,
            mdfRequestIDs: try t.has("mdf_request_id") ? t.optionalStringColumn("mdf_request_id") : nil,
            companyKeys: try t.has(companyKeyColumn) ? t.int64s(companyKeyColumn).map { UInt64(bitPattern: $0) } : nil)
    }

    /// The stored company-name keys, named for the folding rule they follow: a file of another rule
    /// lacks the column under this name and has the keys derived again.
    static let companyKeyColumn = "company_key_v\(CompanyName.keyVersion)"

    // MARK: Deals

    public static func encode(_ rows: [Deal]) throws(SnapshotError) -> ColumnTable {
        try encode(DealTable(rows))
    }

    public static func encode(_ rows: DealTable) throws(SnapshotError) -> ColumnTable {
        var out = ColumnTable(rows: rows.count)
        try out.add("deal_id", rows.ids, table: "deals"); try out.add("partner_id", rows.partnerIDs, table: "deals")
        try out.add("registration_id", rows.registrationIDs, table: "deals"); try out.add("account", rows.accounts, table: "deals")
        try out.add("domain", rows.domains, table: "deals")
        out.columns["acv"] = FixedWidthColumnBuilder<Int64>(kind: .int64, values: rows.acv).build()
        out.columns["closed_on"] = FixedWidthColumnBuilder<Double>.dates(days: rows.closedOn, null: nil).build()
        var outcome = EnumColumnBuilder(DealOutcome.self, capacity: rows.count)
        var attribution = EnumColumnBuilder(Attribution.self, capacity: rows.count)
        for row in rows.indices { outcome.append(rows.outcomes[row]); attribution.append(rows.attributions[row]) }
        out.add("outcome", outcome); out.add("attribution", attribution)
        return out
    }

    public static func decode(_ type: Deal.Type, from table: ColumnTable, name: String = "deals") throws(SnapshotError) -> [Deal] {
        Array(try decode(DealTable.self, from: table, name: name))
    }

    public static func decode(_ type: DealTable.Type, from table: ColumnTable, name: String = "deals") throws(SnapshotError) -> DealTable {
        let t = try TableReader(table, name: name)
        return DealTable(
            ids: try t.stringColumn("deal_id"), partnerIDs: try t.stringColumn("partner_id"),
            registrationIDs: try t.optionalStringColumn("registration_id"), accounts: try t.stringColumn("account"),
            domains: try t.stringColumn("domain"), acv: try t.int64s("acv"), closedOn: try t.dayOrdinals("closed_on"),
            outcomes: try t.values("outcome", as: DealOutcome.self), attributions: try t.values("attribution", as: Attribution.self))
    }

    // MARK: Import batches (a journal record carries the batch as one table)

    public static func encode(_ batch: ImportBatch) throws(SnapshotError) -> ColumnTable {
        switch batch {
        case .partners(let rows): return try encode(rows)
        case .registrations(let rows): return try encode(rows)
        case .deals(let rows): return try encode(rows)
        case .investments(let rows): return try encode(rows)
        case .nps(let rows): return try encode(rows)
        case .directAccounts(let rows): return try encode(rows)
        case .enablement(let rows): return try encode(rows)
        case .mdfRequests(let rows): return try encode(rows)
        case .mdfAllocations(let rows): return try encode(rows)
        }
    }

    public static func decodeBatch(_ kind: RecordKind, from table: ColumnTable) throws(SnapshotError) -> ImportBatch {
        let name = kind.tableName
        switch kind {
        case .partners: return .partners(try decode(Partner.self, from: table, name: name))
        case .registrations: return .registrations(try decode(RegistrationTable.self, from: table, name: name))
        case .deals: return .deals(try decode(DealTable.self, from: table, name: name))
        case .investments: return .investments(try decode(Investment.self, from: table, name: name))
        case .nps: return .nps(try decode(NPSResponse.self, from: table, name: name))
        case .directAccounts: return .directAccounts(try decode(DirectAccount.self, from: table, name: name))
        case .enablement: return .enablement(try decode(Enablement.self, from: table, name: name))
        case .mdfRequests: return .mdfRequests(try decode(MDFRequest.self, from: table, name: name))
        case .mdfAllocations: return .mdfAllocations(try decode(MDFAllocation.self, from: table, name: name))
        }
    }
}
