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
        var id = StringColumnBuilder(capacity: n), name = StringColumnBuilder(capacity: n)
        var type = EnumColumnBuilder(PartnerType.self, capacity: n)
        var tier = StringColumnBuilder(capacity: n), region = StringColumnBuilder(capacity: n)
        var status = EnumColumnBuilder(PartnerStatus.self, capacity: n)
        var joined = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var owner = StringColumnBuilder(capacity: n)
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
        let n = rows.count
        var id = StringColumnBuilder(capacity: n), partner = StringColumnBuilder(capacity: n)
        var company = StringColumnBuilder(capacity: n), domain = StringColumnBuilder(capacity: n)
        var acv = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        var submitted = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var status = EnumColumnBuilder(RegistrationStatus.self, capacity: n)
        var decided = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var until = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var tier = StringColumnBuilder(capacity: n)
        var extensions = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        var note = StringColumnBuilder(capacity: n)
        for row in rows {
            id.append(row.id); partner.append(row.partnerID); company.append(row.prospectCompany)
            domain.append(row.prospectDomain); acv.append(row.estimatedACV.cents); submitted.append(row.submittedAt)
            status.append(row.status); decided.append(row.decidedAt); until.append(row.protectedUntil)
            tier.append(row.tierAtApproval); extensions.append(Int64(row.extensions)); note.append(row.note)
        }
        let table = "registrations"
        var out = ColumnTable(rows: n)
        try out.add("registration_id", id, table: table); try out.add("partner_id", partner, table: table)
        try out.add("prospect_company", company, table: table); try out.add("prospect_domain", domain, table: table)
        out.add("estimated_acv", acv); out.add("submitted_at", submitted); out.add("status", status)
        out.add("decided_at", decided); out.add("protected_until", until)
        try out.add("tier_at_approval", tier, table: table); out.add("extensions", extensions)
        try out.add("note", note, table: table)
        return out
    }

    public static func decode(_ type: Registration.Type, from table: ColumnTable, name: String = "registrations") throws(SnapshotError) -> [Registration] {
        let t = try TableReader(table, name: name)
        let id = try t.strings("registration_id"), partner = try t.strings("partner_id")
        let company = try t.strings("prospect_company"), domain = try t.strings("prospect_domain")
        let acv = try t.int64s("estimated_acv"), submitted = try t.instants("submitted_at")
        let status = try t.values("status", as: RegistrationStatus.self)
        let decided = try t.optionalInstants("decided_at"), until = try t.optionalDays("protected_until")
        let tier = try t.has("tier_at_approval") ? t.optionalStrings("tier_at_approval") : nil
        let extensions = try t.has("extensions") ? t.ints("extensions") : nil
        let note = try t.has("note") ? t.optionalStrings("note") : nil
        return (0..<t.rows).map {
            Registration(id: id[$0], partnerID: partner[$0], prospectCompany: company[$0], prospectDomain: domain[$0],
                         estimatedACV: Money(cents: acv[$0]), submittedAt: submitted[$0], status: status[$0],
                         decidedAt: decided[$0], protectedUntil: until[$0], tierAtApproval: tier?[$0] ?? nil,
                         extensions: extensions?[$0] ?? 0, note: note?[$0] ?? nil)
        }
    }

    // MARK: Deals

    public static func encode(_ rows: [Deal]) throws(SnapshotError) -> ColumnTable {
        let n = rows.count
        var id = StringColumnBuilder(capacity: n), partner = StringColumnBuilder(capacity: n)
        var registration = StringColumnBuilder(capacity: n), account = StringColumnBuilder(capacity: n)
        var domain = StringColumnBuilder(capacity: n)
        var acv = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        var closed = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var outcome = EnumColumnBuilder(DealOutcome.self, capacity: n)
        var attribution = EnumColumnBuilder(Attribution.self, capacity: n)
        for row in rows {
            id.append(row.id); partner.append(row.partnerID); registration.append(row.registrationID)
            account.append(row.account); domain.append(row.domain); acv.append(row.acv.cents)
            closed.append(row.closedOn); outcome.append(row.outcome); attribution.append(row.attribution)
        }
        let table = "deals"
        var out = ColumnTable(rows: n)
        try out.add("deal_id", id, table: table); try out.add("partner_id", partner, table: table)
        try out.add("registration_id", registration, table: table); try out.add("account", account, table: table)
        try out.add("domain", domain, table: table); out.add("acv", acv); out.add("closed_on", closed)
        out.add("outcome", outcome); out.add("attribution", attribution)
        return out
    }

    public static func decode(_ type: Deal.Type, from table: ColumnTable, name: String = "deals") throws(SnapshotError) -> [Deal] {
        let t = try TableReader(table, name: name)
        let id = try t.strings("deal_id"), partner = try t.strings("partner_id")
        let registration = try t.optionalStrings("registration_id"), account = try t.strings("account")
        let domain = try t.strings("domain"), acv = try t.int64s("acv"), closed = try t.days("closed_on")
        let outcome = try t.values("outcome", as: DealOutcome.self)
        let attribution = try t.values("attribution", as: Attribution.self)
        return (0..<t.rows).map {
            Deal(id: id[$0], partnerID: partner[$0], registrationID: registration[$0], account: account[$0],
                 domain: domain[$0], acv: Money(cents: acv[$0]), closedOn: closed[$0], outcome: outcome[$0],
                 attribution: attribution[$0])
        }
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
        }
    }

    public static func decodeBatch(_ kind: RecordKind, from table: ColumnTable) throws(SnapshotError) -> ImportBatch {
        let name = kind.tableName
        switch kind {
        case .partners: return .partners(try decode(Partner.self, from: table, name: name))
        case .registrations: return .registrations(try decode(Registration.self, from: table, name: name))
        case .deals: return .deals(try decode(Deal.self, from: table, name: name))
        case .investments: return .investments(try decode(Investment.self, from: table, name: name))
        case .nps: return .nps(try decode(NPSResponse.self, from: table, name: name))
        case .directAccounts: return .directAccounts(try decode(DirectAccount.self, from: table, name: name))
        case .enablement: return .enablement(try decode(Enablement.self, from: table, name: name))
        }
    }
}
