import ChannelModel
import Foundation

// The MDF tables (DESIGN §8): requests and allocations, in the CSV column names of §4 plus what the
// decisions add (`note`, and who decided, recorded the claim and paid). Optional values use the null
// bitmap; money is int64 cents; statuses and activities are uint8 codes with labels.
extension TableCodec {
    public static func encode(_ rows: [MDFRequest]) throws(SnapshotError) -> ColumnTable {
        let n = rows.count, table = "mdfRequests"
        var id = StringColumn(), partner = StringColumn(), description = StringColumn(), proof = StringColumn()
        var note = StringColumn(), decidedBy = StringColumn(), claimRecordedBy = StringColumn(), settledBy = StringColumn()
        var activity = EnumColumnBuilder(MDFActivity.self, capacity: n)
        var status = EnumColumnBuilder(MDFStatus.self, capacity: n)
        var submitted = FixedWidthColumnBuilder<Double>.dates(capacity: n), decided = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var claimed = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var starts = FixedWidthColumnBuilder<Double>.dates(capacity: n), ends = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var paidOn = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var requested = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        var approved = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        var claimedAmount = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        var paid = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        for r in rows {
            id.append(r.id); partner.append(r.partnerID); activity.append(r.activity); description.append(r.description)
            submitted.append(r.submittedAt); starts.append(r.startsOn); ends.append(r.endsOn)
            requested.append(r.requestedAmount.cents); status.append(r.status); decided.append(r.decidedAt)
            approved.append(r.approvedAmount?.cents); claimed.append(r.claimedAt); claimedAmount.append(r.claimedAmount?.cents)
            proof.append(r.proof); paidOn.append(r.paidOn); paid.append(r.paidAmount?.cents)
            note.append(r.note); decidedBy.append(r.decidedBy); claimRecordedBy.append(r.claimRecordedBy); settledBy.append(r.settledBy)
        }
        var out = ColumnTable(rows: n)
        try out.add("request_id", id, table: table); try out.add("partner_id", partner, table: table)
        out.add("activity", activity); try out.add("description", description, table: table)
        out.add("submitted_at", submitted); out.add("starts_on", starts); out.add("ends_on", ends)
        out.add("requested_amount", requested); out.add("status", status); out.add("decided_at", decided)
        out.add("approved_amount", approved); out.add("claimed_at", claimed); out.add("claimed_amount", claimedAmount)
        try out.add("proof", proof, table: table); out.add("paid_on", paidOn); out.add("paid_amount", paid)
        try out.add("note", note, table: table); try out.add("decided_by", decidedBy, table: table)
        try out.add("claim_recorded_by", claimRecordedBy, table: table); try out.add("settled_by", settledBy, table: table)
        return out
    }

    public static func decode(_ type: MDFRequest.Type, from table: ColumnTable, name: String = "mdfRequests") throws(SnapshotError) -> [MDFRequest] {
        let t = try TableReader(table, name: name)
        let n = t.rows
        func optionalText(_ column: String) throws(SnapshotError) -> [String?] {
            try t.has(column) ? t.optionalStrings(column) : [String?](repeating: nil, count: n)
        }
        func money(_ values: [Int64?]) -> [Money?] { values.map { $0.map(Money.init(cents:)) } }
        let id = try t.strings("request_id"), partner = try t.strings("partner_id")
        let activity = try t.values("activity", as: MDFActivity.self), description = try t.strings("description")
        let submitted = try t.instants("submitted_at"), starts = try t.days("starts_on"), ends = try t.days("ends_on")
        let requested = try t.int64s("requested_amount"), status = try t.values("status", as: MDFStatus.self)
        let decided = try t.optionalInstants("decided_at"), approved = money(try t.optionalInt64s("approved_amount"))
        let claimed = try t.optionalInstants("claimed_at"), claimedAmount = money(try t.optionalInt64s("claimed_amount"))
        let proof = try t.strings("proof"), paidOn = try t.optionalDays("paid_on"), paid = money(try t.optionalInt64s("paid_amount"))
        let note = try optionalText("note"), decidedBy = try optionalText("decided_by")
        let claimRecordedBy = try optionalText("claim_recorded_by"), settledBy = try optionalText("settled_by")
        return (0..<n).map {
            MDFRequest(id: id[$0], partnerID: partner[$0], activity: activity[$0], description: description[$0],
                       submittedAt: submitted[$0], startsOn: starts[$0], endsOn: ends[$0],
                       requestedAmount: Money(cents: requested[$0]), status: status[$0], decidedAt: decided[$0],
                       approvedAmount: approved[$0], claimedAt: claimed[$0], claimedAmount: claimedAmount[$0],
                       proof: proof[$0], paidOn: paidOn[$0], paidAmount: paid[$0], note: note[$0],
                       decidedBy: decidedBy[$0], claimRecordedBy: claimRecordedBy[$0], settledBy: settledBy[$0])
        }
    }

    public static func encode(_ rows: [MDFAllocation]) throws(SnapshotError) -> ColumnTable {
        let n = rows.count
        var partner = StringColumn()
        var year = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        var amount = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        for row in rows { partner.append(row.partnerID); year.append(Int64(row.year)); amount.append(row.amount.cents) }
        var out = ColumnTable(rows: n)
        try out.add("partner_id", partner, table: "mdfAllocations"); out.add("year", year); out.add("amount", amount)
        return out
    }

    public static func decode(_ type: MDFAllocation.Type, from table: ColumnTable, name: String = "mdfAllocations") throws(SnapshotError) -> [MDFAllocation] {
        let t = try TableReader(table, name: name)
        let partner = try t.strings("partner_id"), year = try t.ints("year"), amount = try t.int64s("amount")
        return (0..<t.rows).map { MDFAllocation(partnerID: partner[$0], year: year[$0], amount: Money(cents: amount[$0])) }
    }
}
