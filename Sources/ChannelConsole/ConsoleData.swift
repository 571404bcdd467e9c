import ChannelModel
import ChannelStore
import Foundation

/// Everything the panes show, derived from the programme once and then kept up to date
/// incrementally (a decision touches one queue row, not a million registrations), so rendering a frame
/// and handling a key never rescan the programme.
public struct ConsoleData: Sendable, Equatable {
    public internal(set) var programme: Programme
    public let asOf: Day
    public internal(set) var period: Period
    public internal(set) var queue: [QueueRow]
    public internal(set) var partners: [PartnerRow]
    public internal(set) var standings: [TierStanding]
    public internal(set) var metrics: MetricsReport
    /// The 8 quarters ending with the period's quarter, oldest first: the Metrics pane's sparklines.
    public internal(set) var trend: [MetricsReport]
    public internal(set) var concentration: ConcentrationReport
    public internal(set) var enablement: EnablementStats
    /// Enrolled partners on the tier ladder, grouped by tier: the Tiers pane's rows.
    public internal(set) var ladder: [LadderRow]
    /// Open registrations by registrable domain (positions ascending): what conflicts are made of.
    var openByDomain: [String: [Int]]
    /// Each partner's registrations and deals (positions), for the partner detail.
    var registrationsByPartner: [String: [Int]]
    var dealsByPartner: [String: [Int]]
    /// Who registered or closed what when; valid for the data it was built with (decisions change
    /// neither submission dates nor deals, and keep the queue figures up to date themselves).
    var activity: ActivityIndex
    /// The panes' filtered and sorted rows, remembered for this value of the data: a keystroke that
    /// only moves the cursor must not filter or sort ten thousand rows again.
    var rowCache = RowCache()

    public init(programme: Programme, asOf: Day, period: Period) {
        self.programme = programme
        self.asOf = asOf
        self.period = period
        openByDomain = ConflictDetector.openByDomain(programme, asOf: asOf)
        registrationsByPartner = programme.registrationPositionsByPartner()
        dealsByPartner = programme.dealPositionsByPartner()
        queue = QueueRow.rows(programme, asOf: asOf, openByDomain: openByDomain)
        // One index of who did what when serves the partners' last activity, the metrics, the trend and
        // the enablement split, instead of each scanning every registration again.
        let index = ActivityIndex(programme)
        activity = index
        standings = TierEngine.standings(programme, asOf: asOf)
        partners = PartnerRow.rows(programme, asOf: asOf, standings: standings, index: index, openByDomain: openByDomain)
        metrics = Metrics.report(programme, asOf: asOf, period: period, index: index)
        trend = Trends.quarterly(programme, asOf: asOf, endingWith: period, index: index)
        concentration = Concentration.analyse(programme, asOf: asOf, period: period)
        enablement = EnablementCheck.stats(programme, asOf: asOf, index: index)
        ladder = LadderRow.rows(programme, standings: standings, asOf: asOf)
    }

    /// The same programme seen over another period: only the period's figures are recomputed.
    public func with(period: Period) -> ConsoleData {
        var copy = self
        copy.rowCache = RowCache()
        copy.period = period
        copy.metrics = Metrics.report(programme, asOf: asOf, period: period, index: activity)
        copy.trend = Trends.quarterly(programme, asOf: asOf, endingWith: period, index: activity)
        copy.concentration = Concentration.analyse(programme, asOf: asOf, period: period)
        return copy
    }

    public func registration(at row: QueueRow) -> Registration { programme.registrations[row.position] }

    /// A partner's profile, from the indexes rather than a scan of the programme.
    public func profile(of partnerID: String) -> PartnerProfile? {
        PartnerProfile.build(programme, partnerID: partnerID, asOf: asOf, registrationPositions: registrationsByPartner[partnerID] ?? [],
                             dealPositions: dealsByPartner[partnerID] ?? [])
    }

    /// Lets go of the programme while the store changes it, so the store's copy is the only one and
    /// changes in place instead of copying a million registrations (copy-on-write).
    public mutating func releaseProgramme() { programme = Programme(policy: programme.policy) }

    /// The data after the store applied `action` and holds `programme`; `before` are the registrations
    /// the action decided, as they were. Decisions update only what they touch; anything else rebuilds.
    public func updated(after action: ProgrammeAction, before: [Registration], programme: Programme) -> ConsoleData {
        if action.isLedgerOnly {
            var copy = self
            copy.programme = programme
            return copy
        }
        guard let ids = action.decidedRegistrationIDs, ids.count == before.count else {
            return ConsoleData(programme: programme, asOf: asOf, period: period)
        }
        var copy = self
        copy.rowCache = RowCache()
        copy.programme = programme
        copy.applyDecisions(before: before)
        return copy
    }
}

/// How a queued registration stands against the approval SLA.
public enum SLAState: Sendable, Equatable {
    /// More than half the SLA left.
    case fresh
    /// Less than half left.
    case due
    /// Past the SLA.
    case breached
    /// Waiting for the partner: the clock is paused.
    case paused
}

/// One row of the Queue pane.
public struct QueueRow: Sendable, Equatable {
    /// Position in `programme.registrations`.
    public var position: Int
    public var id: String
    public var partnerID: String
    public var status: RegistrationStatus
    public var conflicts: [Conflict]
    /// Seconds since submission at the end of the as-of day.
    public var age: Int64
    public var sla: SLAState
    public var priority: Bool
    public var domain: String
    public var submittedAt: Instant
    /// What `/` searches, lower-cased once: id, partner, prospect and domain.
    var search: String

    static func rows(_ programme: Programme, asOf: Day, openByDomain: [String: [Int]]) -> [QueueRow] {
        let positions = ConflictDetector.queuedPositions(programme)
        let conflicts = ConflictDetector.conflicts(programme, of: positions, openByDomain: openByDomain)
        var priority: [String: Bool] = [:]
        return positions.map { position in
            let registration = programme.registrations[position]
            let isPriority = priority[registration.partnerID] ?? {
                let value = ConflictDetector.hasPriority(registration.partnerID, in: programme)
                priority[registration.partnerID] = value
                return value
            }()
            return row(registration, at: position, programme: programme, asOf: asOf, priority: isPriority,
                       conflicts: conflicts[position] ?? [])
        }
    }

    static func row(_ registration: Registration, at position: Int, programme: Programme, asOf: Day, priority: Bool,
                    conflicts: [Conflict]) -> QueueRow {
        let rule = ApprovalSLA(programme.policy), at = asOf.endOfDay
        let age = max(0, at.seconds - registration.submittedAt.seconds)
        let left = rule.secondsLeft(submittedAt: registration.submittedAt, at: at)
        let state: SLAState = registration.status == .infoRequested ? .paused
            : left < 0 ? .breached : left * 2 < rule.seconds ? .due : .fresh
        return QueueRow(position: position, id: registration.id, partnerID: registration.partnerID, status: registration.status,
                        conflicts: conflicts, age: age, sla: state, priority: priority, domain: registration.registrableDomain,
                        submittedAt: registration.submittedAt,
                        search: [registration.id, registration.partnerID, programme.partner(registration.partnerID)?.name ?? "",
                                 registration.prospectCompany, registration.prospectDomain].joined(separator: "\u{1F}").lowercased())
    }

    var key: ConflictDetector.QueueKey {
        ConflictDetector.QueueKey(status: status, priority: priority, submitted: submittedAt.seconds, id: id)
    }
}

/// One partner on the tier ladder: where it stands and how far it is from the rung that matters.
public struct LadderRow: Sendable, Equatable {
    /// Index into `ConsoleData.standings`.
    public var standing: Int
    public var rank: Int
    /// What keeps the partner's tier (at risk, downgrade) or reaches the next one.
    public var distance: TierDistance
    /// For partners at risk, the day the grace period runs out.
    public var graceEnds: Day?

    static func rows(_ programme: Programme, standings: [TierStanding], asOf: Day) -> [LadderRow] {
        let policy = programme.policy
        let order: [TierProposal: Int] = [.upgrade: 0, .downgrade: 1, .atRisk: 2, .hold: 3]
        var atRisk = [Bool](repeating: false, count: programme.partners.count)
        for standing in standings where standing.proposal == .atRisk {
            if let position = programme.partnerPosition(standing.partnerId) { atRisk[position] = true }
        }
        var wins: [String: [Deal]] = [:]
        let deals = programme.deals
        for row in deals.indices where deals.partners[row] >= 0 && atRisk[Int(deals.partners[row])] && deals.isSourcedWin(row) {
            wins[deals.partnerIDs[row], default: []].append(deals[row])
        }
        return standings.indices.map { index in
            let standing = standings[index]
            return LadderRow(standing: index, rank: policy.rank(of: standing.currentTier),
                             distance: TierEngine.distance(standing, policy: policy),
                             graceEnds: TierEngine.graceEnds(programme, standing: standing, asOf: asOf, wins: wins[standing.partnerId] ?? []))
        }.sorted {
            let a = standings[$0.standing], b = standings[$1.standing]
            return ($0.rank, order[a.proposal]!, -a.trailingSourcedARR.cents, a.partnerId)
                < ($1.rank, order[b.proposal]!, -b.trailingSourcedARR.cents, b.partnerId)
        }
    }
}

/// One row of the Partners pane: the partner and the figures a manager sorts by.
public struct PartnerRow: Sendable, Equatable {
    public var position: Int
    public var trailingARR: Money
    public var openRegistrations: Int
    public var lastActivity: Day?
    public var nps: Int?
    public var proposal: TierProposal?
    /// Enablement items completed (of five).
    public var enabled: Int
    /// Where the name falls among all partners' names, case-insensitively: sorting by name compares
    /// these integers, ranked once per data, instead of making ~150k string comparisons per sort.
    var nameRank: Int
    /// What `/` searches, lower-cased once.
    var search: String

    /// - Parameter openByDomain: the open registrations, already found: counting them per partner
    ///   needs no second pass over every registration.
    static func rows(_ programme: Programme, asOf: Day, standings: [TierStanding], index: ActivityIndex,
                     openByDomain: [String: [Int]]) -> [PartnerRow] {
        let arr = TierEngine.trailingSourcedARR(programme, asOf: asOf)
        var open = [Int](repeating: 0, count: programme.partners.count)
        let owners = programme.registrations.partners
        for positions in openByDomain.values {
            for position in positions where owners[position] >= 0 { open[Int(owners[position])] += 1 }
        }
        let nps = NetPromoter.latest(programme, through: asOf)
        let proposals = Dictionary(uniqueKeysWithValues: standings.map { ($0.partnerId, $0.proposal) })
        let enablement = EnablementCheck.completed(programme, asOf: asOf)
        let byName = programme.partners.indices.map { ($0, programme.partners[$0].name.lowercased()) }.sorted { $0.1 < $1.1 }
        var nameRank = [Int](repeating: 0, count: byName.count)
        for (rank, entry) in byName.enumerated() { nameRank[entry.0] = rank }
        return programme.partners.enumerated().map { position, partner in
            PartnerRow(position: position, trailingARR: arr[partner.id] ?? .zero, openRegistrations: open[position],
                       lastActivity: index.lastActivity(partner.id, onOrBefore: asOf), nps: nps[partner.id]?.score, proposal: proposals[partner.id],
                       enabled: enablement[partner.id]?.count ?? 0, nameRank: nameRank[position],
                       search: [partner.id, partner.name, partner.type.rawValue, partner.tier, partner.region,
                                partner.status.rawValue, partner.owner].joined(separator: "\u{1F}").lowercased())
        }
    }
}

/// Remembered pane rows for one value of `ConsoleData` (a new value starts empty). A reference, so
/// the pure view and reducer can share what the other already computed; it takes no part in equality.
final class RowCache: @unchecked Sendable, Equatable {
    struct Key: Hashable {
        var pane: Pane
        var filter: String
        var sortColumn: Int?
        var sortDescending: Bool
        var notEnabledOnly: Bool
    }

    private var rows: [Key: [Int]] = [:]
    private let lock = NSLock()

    /// What is remembered for `key`, without computing it.
    func cached(_ key: Key) -> [Int]? {
        lock.lock()
        defer { lock.unlock() }
        return rows[key]
    }

    func rows(for key: Key, compute: () -> [Int]) -> [Int] {
        lock.lock()
        if let cached = rows[key] {
            lock.unlock()
            return cached
        }
        lock.unlock()
        let computed = compute()
        lock.lock()
        rows[key] = computed
        lock.unlock()
        return computed
    }

    static func == (_: RowCache, _: RowCache) -> Bool { true }
}
