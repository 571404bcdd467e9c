import ChannelModel
import Foundation

// The commission ledger's own state: each deal's status, and the clawback lines.
extension TableCodec {
    public static func encode(_ statuses: [String: CommissionStatus]) throws(SnapshotError) -> ColumnTable {
        let rows = statuses.sorted { $0.key < $1.key }
        var deal = StringColumn()
        var status = EnumColumnBuilder(CommissionStatus.self, capacity: rows.count)
        for (id, value) in rows { deal.append(id); status.append(value) }
        var out = ColumnTable(rows: rows.count)
        try out.add("deal_id", deal, table: "commissionStatus")
        out.add("status", status)
        return out
    }

    public static func decodeCommissionStatus(from table: ColumnTable, name: String = "commissionStatus") throws(SnapshotError) -> [String: CommissionStatus] {
        let t = try TableReader(table, name: name)
        let deal = try t.strings("deal_id"), status = try t.values("status", as: CommissionStatus.self)
        var statuses: [String: CommissionStatus] = [:]
        for row in 0..<t.rows {
            guard statuses.updateValue(status[row], forKey: deal[row]) == nil else {
                throw SnapshotError(.duplicateID(table: name, id: deal[row]))
            }
        }
        return statuses
    }

    public static func encode(_ rows: [Clawback]) throws(SnapshotError) -> ColumnTable {
        let n = rows.count
        var deal = StringColumn(), partner = StringColumn()
        var registration = StringColumn(), reason = StringColumn()
        var acv = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n), amount = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        var rate = FixedWidthColumnBuilder<Double>(kind: .float64, capacity: n)
        var kind = EnumColumnBuilder(CommissionKind.self, capacity: n)
        var recorded = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        for row in rows {
            deal.append(row.dealId); partner.append(row.partnerId); registration.append(row.registrationId)
            acv.append(row.acv.cents); rate.append(row.rate); amount.append(row.amount.cents); kind.append(row.kind)
            recorded.append(row.recordedOn); reason.append(row.reason)
        }
        var out = ColumnTable(rows: n)
        try out.add("deal_id", deal, table: "clawbacks"); try out.add("partner_id", partner, table: "clawbacks")
        try out.add("registration_id", registration, table: "clawbacks"); out.add("acv", acv); out.add("rate", rate)
        out.add("amount", amount); out.add("kind", kind); out.add("recorded_on", recorded)
        try out.add("reason", reason, table: "clawbacks")
        return out
    }

    public static func decode(_ type: Clawback.Type, from table: ColumnTable, name: String = "clawbacks") throws(SnapshotError) -> [Clawback] {
        let t = try TableReader(table, name: name)
        let deal = try t.strings("deal_id"), partner = try t.strings("partner_id"), registration = try t.strings("registration_id")
        let acv = try t.int64s("acv"), rate = try t.float64s("rate"), amount = try t.int64s("amount")
        let kind = try t.values("kind", as: CommissionKind.self), recorded = try t.days("recorded_on"), reason = try t.strings("reason")
        return (0..<t.rows).map {
            Clawback(dealId: deal[$0], partnerId: partner[$0], registrationId: registration[$0], acv: Money(cents: acv[$0]),
                     rate: rate[$0], amount: Money(cents: amount[$0]), kind: kind[$0], recordedOn: recorded[$0], reason: reason[$0])
        }
    }
}
