/// Where a commission is in finance's process. The manager moves it forward one step at a time.
public enum CommissionStatus: String, Labelled {
    case accrued, approved, paid

    /// The next step, or nil once paid.
    public var next: CommissionStatus? {
        switch self {
        case .accrued: return .approved
        case .approved: return .paid
        case .paid: return nil
        }
    }
}

/// A commission taken back: an approved or paid line whose deal was reversed or changed. Recorded as
/// its own negative line, never as an edit of the original, so statements already sent stay true.
public struct Clawback: Hashable, Sendable, Codable {
    public var dealId: String
    public var partnerId: String
    public var registrationId: String
    public var acv: Money
    public var rate: Double
    /// Negative: the amount taken back.
    public var amount: Money
    public var kind: CommissionKind
    public var recordedOn: Day
    public var reason: String

    public init(dealId: String, partnerId: String, registrationId: String, acv: Money, rate: Double, amount: Money,
                kind: CommissionKind, recordedOn: Day, reason: String) {
        self.dealId = dealId; self.partnerId = partnerId; self.registrationId = registrationId; self.acv = acv
        self.rate = rate; self.amount = amount; self.kind = kind; self.recordedOn = recordedOn; self.reason = reason
    }
}

/// One line of the commission ledger: an eligible deal with its status, or a clawback.
public struct LedgerLine: Hashable, Sendable {
    public var dealId: String
    public var partnerId: String
    public var registrationId: String
    /// The deal's close date, or the day a clawback was recorded: the line's date in a statement.
    public var date: Day
    public var acv: Money
    public var rate: Double
    public var amount: Money
    public var kind: CommissionKind
    /// nil for a clawback line.
    public var status: CommissionStatus?
    public var clawbackReason: String?

    public var isClawback: Bool { clawbackReason != nil }
}

/// The commission ledger: what the programme owes whom, and how far finance has got.
public enum Ledger {
    /// Every eligible line with its status, then every clawback; in deal order. With `deals` (positions
    /// in `programme.deals`) and `partnerID`, only that partner's lines — without a scan of every deal.
    public static func lines(_ programme: Programme, deals positions: [Int]? = nil, partnerID: String? = nil) -> [LedgerLine] {
        var lines: [LedgerLine] = []
        // Only sourced wins can earn: the rest are skipped without making a `Deal`.
        for position in positions ?? Array(programme.deals.indices) where programme.deals.isSourcedWin(position) {
            let deal = programme.deals[position]
            guard let line = Commissions.line(for: deal, in: programme) else { continue }
            lines.append(LedgerLine(dealId: line.dealId, partnerId: line.partnerId, registrationId: line.registrationId,
                                    date: deal.closedOn, acv: line.acv, rate: line.rate, amount: line.amount, kind: line.kind,
                                    status: programme.commissionStatus[line.dealId] ?? .accrued, clawbackReason: nil))
        }
        for clawback in programme.clawbacks where partnerID.map({ $0 == clawback.partnerId }) ?? true {
            lines.append(LedgerLine(dealId: clawback.dealId, partnerId: clawback.partnerId, registrationId: clawback.registrationId,
                                    date: clawback.recordedOn, acv: clawback.acv, rate: clawback.rate, amount: clawback.amount,
                                    kind: clawback.kind, status: nil, clawbackReason: clawback.reason))
        }
        return lines
    }

    /// Lines approved or paid: the ones a later change must claw back rather than silently alter.
    public static func settledLines(_ programme: Programme) -> [String: CommissionLine] {
        var settled: [String: CommissionLine] = [:]
        for (dealID, status) in programme.commissionStatus where status != .accrued {
            if let deal = programme.deal(dealID), let line = Commissions.line(for: deal, in: programme) { settled[dealID] = line }
        }
        return settled
    }

    /// After a change: every settled line that disappeared or changed amount is clawed back in full and
    /// its deal starts again as accrued (a re-won deal earns a fresh line). Returns how many.
    @discardableResult
    public static func reconcile(_ programme: inout Programme, settledBefore: [String: CommissionLine], on day: Day) -> Int {
        var count = 0
        for (dealID, before) in settledBefore.sorted(by: { $0.key < $1.key }) {
            let after = programme.deal(dealID).flatMap { Commissions.line(for: $0, in: programme) }
            guard after?.amount != before.amount || after?.rate != before.rate else { continue }
            let reason = after == nil ? "deal \(dealID) no longer earns a commission" : "deal \(dealID) changed: \(before.amount) became \(after!.amount)"
            programme.recordClawback(Clawback(dealId: dealID, partnerId: before.partnerId, registrationId: before.registrationId,
                                              acv: before.acv, rate: before.rate, amount: -before.amount, kind: before.kind,
                                              recordedOn: day, reason: reason))
            programme.setCommissionStatus(dealID, nil)
            count += 1
        }
        return count
    }
}
