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
        let registrations = programme.registrations
        var priorityByPartner: [String: Bool] = [:]
        func group(_ registration: Registration) -> Int {
            if registration.status == .infoRequested { return 2 }
            let priority = priorityByPartner[registration.partnerID] ?? {
                let value = programme.partner(registration.partnerID).map { programme.tier(of: $0).priorityRegistration } ?? false
                priorityByPartner[registration.partnerID] = value
                return value
            }()
            return priority ? 0 : 1
        }
        var keyed: [(group: Int, submitted: Int64, position: Int)] = []
        for (position, registration) in registrations.enumerated() where registration.status.isQueued {
            keyed.append((group(registration), registration.submittedAt.seconds, position))
        }
        keyed.sort { ($0.group, $0.submitted, registrations[$0.position].id) < ($1.group, $1.submitted, registrations[$1.position].id) }
        return keyed.map(\.position)
    }

    /// Conflicts of the registrations at `positions`, keyed by position: direct first, then the other
    /// open registrations on the same registrable domain in programme order.
    public static func conflicts(_ programme: Programme, of positions: [Int], asOf: Day) -> [Int: [Conflict]] {
        let registrations = programme.registrations
        var wanted = Set<String>()
        for position in positions { wanted.insert(registrations[position].registrableDomain) }
        var openByDomain: [String: [Int]] = [:]
        for (position, registration) in registrations.enumerated()
        where wanted.contains(registration.registrableDomain) && registration.isOpen(asOf: asOf) {
            openByDomain[registration.registrableDomain, default: []].append(position)
        }
        var result: [Int: [Conflict]] = [:]
        for position in positions {
            let registration = registrations[position]
            var found: [Conflict] = []
            if programme.directAccount(domain: registration.registrableDomain) != nil {
                found.append(Conflict(kind: .direct, domain: registration.registrableDomain))
            }
            for other in openByDomain[registration.registrableDomain] ?? [] where other != position {
                let rival = registrations[other]
                found.append(Conflict(kind: rival.partnerID == registration.partnerID ? .duplicate : .partner,
                                      registrationId: rival.id))
            }
            result[position] = found
        }
        return result
    }
}
