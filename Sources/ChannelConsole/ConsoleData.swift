import ChannelModel
import ChannelStore
import Foundation

/// Everything the panes show, derived from the programme once and then kept up to date
/// incrementally (a decision touches one queue row, not a million registrations), so rendering a frame
/// and handling a key never rescan the programme.
public struct ConsoleData: Sendable, Equatable {
    public internal(set) var programme: Programme
    public let asOf: Day
    /// The as-of day with the clock the console started with: "as of today" reads the SLA at that now.
    public let when: AsOf
    public internal(set) var period: Period
    public internal(set) var queue: [QueueRow]
    public internal(set) var partners: [PartnerRow]
    public internal(set) var standings: [TierStanding]
    public internal(set) var metrics: MetricsReport
    /// The 8 quarters ending with the period's quarter, oldest first: the Metrics pane's sparklines.
    public internal(set) var trend: [MetricsReport]
    /// What a quarter to date is compared with: the same days of the previous quarter; nil for a whole
    /// quarter, which compares with the previous point of `trend`.
    public internal(set) var comparison: MetricsReport?
    public internal(set) var concentration: ConcentrationReport
    public internal(set) var enablement: EnablementStats
    /// Enrolled partners on the tier ladder, grouped by tier: the Tiers pane's rows.
    public internal(set) var ladder: [LadderRow]
    /// The MDF queue, balances and figures: the Funds pane's rows and the Metrics pane's MDF lines.
    public internal(set) var funds: FundsData
    /// Open registrations at the as-of day by registrable domain and by company name: what conflicts
    /// and similar-name hints are made of.
    var claims: OpenClaims
    var openByDomain: [String: [Int]] { claims.byDomain }
    /// Each partner's registrations and deals (positions), for the partner detail.
    var registrationsByPartner: [String: [Int]]
    var dealsByPartner: [String: [Int]]
    /// Who registered or closed what when; valid for the data it was built with (decisions change
    /// neither submission dates nor deals, and keep the queue figures up to date themselves).
    var activity: ActivityIndex
    /// The panes' filtered and sorted rows, remembered for this value of the data: a keystroke that
    /// only moves the cursor must not filter or sort ten thousand rows again.
    var rowCache = RowCache()
    /// Where builds too large for a keystroke run (the runtime's); nil builds everything in place.
    public var background: BackgroundWork?

    /// - Parameter now: the clock reading "as of today" means (DESIGN.md §3).
    public init(programme: Programme, asOf: Day, period: Period, now: Instant = AsOf.clock()) {
        self.init(queueOf: programme, asOf: asOf, period: period, now: now, allDomains: true)
        buildPanes()
    }

    /// The queue alone — what the console's first frame shows —, every other pane empty until
    /// `buildPanes` (which the runtime runs off its loop: at 10M registrations the rest takes seconds).
    /// - Parameters:
    ///   - allDomains: index every open claim's domain now, not only the queued ones' (the Partners pane
    ///     counts them all; the queue needs only its own, ~half the first frame's cost).
    ///   - head: build only the queue's first `head` rows (with the whole queue's counts): a screen's
    ///     worth, ready in a fraction of the whole queue's time; `buildPanes` builds the rest.
    public init(queueOf programme: Programme, asOf: Day, period: Period, now: Instant = AsOf.clock(), allDomains: Bool = false,
                head: Int? = nil) {
        self.programme = programme
        self.asOf = asOf
        let when = AsOf(asOf, now: now)
        self.when = when
        self.period = period
        // One history of the audit trail serves the queue, and later the metrics, trend and enablement.
        let history = RegistrationHistory(programme)
        let items: [QueueItem], counts: QueueCounts
        if let head {
            (items, counts, claims) = QueueItem.head(programme, asOf: when, history: history, limit: head)
        } else {
            let queued = history.queuedPositions(programme.registrations, asOf: when)
            claims = OpenClaims(programme, asOf: when, history: history, queued: queued, allDomains: allDomains)
            items = QueueItem.queue(programme, asOf: when, history: history, claims: claims)
            counts = QueueCounts(items, asOf: when)
        }
        // A head that holds the whole queue is the whole queue.
        queueHead = head.flatMap { counts.queued > $0 ? $0 : nil }
        let sla = ApprovalSLA(programme.policy)
        queue = items.map { QueueRow($0, programme: programme, sla: sla) }
        activity = ActivityIndex(history: history, policy: programme.policy)
        activity.queue = counts
        // The other panes' values for a programme with nothing in it, until their own are built.
        let nothing = Programme(policy: programme.policy)
        registrationsByPartner = [:]
        dealsByPartner = [:]
        standings = []
        partners = []
        ladder = []
        (metrics, trend, comparison) = Self.figures(nothing, when: when, period: period, index: activity)
        concentration = Concentration.analyse(nothing, asOf: asOf, period: period)
        enablement = EnablementCheck.stats(nothing, asOf: asOf, index: activity)
        funds = FundsData(nothing, asOf: asOf, period: period, trend: trend)
        panesReady = false
    }

    /// Whether every pane's rows are built (`buildPanes`), not only the queue's.
    public private(set) var panesReady: Bool
    /// How many of the queue's first rows `queue` holds while the rest is built; nil: the whole queue.
    public private(set) var queueHead: Int?
    /// How many registrations wait: the whole queue's count, also while only its head is built.
    public var waiting: Int { activity.queue?.queued ?? queue.count }

    /// Builds every pane but the queue from the programme the queue was built with (and the queue
    /// too, when only its head is built).
    public mutating func buildPanes() {
        if queueHead != nil {
            let background = background
            self = ConsoleData(queueOf: programme, asOf: asOf, period: period, now: when.instant, allDomains: true)
            self.background = background
        }
        // One index of who did what when serves the partners' last activity, the metrics, the trend and
        // the enablement split, instead of each scanning every registration again.
        var index = ActivityIndex(programme, history: activity.history)
        index.queue = activity.queue
        activity = index
        if !claims.allDomains {
            // Decisions keep the index up to date from here on, so every open domain is in it.
            let queued = index.history.queuedPositions(programme.registrations, asOf: when)
            claims = OpenClaims(programme, asOf: when, history: index.history, queued: queued, allDomains: true)
        }
        registrationsByPartner = programme.registrationPositionsByPartner()
        dealsByPartner = programme.dealPositionsByPartner()
        standings = TierEngine.standings(programme, asOf: asOf)
        partners = PartnerRow.rows(programme, asOf: asOf, standings: standings, index: index, openByDomain: claims.byDomain)
        (metrics, trend, comparison) = Self.figures(programme, when: when, period: period, index: index)
        concentration = Concentration.analyse(programme, asOf: asOf, period: period)
        enablement = EnablementCheck.stats(programme, asOf: asOf, index: index)
        ladder = LadderRow.rows(programme, standings: standings, asOf: asOf)
        funds = FundsData(programme, asOf: asOf, period: period, trend: trend)
        rowCache = RowCache()
        panesReady = true
    }

    /// The same programme seen over another period: only the period's figures are recomputed.
    public func with(period: Period) -> ConsoleData {
        var copy = self
        copy.rowCache = RowCache()
        copy.period = period
        // Panes still to be built will be built for the new period.
        guard panesReady else { return copy }
        (copy.metrics, copy.trend, copy.comparison) = Self.figures(programme, when: when, period: period, index: activity)
        copy.concentration = Concentration.analyse(programme, asOf: asOf, period: period)
        copy.funds.refigure(programme, asOf: asOf, period: period, trend: copy.trend)
        return copy
    }

    /// The period's figures — a past period as of its last day (DESIGN.md §3) —, its 8 quarters, and
    /// what a quarter to date is compared with.
    static func figures(_ programme: Programme, when: AsOf, period: Period,
                        index: ActivityIndex) -> (MetricsReport, [MetricsReport], MetricsReport?) {
        let metrics = Metrics.report(programme, asOf: Trends.when(min(period.to, when.day), asOf: when), period: period, index: index)
        let trend = Trends.quarterly(programme, asOf: when, endingWith: period, index: index)
        return (metrics, trend, Trends.likeForLike(programme, asOf: when, period: period, index: index))
    }

    public func registration(at row: QueueRow) -> Registration { row.item.registration }

    /// The Partners row (`partners` index, which is the partner's position) of the registration at
    /// `position`, if its partner exists.
    func partnerRow(registration position: Int) -> Int? {
        let owner = Int(programme.registrations.partners[position])
        return owner >= 0 ? owner : nil
    }

    /// Whether a partner's detail holds more records than can be gathered within a keystroke's 16 ms
    /// (measured: ~2 µs a record, 0.5–0.7 s for the 1M demo's largest partner).
    func detailIsLarge(_ partnerID: String) -> Bool {
        (registrationsByPartner[partnerID]?.count ?? 0) + (dealsByPartner[partnerID]?.count ?? 0) >= largeDetail
    }

    /// From how many records (registrations and deals) a partner's detail is gathered in the background.
    var largeDetail = 8_000

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
        var copy = self
        copy.update(after: action, before: before, programme: programme)
        return copy
    }

    /// The same in place: the runtime's way, so the queue rows (each a whole `QueueItem`) change where
    /// they are instead of being copied first — a copy of 15k rows costs more than the decision.
    public mutating func update(after action: ProgrammeAction, before: [Registration], programme: Programme) {
        if action.isLedgerOnly {
            self.programme = programme
            return
        }
        // Before the panes are built the queue is built again (its claims index holds only the queued
        // domains, which an undo may not be among); the runtime then builds the panes again too.
        guard panesReady else {
            self = ConsoleData(queueOf: programme, asOf: asOf, period: period, now: when.instant, head: queueHead)
            return
        }
        if action.isMDFOnly {
            applyMDF(programme: programme)
            return
        }
        if let partnerID = action.ownerAssigned {
            applyOwner(partnerID, programme: programme)
            return
        }
        guard let ids = action.decidedRegistrationIDs, ids.count == before.count else {
            self = ConsoleData(programme: programme, asOf: asOf, period: period, now: when.instant)
            return
        }
        rowCache = RowCache()
        self.programme = programme
        applyDecisions(before: before)
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

/// One row of the Queue pane: the model's `QueueItem`, with what the pane adds to present it.
public struct QueueRow: Sendable, Equatable {
    public var item: QueueItem
    public var sla: SLAState
    /// The registrable domain, kept: a decision compares every row's domain with the ones it touched.
    public var domain: String
    /// What `/` searches, folded once (`SearchQuery.fold`): id, partner, prospect and domain.
    var search: String

    public var position: Int { item.position }
    public var id: String { item.id }
    public var partnerID: String { item.partnerID }
    public var status: RegistrationStatus { item.status }
    public var conflicts: [Conflict] {
        get { item.conflicts }
        set { item.conflicts = newValue }
    }
    public var age: Int64 { item.age }
    public var priority: Bool { item.priority }
    public var submittedAt: Instant { item.registration.submittedAt }

    init(_ item: QueueItem, programme: Programme, sla rule: ApprovalSLA) {
        self.item = item
        // The colours only split the model's answer: breached is the model's; "due" is under half left.
        sla = item.slaSecondsLeft.map { left in item.slaBreached ? .breached : left * 2 < rule.seconds ? .due : .fresh } ?? .paused
        domain = item.registrableDomain
        let registration = item.registration
        search = SearchQuery.fold([registration.id, registration.partnerID, item.partnerName ?? "", registration.prospectCompany,
                                   registration.prospectDomain].joined(separator: "\u{1F}"))
    }

    var key: ConflictDetector.QueueKey { item.key }
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
    /// What `/` searches, folded once: the partner's id and name, its tiers and the proposal.
    var search: String

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
                             graceEnds: TierEngine.graceEnds(programme, standing: standing, asOf: asOf, wins: wins[standing.partnerId] ?? []),
                             search: SearchQuery.fold([standing.partnerId, programme.partner(standing.partnerId)?.name ?? "",
                                                       Format.label(standing.proposal.rawValue), standing.currentTier,
                                                       standing.qualifiedTier].joined(separator: "\u{1F}")))
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
    /// What `/` searches, folded once.
    var search: String
    /// The values `/` field terms compare with (`tier:gold owner:amara`), folded once.
    var facets: PartnerFacets

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
                       search: search(partner), facets: PartnerFacets(partner))
        }
    }

    /// What `/` searches in a partner's row, folded.
    static func search(_ partner: Partner) -> String {
        SearchQuery.fold([partner.id, partner.name, partner.type.rawValue, partner.tier, partner.region,
                          partner.status.rawValue, partner.owner].joined(separator: "\u{1F}"))
    }
}

/// A partner's values for `/` field terms, folded once per data.
struct PartnerFacets: Sendable, Equatable {
    var tier, type, region, status, owner, partner: String

    init(_ partner: Partner) {
        tier = SearchQuery.fold(partner.tier)
        type = partner.type.rawValue
        region = SearchQuery.fold(partner.region)
        status = partner.status.rawValue
        owner = SearchQuery.fold(partner.owner)
        self.partner = SearchQuery.fold(partner.id + "\u{1F}" + partner.name)
    }
}
