import ChannelModel
import Foundation

/// The commission ledger for finance: every line with its status, or a statement per partner with
/// subtotals and a grand total, for one period.
public enum CommissionStatement {
    static let columns = ["deal_id", "partner_id", "registration_id", "date", "acv", "rate", "amount", "kind", "status", "note"]

    static func row(_ line: LedgerLine) -> [Cell] {
        [.text(line.dealId), .text(line.partnerId), .text(line.registrationId), .day(line.date), .money(line.acv),
         .number(String(line.rate)), .money(line.amount), .label(line.kind),
         line.status.map { .label($0) } ?? .text("clawback"), .text(line.clawbackReason)]
    }

    /// A statement: each partner's lines (by date), a `TOTAL` row per partner and a grand total, as CSV.
    public static func csv(_ programme: Programme, period: Period?) -> Data { CSVWriter.write(table(programme, period: period)) }

    /// The statement handed to `sink` in chunks; answers how many rows it wrote (lines and totals).
    @discardableResult
    public static func csv<E: Error>(_ programme: Programme, period: Period?, to sink: ([UInt8]) throws(E) -> Void) throws(E) -> Int {
        let table = table(programme, period: period)
        try CSVWriter.write(table, to: sink)
        return table.rows.count
    }

    static func table(_ programme: Programme, period: Period?) -> Table {
        let lines = Ledger.lines(programme).filter { period?.contains($0.date) ?? true }
        let byPartner = Dictionary(grouping: lines, by: \.partnerId)
        var rows: [[Cell]] = []
        var grand = Money.zero
        for partnerID in byPartner.keys.sorted() {
            let partnerLines = byPartner[partnerID]!.sorted { ($0.date, $0.dealId) < ($1.date, $1.dealId) }
            rows += partnerLines.map(row)
            let total = partnerLines.reduce(Money.zero) { $0 + $1.amount }
            grand += total
            let name = programme.partner(partnerID)?.name ?? partnerID
            rows.append([.text("TOTAL"), .text(partnerID), .empty, .empty, .empty, .empty, .money(total), .empty, .empty,
                         .text("\(partnerLines.count) line\(partnerLines.count == 1 ? "" : "s") for \(name)")])
        }
        rows.append([.text("TOTAL"), .empty, .empty, .empty, .empty, .empty, .money(grand), .empty, .empty,
                     .text("\(lines.count) lines, \(byPartner.count) partners" + (period.map { ", \($0.label)" } ?? ""))])
        return Table(columns: columns, rows: rows)
    }
}
