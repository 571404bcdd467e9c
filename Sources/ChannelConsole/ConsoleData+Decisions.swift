import ChannelModel

extension ConsoleData {
    /// Brings the data up to date after registration decisions, touching only what a decision can
    /// change: the decided rows of the queue, the conflicts and similar-name hints around them, the
    /// open-registration counts of their partners, and the queue figures of the metrics. `programme` is
    /// already the new one; `before` holds the decided registrations as they were.
    mutating func applyDecisions(before: [Registration]) {
        // The audit trail grew (an info request is dated by it): the status-at-D rule reads it again.
        activity.setHistory(programme)
        let history = activity.history, registrations = programme.registrations
        // Positions, not ids: comparing integers over a 15k-row queue is what keeps a decision cheap.
        let decided = before.compactMap { programme.registrationPosition($0.id) }
        let decidedSorted = decided.sorted()
        let doomed = queue.indices(whose: \.item.position) { Self.contains(decidedSorted, $0) }
        // The queue's figures change by the rows leaving and the rows coming back, not by a recount.
        var counts = activity.queue ?? QueueCounts(queue.map(\.item), asOf: when)
        for index in doomed { counts.remove(queue[index].item) }
        removeQueueRows(doomed)
        var touchedDomains: [String] = [], touchedNames: Set<String> = [], requeued: [Int] = []
        for position in decided {
            let domain = registrations.registrableDomain(position)
            if !touchedDomains.contains(domain) { touchedDomains.append(domain) }
            let wasOpen = claims.byDomain[domain]?.contains(position) ?? false
            let isOpen = history.isOpen(registrations, position, asOf: when)
            // Only names matter to the names index, and every queued position with a name is in it.
            let wasQueued = claims.queuedNames[position] != nil
            let isQueued = history.isQueued(registrations, position, asOf: when)
            if let name = claims.update(position, wasOpen: wasOpen, isOpen: isOpen, wasQueued: wasQueued, isQueued: isQueued,
                                        programme: programme, asOf: when, history: history) {
                touchedNames.insert(name)
            }
            if wasOpen != isOpen, let partner = programme.partnerPosition(registrations.partnerIDs[position]) {
                partners[partner].openRegistrations += isOpen ? 1 : -1
            }
            if isQueued { requeued.append(position) }
        }
        let tiers = TierHistory(programme), sla = ApprovalSLA(programme.policy)
        for position in requeued {
            let item = QueueItem.make(programme, position: position, status: history.status(registrations, position, asOf: when) ?? .pending,
                                      asOf: when, tiers: tiers, claims: claims)
            queue.insert(QueueRow(item, programme: programme, sla: sla), at: insertionPoint(for: item.key))
            counts.add(item)
        }
        // Every queued row on a touched domain sees its rivals change, and every row with a touched name
        // its hints. A queued row is an open claim, so those rows are among the domains' and the names'
        // claims: a handful of positions to compare, instead of a domain or a name for every row.
        let onDomains = touchedDomains.flatMap { claims.byDomain[$0] ?? [] }.sorted()
        let onTouchedDomains = queue.indices(whose: \.item.position) { Self.contains(onDomains, $0) }
        let named = touchedNames.flatMap { claims.byName[$0]?.map(\.position) ?? [] }.sorted()
        let withTouchedNames = named.isEmpty ? [] : queue.indices(whose: \.item.position) { Self.contains(named, $0) }
        for index in onTouchedDomains {
            queue[index].conflicts = ConflictDetector.conflicts(programme, of: queue[index].position, domain: queue[index].domain,
                                                                openByDomain: claims.byDomain)
        }
        for index in withTouchedNames {
            queue[index].item.similarNames = claims.similarNames(programme, of: queue[index].position, domain: queue[index].domain)
        }
        setQueueFigures(counts)
    }

    /// Whether `sorted` holds `value`, by binary search: no hashing per row of a 150k-row scan.
    private static func contains(_ sorted: [Int], _ value: Int) -> Bool {
        let index = lowerBound(sorted.count) { sorted[$0] < value }
        return index < sorted.count && sorted[index] == value
    }

    /// The first of `0..<count` for which `isBefore` is false, `isBefore` holding for a prefix only.
    private static func lowerBound(_ count: Int, isBefore: (Int) -> Bool) -> Int {
        var low = 0, high = count
        while low < high {
            let middle = (low + high) / 2
            if isBefore(middle) { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Removes the queue rows at `doomed` (ascending, distinct), the others keeping their order, by
    /// moving rows, never copying them: `removeAll(where:)` handed its predicate a copy of every row,
    /// and swapping rows one by one moved each three times. Each stretch of kept rows moves once.
    private mutating func removeQueueRows(_ doomed: [Int]) {
        guard let first = doomed.first else { return }
        queue.withUnsafeMutableBufferPointer { rows in
            let base = rows.baseAddress!
            // The doomed rows wait aside, then fill the end, which `removeLast` destroys.
            let aside = UnsafeMutablePointer<QueueRow>.allocate(capacity: doomed.count)
            defer { aside.deallocate() }
            for (slot, index) in doomed.enumerated() { (aside + slot).moveInitialize(from: base + index, count: 1) }
            var kept = first
            for (slot, index) in doomed.enumerated() {
                let end = slot + 1 < doomed.count ? doomed[slot + 1] : rows.count
                guard end > index + 1 else { continue }
                (base + kept).moveInitialize(from: base + index + 1, count: end - index - 1)
                kept += end - index - 1
            }
            (base + kept).moveInitialize(from: aside, count: doomed.count)
        }
        queue.removeLast(doomed.count)
    }

    /// Binary search: the queue is sorted by its key.
    private func insertionPoint(for key: ConflictDetector.QueueKey) -> Int {
        Self.lowerBound(queue.count) { queue[$0].key < key }
    }

    /// Pending registrations and SLA breaches, for every figure measured as of the console's own day;
    /// past days' figures cannot change by a decision made now.
    private mutating func setQueueFigures(_ counts: QueueCounts) {
        activity.queue = counts
        if metrics.asOf == asOf { (metrics.pendingRegistrations, metrics.slaBreaches) = (counts.queued, counts.breaches) }
        for index in trend.indices where trend[index].asOf == asOf {
            (trend[index].pendingRegistrations, trend[index].slaBreaches) = (counts.queued, counts.breaches)
        }
    }
}
