import ChannelModel

// The MDF exports. Requests carry the import columns (so the file reads back), then what finance asks of
// each decision: the note, who decided, who recorded the claim and who settled it — the times are the
// import's own `decided_at`, `claimed_at` and `paid_on` — and the year and partner name to group by.
extension Table {
    static let mdfRequestColumns = RecordKind.mdfRequests.columns + MDFRowParsers.decisionColumns + ["year", "partner_name"]

    static func mdfRequests(_ programme: Programme) -> Table {
        Table(columns: mdfRequestColumns, rows: programme.mdfRequests.map { r in
            [.text(r.id), .text(r.partnerID), .label(r.activity), .text(r.description), .instant(r.submittedAt),
             .day(r.startsOn), .day(r.endsOn), .money(r.requestedAmount), .label(r.status), .instant(r.decidedAt),
             .money(r.approvedAmount), .instant(r.claimedAt), .money(r.claimedAmount), .text(r.proof), .day(r.paidOn),
             .money(r.paidAmount), .text(r.note), .text(r.decidedBy), .text(r.claimRecordedBy), .text(r.settledBy),
             .integer(r.year), .text(programme.partner(r.partnerID)?.name)]
        })
    }

    static func mdfAllocations(_ programme: Programme) -> Table {
        Table(columns: RecordKind.mdfAllocations.columns, rows: programme.mdfAllocations.map {
            [.text($0.partnerID), .integer($0.year), .money($0.amount)]
        })
    }
}

extension Cell {
    static func money(_ value: Money?) -> Cell { value.map { Cell.money($0) } ?? .empty }
}
