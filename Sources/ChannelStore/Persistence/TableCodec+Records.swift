import ChannelModel
import Foundation

// The small record kinds: investments, NPS responses, direct accounts, enablement and the audit trail.
extension TableCodec {
    public static func encode(_ rows: [Investment]) throws(SnapshotError) -> ColumnTable {
        let n = rows.count
        var date = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var category = StringColumn(), note = StringColumn()
        var amount = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        for row in rows {
            date.append(row.date); category.append(row.category); amount.append(row.amount.cents); note.append(row.note)
        }
        var out = ColumnTable(rows: n)
        out.add("date", date); try out.add("category", category, table: "investments")
        out.add("amount", amount); try out.add("note", note, table: "investments")
        return out
    }

    public static func decode(_ type: Investment.Type, from table: ColumnTable, name: String = "investments") throws(SnapshotError) -> [Investment] {
        let t = try TableReader(table, name: name)
        let date = try t.days("date"), category = try t.strings("category")
        let amount = try t.int64s("amount"), note = try t.strings("note")
        return (0..<t.rows).map {
            Investment(date: date[$0], category: category[$0], amount: Money(cents: amount[$0]), note: note[$0])
        }
    }

    public static func encode(_ rows: [NPSResponse]) throws(SnapshotError) -> ColumnTable {
        let n = rows.count
        var partner = StringColumn()
        var responded = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var score = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        for row in rows { partner.append(row.partnerID); responded.append(row.respondedOn); score.append(Int64(row.score)) }
        var out = ColumnTable(rows: n)
        try out.add("partner_id", partner, table: "nps"); out.add("responded_on", responded); out.add("score", score)
        return out
    }

    public static func decode(_ type: NPSResponse.Type, from table: ColumnTable, name: String = "nps") throws(SnapshotError) -> [NPSResponse] {
        let t = try TableReader(table, name: name)
        let partner = try t.strings("partner_id"), responded = try t.days("responded_on"), score = try t.ints("score")
        return (0..<t.rows).map { NPSResponse(partnerID: partner[$0], respondedOn: responded[$0], score: score[$0]) }
    }

    public static func encode(_ rows: [DirectAccount]) throws(SnapshotError) -> ColumnTable {
        let n = rows.count
        var domain = StringColumn(), account = StringColumn()
        var owner = StringColumn()
        for row in rows { domain.append(row.domain); account.append(row.account); owner.append(row.owner) }
        var out = ColumnTable(rows: n)
        try out.add("domain", domain, table: "directAccounts"); try out.add("account", account, table: "directAccounts")
        try out.add("owner", owner, table: "directAccounts")
        return out
    }

    public static func decode(_ type: DirectAccount.Type, from table: ColumnTable, name: String = "directAccounts") throws(SnapshotError) -> [DirectAccount] {
        let t = try TableReader(table, name: name)
        let domain = try t.strings("domain"), account = try t.strings("account"), owner = try t.strings("owner")
        return (0..<t.rows).map { DirectAccount(domain: domain[$0], account: account[$0], owner: owner[$0]) }
    }

    public static func encode(_ rows: [Enablement]) throws(SnapshotError) -> ColumnTable {
        let n = rows.count
        var partner = StringColumn()
        var item = EnumColumnBuilder(EnablementItem.self, capacity: n)
        var completed = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        for row in rows { partner.append(row.partnerID); item.append(row.item); completed.append(row.completedOn) }
        var out = ColumnTable(rows: n)
        try out.add("partner_id", partner, table: "enablement"); out.add("item", item); out.add("completed_on", completed)
        return out
    }

    public static func decode(_ type: Enablement.Type, from table: ColumnTable, name: String = "enablement") throws(SnapshotError) -> [Enablement] {
        let t = try TableReader(table, name: name)
        let partner = try t.strings("partner_id"), item = try t.values("item", as: EnablementItem.self)
        let completed = try t.days("completed_on")
        return (0..<t.rows).map { Enablement(partnerID: partner[$0], item: item[$0], completedOn: completed[$0]) }
    }

    public static func encode(_ rows: [AuditEntry]) throws(SnapshotError) -> ColumnTable {
        let n = rows.count
        var seq = FixedWidthColumnBuilder<Int64>(kind: .int64, capacity: n)
        var at = FixedWidthColumnBuilder<Double>.dates(capacity: n)
        var actor = StringColumn(), action = StringColumn()
        var subject = StringColumn(), detail = StringColumn()
        for row in rows {
            seq.append(row.seq); at.append(row.at); actor.append(row.actor); action.append(row.action)
            subject.append(row.subject); detail.append(row.detail)
        }
        var out = ColumnTable(rows: n)
        out.add("seq", seq); out.add("at", at); try out.add("actor", actor, table: "audit")
        try out.add("action", action, table: "audit"); try out.add("subject", subject, table: "audit")
        try out.add("detail", detail, table: "audit")
        return out
    }

    public static func decode(_ type: AuditEntry.Type, from table: ColumnTable, name: String = "audit") throws(SnapshotError) -> [AuditEntry] {
        let t = try TableReader(table, name: name)
        let seq = try t.int64s("seq"), at = try t.instants("at"), actor = try t.strings("actor")
        let action = try t.strings("action"), subject = try t.strings("subject"), detail = try t.strings("detail")
        return (0..<t.rows).map {
            AuditEntry(seq: seq[$0], at: at[$0], actor: actor[$0], action: action[$0], subject: subject[$0], detail: detail[$0])
        }
    }
}
