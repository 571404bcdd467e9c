import ChannelModel
import ChannelStore

/// One row of the Funds pane: an MDF request as it stands as of the console's day, with what the
/// pane adds to present it (partner, balance, search text).
public struct FundsRow: Sendable, Equatable {
    public var request: MDFRequest
    /// The status as of D (`MDFRules.status`), not the stored latest one.
    public var status: MDFStatus
    /// The partner's MDF for the request's year as of D; nil when the partner is not enrolled.
    public var balance: MDFBalance?
    /// `MDFRules.isBreached`: still submitted past the approval window.
    public var breached: Bool
    public var partnerName: String
    public var tier: String
    /// What `/` searches, folded once: id, partner, activity and status.
    var search: String

    public var id: String { request.id }

    /// When the row started waiting: a claim waits from its claim, everything else from its submission.
    public var waitingSince: Instant {
        status == .claimed ? request.claimedAt ?? request.submittedAt : status == .approved ? request.decidedAt ?? request.submittedAt : request.submittedAt
    }
}

/// The MDF half of `ConsoleData`: derived once from the programme, and rebuilt on its own after an MDF
/// decision, which changes nothing else a pane shows.
public struct FundsData: Sendable, Equatable {
    /// The MDF queue in `MDFRules.queue` order, then the approvals still waiting for their claim (the
    /// claim window closing first): `c` needs those on screen.
    public internal(set) var rows: [FundsRow] = []
    /// How many of `rows` are the MDF queue proper (claims, submitted, info requested).
    public internal(set) var queued = 0
    public internal(set) var breaches = 0
    /// Claims waiting to be paid or rejected: counted once, not per frame over every row.
    public internal(set) var claims = 0
    /// The period's MDF figures (`MDFRules.figures`), and the same for each quarter of the metrics trend.
    public internal(set) var figures: MDFFigures?
    public internal(set) var trend: [MDFFigures] = []
    /// Balances already computed, by partner and year, for the pane, the dialogs and the details.
    var balances: [MDFRules.AllocationKey: MDFBalance] = [:]
    /// What MDF ROI's numerator is made of — the registrations carrying an `mdf_request_id` and the
    /// sourced wins on them — found once: an MDF decision changes neither, so nine periods' figures
    /// after a decision do not scan a million registrations and deals nine times.
    let mdfRegistrations: Set<String>
    let mdfWins: [Deal]
    /// Each partner's MDF requests (positions in the programme's), for the partner's Funds section and a
    /// request's detail, drawn every frame: scanning a million requests for one partner's took a whole
    /// keystroke's 16 ms at 10M registrations.
    private(set) var requestsByPartner: [String: [Int]] = [:]

    init(_ programme: Programme, asOf: Day, period: Period, trend: [MetricsReport]) {
        let ids = programme.mdfRegistrationIDs
        mdfRegistrations = ids
        let deals = programme.deals
        mdfWins = ids.isEmpty ? [] : deals.indices.filter { row in
            deals.isSourcedWin(row) && !deals.registrationIDs.isNull(row) && ids.contains(deals.registrationIDs[row])
        }.map { deals[$0] }
        rebuildRows(programme, asOf: asOf)
        refigure(programme, asOf: asOf, period: period, trend: trend)
    }

    mutating func rebuildRows(_ programme: Programme, asOf: Day) {
        // A decision changes a request's state, never its partner; only new requests need the index again.
        if requestsByPartner.values.reduce(0, { $0 + $1.count }) != programme.mdfRequests.count {
            requestsByPartner = [:]
            for (position, partnerID) in programme.mdfRequests.values(of: \.partnerID).enumerated() {
                requestsByPartner[partnerID, default: []].append(position)
            }
        }
        let queue = programme.mdfQueue(asOf: asOf)
        var approved: [MDFRequest] = []
        for request in programme.mdfRequests where programme.mdfStatus(request, asOf: asOf)?.acceptsClaim == true {
            approved.append(request)
        }
        approved.sort { ($0.endsOn, $0.id) < ($1.endsOn, $1.id) }
        var years = Set(queue.map(\.request.year))
        years.formUnion(approved.map(\.year))
        years.insert(asOf.year)
        balances = [:]
        for year in years {
            for balance in programme.mdfBalances(year: year, asOf: asOf) {
                balances[MDFRules.AllocationKey(partnerID: balance.partnerID, year: year)] = balance
            }
        }
        func row(_ request: MDFRequest, _ status: MDFStatus, breached: Bool) -> FundsRow {
            let partner = programme.partner(request.partnerID)
            let name = partner?.name ?? request.partnerID
            return FundsRow(request: request, status: status,
                            balance: balances[MDFRules.AllocationKey(partnerID: request.partnerID, year: request.year)],
                            breached: breached, partnerName: name, tier: partner?.tier ?? "",
                            search: SearchQuery.fold([request.id, request.partnerID, name, request.activity.rawValue, status.rawValue]
                                .joined(separator: "\u{1F}")))
        }
        rows = queue.map { row($0.request, $0.status, breached: $0.breached) } + approved.map { row($0, .approved, breached: false) }
        queued = queue.count
        breaches = queue.reduce(0) { $0 + ($1.breached ? 1 : 0) }
        claims = queue.reduce(0) { $0 + ($1.status == .claimed ? 1 : 0) }
    }

    /// The figures of `period` (a quarter to date ends at the as-of day) and of each trend quarter;
    /// with `since`, only the quarters that reach that day — what an MDF decision dated then can change
    /// (every figure reads the requests as of its period's end, and later events have not happened yet).
    mutating func refigure(_ programme: Programme, asOf: Day, period: Period, trend: [MetricsReport], since: Day? = nil) {
        func figures(_ period: Period) -> MDFFigures {
            MDFRules.figures(partners: programme.partners, requests: programme.mdfRequests, allocations: programme.mdfAllocations,
                             deals: mdfWins, mdfRegistrations: mdfRegistrations, period: period, policy: programme.mdfPolicy,
                             tierMDF: programme.tierMDF)
        }
        self.figures = figures(Period(from: period.from, to: min(period.to, asOf)))
        guard let since, self.trend.count == trend.count else {
            self.trend = trend.map { figures(Period(from: $0.from, to: $0.to)) }
            return
        }
        for index in trend.indices where trend[index].to >= since {
            self.trend[index] = figures(Period(from: trend[index].from, to: trend[index].to))
        }
    }

    public func balance(partnerID: String, year: Int) -> MDFBalance? {
        balances[MDFRules.AllocationKey(partnerID: partnerID, year: year)]
    }

    public func row(_ id: String) -> FundsRow? { rows.first { $0.id == id } }
}

extension ConsoleData {
    /// After an MDF decision (or its undo) only the MDF part changes: a million registrations are not
    /// looked at again.
    mutating func applyMDF(programme: Programme) {
        // The other panes' rows did not change: only the Funds pane's are computed again.
        rowCache = rowCache.keeping { $0.pane != .funds }
        self.programme = programme
        funds.rebuildRows(programme, asOf: asOf)
        // A decision is dated when it is made: no earlier than the clock the console reads the day at.
        funds.refigure(programme, asOf: asOf, period: period, trend: trend, since: when.instant.day)
    }
}

extension ProgrammeAction {
    /// Whether the action only changes MDF requests (a decision, its undo, or a batch of those).
    var isMDFOnly: Bool {
        switch self {
        case .mdf: return true
        case .batch(let actions): return !actions.isEmpty && actions.allSatisfy(\.isMDFOnly)
        default: return false
        }
    }
}
