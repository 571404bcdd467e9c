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

/// A registration waiting for a decision, with its conflicts: one row of the queue.
public struct QueueEntry: Hashable, Sendable, Codable {
    public var registrationId: String
    public var partnerId: String
    public var status: RegistrationStatus
    public var conflicts: [Conflict]

    public init(registrationId: String, partnerId: String, status: RegistrationStatus, conflicts: [Conflict]) {
        self.registrationId = registrationId; self.partnerId = partnerId; self.status = status
        self.conflicts = conflicts
    }
}

/// Conflict detection and queue order (DESIGN.md §3).
public enum ConflictDetector {
    /// The queue, most urgent first: pending of priority tiers, other pending, then info requested;
    /// oldest first within each group.
    public static func queue(_ programme: Programme, asOf: Day) -> [QueueEntry] {
        let queued = queuedPositions(programme)
        let conflicts = self.conflicts(programme, of: queued, asOf: asOf)
        return queued.map { position in
            let registration = programme.registrations[position]
            return QueueEntry(registrationId: registration.id, partnerId: registration.partnerID,
                              status: registration.status, conflicts: conflicts[position] ?? [])
        }
    }

    /// Positions (in `programme.registrations`) of queued registrations in queue order.
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

    /// Open registrations (DESIGN.md §3) grouped by registrable domain, positions ascending; only the
    /// given domains when `domains` is set.
    public static func openByDomain(_ programme: Programme, asOf: Day, domains: Set<String>? = nil) -> [String: [Int]] {
        var open: [String: [Int]] = [:]
        let registrations = programme.registrations
        for position in 0..<registrations.count where registrations.isOpen(position, asOf: asOf) {
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

    /// The same, given the open registrations by domain (kept up to date by the console).
    public static func conflicts(_ programme: Programme, of positions: [Int], openByDomain: [String: [Int]]) -> [Int: [Conflict]] {
        let registrations = programme.registrations
        var result: [Int: [Conflict]] = [:]
        for position in positions {
            let domain = registrations.registrableDomain(position)
            var found: [Conflict] = []
            if programme.directAccount(domain: domain) != nil { found.append(Conflict(kind: .direct, domain: domain)) }
            for other in openByDomain[domain] ?? [] where other != position {
                let same = registrations.partnerIDs[other] == registrations.partnerIDs[position]
                found.append(Conflict(kind: same ? .duplicate : .partner, registrationId: registrations.ids[other]))
            }
            result[position] = found
        }
        return result
    }
}
