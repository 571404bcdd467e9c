import ChannelModel

/// The money check of a loaded programme: the magnitudes of every amount it holds, summed, must fit in
/// Int64 cents. Metrics, statements and the console add amounts with trapping `+` (an overflow there
/// is a bug, not a value), so a crafted or damaged file whose amounts cannot be totalled must be
/// refused here, as damage with the column named, before any view sums it and the process traps.
/// Bounding the sum of magnitudes (not the plain sum) covers every subset any report may add up.
enum MoneyBounds {
    /// One stored money column: its table and column names as in the file, and its cents.
    struct Amounts {
        var table: String
        var column: String
        var cents: [Int64]
    }

    /// Every money column of `programme`. New money tables (MDF requests and allocations, …) add
    /// their columns here so the same bound covers them.
    static func columns(of programme: Programme, includingMDF: Bool = true) -> [Amounts] {
        [
            Amounts(table: "registrations", column: "estimated_acv", cents: programme.registrations.estimatedACV),
            Amounts(table: "deals", column: "acv", cents: programme.deals.acv),
            Amounts(table: "investments", column: "amount", cents: programme.investments.map(\.amount.cents)),
            Amounts(table: "clawbacks", column: "acv", cents: programme.clawbacks.map(\.acv.cents)),
            Amounts(table: "clawbacks", column: "amount", cents: programme.clawbacks.map(\.amount.cents)),
        ] + (includingMDF ? mdfColumns(requests: programme.mdfRequests, allocations: programme.mdfAllocations) : [])
    }

    /// Every MDF amount: requested, approved, claimed, paid, and the allocations.
    static func mdfColumns(requests: [MDFRequest], allocations: [MDFAllocation]) -> [Amounts] {
        [
            Amounts(table: "mdfRequests", column: "requested_amount", cents: requests.map(\.requestedAmount.cents)),
            Amounts(table: "mdfRequests", column: "approved_amount", cents: requests.map { $0.approvedAmount?.cents ?? 0 }),
            Amounts(table: "mdfRequests", column: "claimed_amount", cents: requests.map { $0.claimedAmount?.cents ?? 0 }),
            Amounts(table: "mdfRequests", column: "paid_amount", cents: requests.map { $0.paidAmount?.cents ?? 0 }),
            Amounts(table: "mdfAllocations", column: "amount", cents: allocations.map(\.amount.cents)),
        ]
    }

    /// The sum of the columns' magnitudes, or nil past Int64.
    static func magnitude(_ columns: [Amounts]) -> UInt64? {
        var total: UInt64 = 0
        for amounts in columns {
            for cents in amounts.cents {
                let (sum, overflow) = total.addingReportingOverflow(cents.magnitude)
                guard !overflow, sum <= UInt64(Int64.max) else { return nil }
                total = sum
            }
        }
        return total
    }

    /// The check of a loaded programme whose MDF amounts were summed already (`mdfMagnitude`, by the
    /// core that decoded them): mapping a million requests' amounts again was a tenth of the open at 10M.
    /// A total past the bound is checked again column by column, for the message naming where.
    static func check(_ programme: Programme, mdfMagnitude: UInt64?) throws(SnapshotError) {
        let others = columns(of: programme, includingMDF: false)
        if let mdf = mdfMagnitude, let rest = magnitude(others) {
            let (sum, overflow) = mdf.addingReportingOverflow(rest)
            if !overflow, sum <= UInt64(Int64.max) { return }
        }
        try check(columns(of: programme))
    }

    /// Throws naming the first column whose amounts push the running total of magnitudes past Int64.
    static func check(_ columns: [Amounts]) throws(SnapshotError) {
        var total: UInt64 = 0
        let limit = UInt64(Int64.max)
        for amounts in columns {
            for (row, cents) in amounts.cents.enumerated() {
                let (sum, overflow) = total.addingReportingOverflow(cents.magnitude)
                guard !overflow, sum <= limit else {
                    throw SnapshotError(.malformedColumn(
                        table: amounts.table, column: amounts.column,
                        detail: "row \(row) holds \(Money(cents: cents).plain), which takes the programme's money past "
                            + "the \(Money(cents: .max).plain) its totals can hold — the file is damaged or was not written by channeldesk"))
                }
                total = sum
            }
        }
    }

    /// The money columns an import batch brings, named as the file names them.
    static func columns(of batch: ImportBatch) -> [Amounts] {
        switch batch {
        case .registrations(let rows): return [Amounts(table: "registrations", column: "estimated_acv", cents: rows.estimatedACV)]
        case .deals(let rows): return [Amounts(table: "deals", column: "acv", cents: rows.acv)]
        case .investments(let rows): return [Amounts(table: "investments", column: "amount", cents: rows.map(\.amount.cents))]
        case .mdfRequests(let rows): return mdfColumns(requests: rows, allocations: [])
        case .mdfAllocations(let rows): return mdfColumns(requests: [], allocations: rows)
        case .partners, .nps, .directAccounts, .enablement: return []
        }
    }

    /// Refuses an import whose amounts, on top of the programme's, could not be totalled: accepted, it
    /// would be journaled and then refused at every open (each amount alone passes the CSV's bound; a
    /// hundred of the largest do not). Counting replaced rows twice only errs towards refusing.
    static func checkImport(_ batch: ImportBatch, into programme: Programme) throws(ActionError) {
        let added = columns(of: batch)
        guard !added.isEmpty else { return }
        do {
            try check(columns(of: programme) + added)
        } catch {
            throw ActionError("the import's amounts take the programme's money past the \(Money(cents: .max).plain) "
                              + "its totals can hold; nothing was imported")
        }
    }
}
