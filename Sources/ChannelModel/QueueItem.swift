/// One registration waiting for a decision as of a day, with everything every view of the queue shows:
/// the `queue` command (table and JSON), the Queue pane and the registration detail read these fields
/// and `metrics` counts them the same way, so no view derives an SLA, a tier or a conflict on its own.
public struct QueueItem: Sendable, Equatable {
    /// Position in `programme.registrations`.
    public var position: Int
    /// The registration's record as stored now (its fields; `status` is the status at the as-of day).
    public var registration: Registration
    /// The prospect's registrable domain, found once (a Public Suffix List look-up).
    public var registrableDomain: String
    /// `pending` or `info_requested`, as it stood at the end of the as-of day.
    public var status: RegistrationStatus
    public var partnerName: String?
    /// The partner's tier at the as-of day.
    public var tier: String
    /// Whether that tier gives priority registration.
    public var priority: Bool
    /// Seconds since submission at the as-of instant (never negative).
    public var age: Int64
    /// Seconds until the SLA deadline at the as-of instant (negative once past); nil while the clock is
    /// paused for an info request.
    public var slaSecondsLeft: Int64?
    /// Past the approval SLA (only a pending registration can be).
    public var slaBreached: Bool
    public var conflicts: [Conflict]
    /// Hints, never conflicts: same normalised company, another registrable domain.
    public var similarNames: [SimilarName]

    public var id: String { registration.id }
    public var partnerID: String { registration.partnerID }

    /// Whole hours left, rounded toward zero (ApprovalSLA's rounding); nil while paused.
    public var slaHoursLeft: Int64? { slaSecondsLeft.map { $0 / 3600 } }

    /// The queue's breach test, which `metrics` counts with: pending and past the SLA at the as-of instant.
    public static func isBreached(status: RegistrationStatus, submittedAt: Instant, asOf: AsOf, sla: ApprovalSLA) -> Bool {
        status == .pending && sla.isBreached(submittedAt: submittedAt, at: asOf.instant)
    }

    /// Where the item sorts in the queue.
    public var key: ConflictDetector.QueueKey {
        ConflictDetector.QueueKey(status: status, priority: priority, submitted: registration.submittedAt.seconds, id: id)
    }

    /// The item for the registration at `position`, queued at `asOf` with `status`.
    public static func make(_ programme: Programme, position: Int, status: RegistrationStatus, asOf: AsOf,
                            tiers: TierHistory, claims: OpenClaims) -> QueueItem {
        let registration = programme.registrations[position]
        let domain = programme.registrations.registrableDomain(position)
        let partner = programme.partner(registration.partnerID)
        let tier = partner.map { tiers.tier(of: $0, asOf: asOf) } ?? ""
        let rung = programme.policy.tier(named: tier)
        let sla = ApprovalSLA(programme.policy)
        return QueueItem(
            position: position, registration: registration, registrableDomain: domain, status: status,
            partnerName: partner?.name, tier: tier,
            priority: rung?.priorityRegistration ?? false,
            age: max(0, asOf.instant.seconds - registration.submittedAt.seconds),
            slaSecondsLeft: status == .infoRequested ? nil : sla.secondsLeft(submittedAt: registration.submittedAt, at: asOf.instant),
            slaBreached: isBreached(status: status, submittedAt: registration.submittedAt, asOf: asOf, sla: sla),
            conflicts: ConflictDetector.conflicts(programme, of: position, domain: domain, openByDomain: claims.byDomain),
            similarNames: claims.similarNames(programme, of: position, domain: domain))
    }

    /// The queue as of `asOf`, most urgent first (DESIGN.md §3).
    /// - Parameter claims: the open registrations at `asOf`, when the caller keeps them (the console).
    public static func queue(_ programme: Programme, asOf: AsOf, history: RegistrationHistory? = nil,
                             claims: OpenClaims? = nil) -> [QueueItem] {
        let history = history ?? RegistrationHistory(programme)
        let order = Order(programme, asOf: asOf, history: history)
        let claims = claims ?? OpenClaims(programme, asOf: asOf, history: history, queued: order.positions)
        return order.items(programme, asOf: asOf, claims: claims)
    }

    /// The first `limit` items of the queue and the whole queue's counts: what a screen shows first,
    /// at a fraction of the whole queue's cost (only those items' claims are looked up).
    /// The claims returned are those items' (their domains' and names').
    public static func head(_ programme: Programme, asOf: AsOf, history: RegistrationHistory,
                            limit: Int) -> (items: [QueueItem], counts: QueueCounts, claims: OpenClaims) {
        var order = Order(programme, asOf: asOf, history: history)
        let counts = order.counts(programme, asOf: asOf)
        order.ranked = Array(order.ranked.prefix(limit))
        let claims = OpenClaims(programme, asOf: asOf, history: history, queued: order.ranked.map { order.positions[$0] })
        return (order.items(programme, asOf: asOf, claims: claims), counts, claims)
    }

    /// The queued registrations in queue order, from the columns, so each item is made once in its place.
    struct Order {
        let positions: [Int]
        let statuses: [RegistrationStatus]
        /// Indexes into `positions`, most urgent first.
        var ranked: [Int]
        let tiers: TierHistory

        init(_ programme: Programme, asOf: AsOf, history: RegistrationHistory) {
            let registrations = programme.registrations
            positions = history.queuedPositions(registrations, asOf: asOf)
            tiers = TierHistory(programme)
            let tiers = tiers
            let priority = programme.partners.map { programme.policy.tier(named: tiers.tier(of: $0, asOf: asOf))?.priorityRegistration ?? false }
            let statuses = positions.map { history.status(registrations, $0, asOf: asOf) ?? .pending }
            self.statuses = statuses
            let keys = positions.indices.map { [positions] index in
                let position = positions[index], owner = Int(registrations.partners[position])
                return ConflictDetector.QueueKey(status: statuses[index], priority: owner >= 0 && priority[owner],
                                                 submitted: registrations.submittedAt[position], id: registrations.ids[position])
            }
            ranked = positions.indices.sorted { keys[$0] < keys[$1] }
        }

        /// The ranked items. Each is independent (~5 µs: the record, its domain, conflicts and hints),
        /// and a million-row programme queues ~15k of them.
        func items(_ programme: Programme, asOf: AsOf, claims: OpenClaims) -> [QueueItem] {
            Parallel.map(count: ranked.count, serialBelow: 2_000) { rank in
                make(programme, position: positions[ranked[rank]], status: statuses[ranked[rank]], asOf: asOf, tiers: tiers, claims: claims)
            }
        }

        /// The counts of every queued registration, by the items' own rules, without making the items.
        func counts(_ programme: Programme, asOf: AsOf) -> QueueCounts {
            let sla = ApprovalSLA(programme.policy), submitted = programme.registrations.submittedAt
            var counts = QueueCounts(asOf: asOf, queued: positions.count, infoRequested: 0, breaches: 0)
            for index in positions.indices {
                if statuses[index] == .infoRequested { counts.infoRequested += 1 }
                if isBreached(status: statuses[index], submittedAt: Instant(seconds: submitted[positions[index]]), asOf: asOf, sla: sla) {
                    counts.breaches += 1
                }
            }
            return counts
        }
    }
}

/// Queue figures from the items: what `metrics` reports as pendingRegistrations and slaBreaches.
public struct QueueCounts: Sendable, Equatable {
    public var asOf: AsOf
    /// Pending and info requested.
    public var queued: Int
    public var infoRequested: Int
    public var breaches: Int

    public init(asOf: AsOf, queued: Int, infoRequested: Int, breaches: Int) {
        self.asOf = asOf; self.queued = queued; self.infoRequested = infoRequested; self.breaches = breaches
    }

    public init(_ items: some Sequence<QueueItem>, asOf: AsOf) {
        self.asOf = asOf
        queued = 0; infoRequested = 0; breaches = 0
        for item in items { add(item) }
    }

    /// Counts `item` in (a registration that joined the queue).
    public mutating func add(_ item: QueueItem) { count(item, 1) }

    /// Counts `item` out (a registration that left the queue).
    public mutating func remove(_ item: QueueItem) { count(item, -1) }

    private mutating func count(_ item: QueueItem, _ step: Int) {
        queued += step
        if item.status == .infoRequested { infoRequested += step }
        if item.slaBreached { breaches += step }
    }
}

/// The registrations holding an open claim at a day (DESIGN.md §3), indexed the two ways the queue looks
/// them up: by registrable domain (conflicts) and by normalised company name (similar-name hints).
public struct OpenClaims: Sendable, Equatable {
    /// Positions ascending, per registrable domain.
    public private(set) var byDomain: [String: [Int]]
    /// Open claims per normalised company name, positions ascending, each with its registrable domain
    /// (found once, in the scan); only names some queued registration has are kept, since only they are
    /// ever looked up.
    public private(set) var byName: [String: [NameClaim]]

    /// An open registration under a name: where it is, and on which registrable domain.
    public struct NameClaim: Sendable, Equatable {
        public var position: Int
        public var domain: String
    }
    /// The normalised name of each queued position.
    public private(set) var queuedNames: [Int: String]
    /// How many queued positions have each name: a name leaves `byName` with its last one.
    private var namesInQueue: [String: Int]
    /// Whether `byDomain` holds every open domain, not only the queued ones.
    public let allDomains: Bool

    /// One scan of the registrations.
    /// - Parameters:
    ///   - queued: the queued positions at `asOf`; their domains and names are the ones looked up.
    ///   - allDomains: index every open domain (the console updates the index as decisions land).
    public init(_ programme: Programme, asOf: AsOf, history: RegistrationHistory, queued: [Int], allDomains: Bool = false) {
        let registrations = programme.registrations
        var queuedNames: [Int: String] = [:], namesInQueue: [String: Int] = [:]
        // The queued rows' folded names and registrable domains, made on every core (~1.5 µs a row, and
        // a million-row programme queues 15k).
        let folded = Parallel.map(count: queued.count, serialBelow: 4_096) { index -> (name: String?, domain: String?) in
            var buffer: [UInt8] = []
            registrations.companies.withUTF8(queued[index]) { CompanyName.normalise(utf8: $0, into: &buffer) }
            return (buffer.isEmpty ? nil : String(decoding: buffer, as: UTF8.self),
                    allDomains ? nil : registrations.registrableDomain(queued[index]))
        }
        // The wanted names by the hash of their folded bytes: a scan row whose hash matches is compared
        // byte for byte, so most rows never become a String.
        var wanted: [UInt64: [String]] = [:]
        for (index, position) in queued.enumerated() {
            guard let name = folded[index].name else { continue }
            queuedNames[position] = name
            namesInQueue[name, default: 0] += 1
            if namesInQueue[name] == 1 { wanted[registrations.companyKeys[position], default: []].append(name) }
        }
        let filter = HashFilter(wanted.keys)
        // The queued rows' domains by the hash of their bytes, like the names: of the hundreds of
        // thousands of open registrations only those whose domain hash is wanted become a String.
        var wantedDomains: [Int: [String]] = [:]
        if !allDomains {
            for domain in Set(folded.compactMap(\.domain)) {
                var bytes = domain
                wantedDomains[bytes.withUTF8 { RowIndex.hash($0) }, default: []].append(domain)
            }
        }
        let domainFilter = HashFilter(wantedDomains.keys.map { UInt64(bitPattern: Int64($0)) })
        let closedAfter = RegistrationHistory.closedAfter(programme, day: asOf.day)
        let wantedNames = wanted, wantedDomainNames = wantedDomains
        // The scan is most of the queue's cost at a million rows (~130 ms on one core), so each core
        // scans a contiguous part; the parts' lists join in row order, as one scan would have built them.
        let parts = Parallel.parts(of: registrations.count, serialBelow: 50_000) { rows in
            // Each part only finds its hits; the indexes are then filled in row order on one thread
            // (merging two parts' dictionaries cost ~15 ms at a million rows).
            var domains: [(position: Int, domain: String)] = [], names: [(name: String, claim: NameClaim)] = [], buffer: [UInt8] = []
            for position in rows
            where history.isOpen(registrations, position, asOf: asOf, approvedByDeal: { closedAfter.contains($0) }) {
                var domain: String?
                if allDomains {
                    domain = registrations.registrableDomain(position)
                } else {
                    domain = registrations.registrables.withUTF8(position) { utf8 in
                        let hash = RowIndex.hash(utf8)
                        guard domainFilter.mayContain(UInt64(bitPattern: Int64(hash))) else { return nil }
                        return wantedDomainNames[hash]?.first { Self.same($0, utf8) }
                    }
                }
                if let domain { domains.append((position, domain)) }
                guard !wantedNames.isEmpty else { continue }
                // The stored key first: only a row whose key is wanted has its name folded and compared.
                let hash = registrations.companyKeys[position]
                guard hash != 0, filter.mayContain(hash), let candidates = wantedNames[hash] else { continue }
                registrations.companies.withUTF8(position) { CompanyName.normalise(utf8: $0, into: &buffer) }
                for name in candidates where buffer.withUnsafeBufferPointer({ Self.same(name, $0) }) {
                    names.append((name, NameClaim(position: position, domain: domain ?? registrations.registrableDomain(position))))
                }
            }
            return (domains, names)
        }
        var byDomain: [String: [Int]] = [:], byName: [String: [NameClaim]] = [:]
        for (domains, names) in parts {
            for hit in domains { byDomain[hit.domain, default: []].append(hit.position) }
            for hit in names { byName[hit.name, default: []].append(hit.claim) }
        }
        self.byDomain = byDomain
        self.byName = byName
        self.queuedNames = queuedNames
        self.namesInQueue = namesInQueue
        self.allDomains = allDomains
    }

    /// Whether `string` is these bytes, by `memcmp` (the generic `elementsEqual` was a tenth of the scan).
    static func same(_ string: String, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        var string = string
        return string.withUTF8 { StringColumn.equal($0, utf8) }
    }

    /// The hints of the registration at `position`: other open registrations with its normalised name
    /// under another registrable domain, in programme order.
    public func similarNames(_ programme: Programme, of position: Int, domain: String) -> [SimilarName] {
        guard let name = queuedNames[position], let others = byName[name] else { return [] }
        let registrations = programme.registrations
        return others.compactMap { other in
            guard other.position != position, other.domain != domain else { return nil }
            return SimilarName(registrationId: registrations.ids[other.position], partnerId: registrations.partnerIDs[other.position],
                               domain: other.domain)
        }
    }

    /// Brings the indexes up to date after a decision on `position` (the console's incremental path):
    /// it may have opened or closed a claim, and left or (by an undo) rejoined the queue. A name that
    /// rejoins the queue after none had it is looked up by one scan — only an undo does that.
    /// Returns the name whose hints may have changed.
    @discardableResult
    public mutating func update(_ position: Int, wasOpen: Bool, isOpen: Bool, wasQueued: Bool, isQueued: Bool,
                                programme: Programme, asOf: AsOf, history: RegistrationHistory) -> String? {
        let registrations = programme.registrations, domain = registrations.registrableDomain(position)
        if wasOpen != isOpen { Self.update(&byDomain, key: domain, position: position, insert: isOpen) }
        guard let name = registrations.companies.withUTF8(position, { CompanyName.normalised(utf8: $0) }) else { return nil }
        if wasQueued && !isQueued, queuedNames.removeValue(forKey: position) != nil {
            namesInQueue[name, default: 1] -= 1
            if namesInQueue[name] == 0 {
                namesInQueue[name] = nil
                byName[name] = nil
            }
        }
        if isQueued && !wasQueued {
            queuedNames[position] = name
            namesInQueue[name, default: 0] += 1
            if namesInQueue[name] == 1 {
                let closedAfter = RegistrationHistory.closedAfter(programme, day: asOf.day)
                let open = registrations.indices.filter { other in
                    history.isOpen(registrations, other, asOf: asOf, approvedByDeal: { closedAfter.contains($0) })
                        && registrations.companies.withUTF8(other) { CompanyName.normalised(utf8: $0) } == name
                }
                byName[name] = open.isEmpty ? nil : open.map { NameClaim(position: $0, domain: registrations.registrableDomain($0)) }
                return name
            }
        }
        if wasOpen != isOpen, namesInQueue[name] != nil {
            var list = byName.removeValue(forKey: name) ?? []
            list.removeAll { $0.position == position }
            if isOpen { list.insert(NameClaim(position: position, domain: domain), at: list.firstIndex { $0.position > position } ?? list.count) }
            if !list.isEmpty { byName[name] = list }
        }
        return name
    }

    private static func update(_ index: inout [String: [Int]], key: String, position: Int, insert: Bool) {
        // Taken out while it changes, so the list is not copied (the dictionary would share it).
        var list = index.removeValue(forKey: key) ?? []
        list.removeAll { $0 == position }
        if insert { list.insert(position, at: list.firstIndex { $0 > position } ?? list.count) }
        if !list.isEmpty { index[key] = list }
    }
}

/// A set of 64-bit hashes as one open-addressed array: the scan over every open registration asks it
/// first, at the cost of a mask and a compare or two, instead of hashing the hash again for a dictionary.
struct HashFilter {
    private var slots: [UInt64]
    private let mask: Int

    init(_ hashes: some Collection<UInt64>) {
        var capacity = 16
        while capacity < hashes.count * 2 { capacity *= 2 }
        mask = capacity - 1
        slots = [UInt64](repeating: 0, count: capacity)
        // Zero marks an empty slot, so a zero hash is stored as one (a false positive at worst).
        for hash in hashes {
            let value = hash == 0 ? 1 : hash
            var index = Int(truncatingIfNeeded: value) & mask
            while slots[index] != 0 && slots[index] != value { index = (index + 1) & mask }
            slots[index] = value
        }
    }

    func mayContain(_ hash: UInt64) -> Bool {
        let value = hash == 0 ? 1 : hash
        var index = Int(truncatingIfNeeded: value) & mask
        while true {
            let slot = slots[index]
            if slot == value { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }
}
