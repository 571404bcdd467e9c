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
        removeQueueRows(queueRows(\.item.position) { Self.contains(decidedSorted, $0) })
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
        }
        // Every queued row on a touched domain sees its rivals change, and every row with a touched name
        // its hints (a handful of domains: plain comparisons beat hashing every row's domain).
        let onTouchedDomains = queueRows(\.domain) { touchedDomains.contains($0) }
        // A queued row is an open claim, so the rows with a touched name are among that name's claims:
        // a handful of positions to compare, instead of a name looked up and hashed for every row.
        let named = touchedNames.flatMap { claims.byName[$0]?.map(\.position) ?? [] }.sorted()
        let withTouchedNames = named.isEmpty ? [] : queueRows(\.item.position) { Self.contains(named, $0) }
        for index in onTouchedDomains {
            queue[index].conflicts = ConflictDetector.conflicts(programme, of: queue[index].position, domain: queue[index].domain,
                                                                openByDomain: claims.byDomain)
        }
        for index in withTouchedNames {
            queue[index].item.similarNames = claims.similarNames(programme, of: queue[index].position, domain: queue[index].domain)
        }
        refreshQueueFigures()
    }

    /// The queue rows whose stored `field` passes `test`, reading that field alone in place. Every way of
    /// reading a row's field through the array — `queue[index].domain`, a buffer's `rows[index].domain`,
    /// iterating — copied the whole row (a registration, a dozen strings and lists): at 150k queued rows
    /// (10M registrations) that was ~90 ms of a decision.
    func queueRows<Field>(_ field: KeyPath<QueueRow, Field>, where test: (Field) -> Bool) -> [Int] {
        guard let offset = MemoryLayout<QueueRow>.offset(of: field) else { preconditionFailure("\(field) is not a stored field") }
        return queue.withUnsafeBufferPointer { rows in
            guard let base = rows.baseAddress.map(UnsafeRawPointer.init) else { return [] }
            return rows.indices.filter { test((base + $0 * MemoryLayout<QueueRow>.stride + offset).assumingMemoryBound(to: Field.self).pointee) }
        }
    }

    /// Whether `sorted` holds `value`, by binary search: no hashing per row of a 150k-row scan.
    private static func contains(_ sorted: [Int], _ value: Int) -> Bool {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] < value { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count && sorted[low] == value
    }

    /// Removes the queue rows at `doomed` (ascending), the others keeping their order, by moving rows:
    /// `removeAll(where:)` handed its predicate a copy of every row.
    private mutating func removeQueueRows(_ doomed: [Int]) {
        guard let first = doomed.first else { return }
        var kept = first, next = 0
        queue.withUnsafeMutableBufferPointer { rows in
            for index in first..<rows.count {
                if next < doomed.count && doomed[next] == index {
                    next += 1
                } else {
                    rows.swapAt(kept, index)
                    kept += 1
                }
            }
        }
        queue.removeLast(queue.count - kept)
    }

    /// Binary search: the queue is sorted by its key.
    private func insertionPoint(for key: ConflictDetector.QueueKey) -> Int {
        var low = 0, high = queue.count
        while low < high {
            let middle = (low + high) / 2
            if queue[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low
    }

    /// Pending registrations and SLA breaches from the queue rows, for every figure measured as of the
    /// console's own day; past days' figures cannot change by a decision made now.
    mutating func refreshQueueFigures() {
        let breaches = queueRows(\.item.slaBreached) { $0 }.count, info = queueRows(\.item.status) { $0 == .infoRequested }.count
        let counts = QueueCounts(asOf: when, queued: queue.count, infoRequested: info, breaches: breaches)
        activity.queue = counts
        if metrics.asOf == asOf { (metrics.pendingRegistrations, metrics.slaBreaches) = (counts.queued, counts.breaches) }
        for index in trend.indices where trend[index].asOf == asOf {
            (trend[index].pendingRegistrations, trend[index].slaBreaches) = (counts.queued, counts.breaches)
        }
    }
}
