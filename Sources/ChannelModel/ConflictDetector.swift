/// Why a queued registration collides with another claim on the same prospect.
public enum ConflictKind: String, Labelled {
    /// Another partner holds an open registration for the prospect.
    case partner
    /// The same partner registered the prospect twice.
    case duplicate
    /// The direct sales team owns the account.
    case direct
}

/// One collision of a queued registration: with another registration, or with a direct account.
public struct Conflict: Hashable, Sendable, Codable {
    public var kind: ConflictKind
    public var registrationId: String?
    public var domain: String?

    public init(kind: ConflictKind, registrationId: String? = nil, domain: String? = nil) {
        self.kind = kind; self.registrationId = registrationId; self.domain = domain
    }
}

/// One row of `channeldesk queue --format json`: a `QueueItem` as the JSON carries it — every column the
/// Queue pane shows, the SLA figures, the conflicts and, apart from them, the similar-name hints.
/// Fields beyond the first four are optional so that the sample's expected queues (which name only
/// those four) still decode.
public struct QueueEntry: Hashable, Sendable, Codable {
    public var registrationId: String
    public var partnerId: String
    public var status: RegistrationStatus
    public var conflicts: [Conflict]
    public var similarNames: [SimilarName]?
    public var partnerName: String?
    public var tier: String?
    public var priority: Bool?
    public var prospectCompany: String?
    public var domain: String?
    public var estimatedACV: Money?
    public var submittedAt: Instant?
    /// Hours since submission at the as-of instant, rounded toward zero.
    public var ageHours: Int64?
    /// Null while the clock is paused (info requested).
    public var slaHoursLeft: Int64?
    public var slaBreached: Bool?

    public init(registrationId: String, partnerId: String, status: RegistrationStatus, conflicts: [Conflict]) {
        self.registrationId = registrationId; self.partnerId = partnerId; self.status = status
        self.conflicts = conflicts
    }

    public init(_ item: QueueItem) {
        self.init(registrationId: item.id, partnerId: item.partnerID, status: item.status, conflicts: item.conflicts)
        similarNames = item.similarNames
        partnerName = item.partnerName
        tier = item.tier
        priority = item.priority
        prospectCompany = item.registration.prospectCompany
        domain = item.registrableDomain
        estimatedACV = item.registration.estimatedACV
        submittedAt = item.registration.submittedAt
        ageHours = item.age / 3600
        slaHoursLeft = item.slaHoursLeft
        slaBreached = item.slaBreached
    }

    private enum CodingKeys: String, CodingKey {
        case registrationId, partnerId, partnerName, tier, priority, status, prospectCompany, domain, estimatedACV
        case submittedAt, ageHours, slaHoursLeft, slaBreached, conflicts, similarNames
    }

    // Explicit so that a paused clock is written as `slaHoursLeft: null` rather than left out.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(registrationId, forKey: .registrationId)
        try c.encode(partnerId, forKey: .partnerId)
        try c.encodeIfPresent(partnerName, forKey: .partnerName)
        try c.encodeIfPresent(tier, forKey: .tier)
        try c.encodeIfPresent(priority, forKey: .priority)
        try c.encode(status, forKey: .status)
        try c.encodeIfPresent(prospectCompany, forKey: .prospectCompany)
        try c.encodeIfPresent(domain, forKey: .domain)
        try c.encodeIfPresent(estimatedACV, forKey: .estimatedACV)
        try c.encodeIfPresent(submittedAt, forKey: .submittedAt)
        try c.encodeIfPresent(ageHours, forKey: .ageHours)
        if slaBreached != nil { try c.encode(slaHoursLeft, forKey: .slaHoursLeft) }
        try c.encodeIfPresent(slaBreached, forKey: .slaBreached)
        try c.encode(conflicts, forKey: .conflicts)
        try c.encode(similarNames ?? [], forKey: .similarNames)
    }
}

/// Conflict detection and queue order (DESIGN.md §3).
public enum ConflictDetector {
    /// The queue as of `asOf`, most urgent first: pending of priority tiers, other pending, then info
    /// requested; oldest first within each group. `QueueItem.queue` made into JSON rows.
    public static func queue(_ programme: Programme, asOf: AsOf) -> [QueueEntry] {
        QueueItem.queue(programme, asOf: asOf).map(QueueEntry.init)
    }

    /// The same, with the system clock as now.
    public static func queue(_ programme: Programme, asOf: Day) -> [QueueEntry] { queue(programme, asOf: AsOf(asOf)) }

    /// Positions (in `programme.registrations`) of queued registrations in queue order, as they stand now.
    public static func queuedPositions(_ programme: Programme) -> [Int] {
        let priority = programme.partners.map { programme.tier(of: $0).priorityRegistration }
        let registrations = programme.registrations, statuses = registrations.statuses, owners = registrations.partners
        var keyed: [(key: QueueKey, position: Int)] = []
        for position in 0..<registrations.count where statuses[position].isQueued {
            let owner = Int(owners[position])
            let key = QueueKey(status: statuses[position], priority: owner >= 0 && priority[owner],
                               submitted: registrations.submittedAt[position], id: registrations.ids[position])
            keyed.append((key, position))
        }
        keyed.sort { $0.key < $1.key }
        return keyed.map(\.position)
    }

    /// Where a queued registration sorts: priority tiers' pending first, then other pending, then info
    /// requested; oldest first; by id on a tie.
    public struct QueueKey: Comparable, Sendable {
        var group: Int
        var submitted: Int64
        var id: String

        public init(_ registration: Registration, priority: Bool) {
            self.init(status: registration.status, priority: priority, submitted: registration.submittedAt.seconds,
                      id: registration.id)
        }

        public init(status: RegistrationStatus, priority: Bool, submitted: Int64, id: String) {
            group = status == .infoRequested ? 2 : priority ? 0 : 1
            self.submitted = submitted
            self.id = id
        }

        public static func < (a: QueueKey, b: QueueKey) -> Bool { (a.group, a.submitted, a.id) < (b.group, b.submitted, b.id) }
    }

    /// Whether a partner's tier gives its registrations priority in the queue.
    public static func hasPriority(_ partnerID: String, in programme: Programme) -> Bool {
        programme.partner(partnerID).map { programme.tier(of: $0).priorityRegistration } ?? false
    }

    /// Open registrations at the end of `asOf` (DESIGN.md §3) grouped by registrable domain, positions
    /// ascending; only the given domains when `domains` is set.
    public static func openByDomain(_ programme: Programme, asOf: Day, domains: Set<String>? = nil) -> [String: [Int]] {
        let history = RegistrationHistory(programme), registrations = programme.registrations
        let when = AsOf(asOf, now: asOf.endOfDay)
        let closedAfter = RegistrationHistory.closedAfter(programme, day: asOf)
        var open: [String: [Int]] = [:]
        for position in registrations.indices
        where history.isOpen(registrations, position, asOf: when, approvedByDeal: { closedAfter.contains($0) }) {
            let domain = registrations.registrableDomain(position)
            if let domains, !domains.contains(domain) { continue }
            open[domain, default: []].append(position)
        }
        return open
    }

    /// Conflicts of the registrations at `positions`, keyed by position: direct first, then the other
    /// open registrations on the same registrable domain in programme order.
    public static func conflicts(_ programme: Programme, of positions: [Int], asOf: Day) -> [Int: [Conflict]] {
        let wanted = Set(positions.map { programme.registrations.registrableDomain($0) })
        return conflicts(programme, of: positions, openByDomain: openByDomain(programme, asOf: asOf, domains: wanted))
    }

    /// The conflicts of one registration whose registrable domain is known, from the open registrations
    /// by domain: direct first, then the other open registrations on the domain in programme order.
    public static func conflicts(_ programme: Programme, of position: Int, domain: String, openByDomain: [String: [Int]]) -> [Conflict] {
        let registrations = programme.registrations
        var found: [Conflict] = []
        if programme.directAccount(registrable: domain) != nil { found.append(Conflict(kind: .direct, domain: domain)) }
        for other in openByDomain[domain] ?? [] where other != position {
            let same = registrations.partners[other] >= 0 ? registrations.partners[other] == registrations.partners[position]
                : registrations.partnerIDs[other] == registrations.partnerIDs[position]
            found.append(Conflict(kind: same ? .duplicate : .partner, registrationId: registrations.ids[other]))
        }
        return found
    }

    /// The same, given the open registrations by domain (kept up to date by the console).
    public static func conflicts(_ programme: Programme, of positions: [Int], openByDomain: [String: [Int]]) -> [Int: [Conflict]] {
        let registrations = programme.registrations
        var result: [Int: [Conflict]] = [:]
        for position in positions {
            let domain = registrations.registrableDomain(position)
            var found: [Conflict] = []
            if programme.directAccount(registrable: domain) != nil { found.append(Conflict(kind: .direct, domain: domain)) }
            for other in openByDomain[domain] ?? [] where other != position {
                let same = registrations.partnerIDs[other] == registrations.partnerIDs[position]
                found.append(Conflict(kind: same ? .duplicate : .partner, registrationId: registrations.ids[other]))
            }
            result[position] = found
        }
        return result
    }
}
