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
        let decidedSet = Set(decided)
        queue.removeAll { decidedSet.contains($0.position) }
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
        for index in queue.indices {
            // The domain read first, outside any closure: one that reads `queue[index]` copied the row.
            let domain = queue[index].domain
            guard touchedDomains.contains(domain) else { continue }
            queue[index].conflicts = ConflictDetector.conflicts(programme, of: queue[index].position, domain: queue[index].domain,
                                                                openByDomain: claims.byDomain)
        }
        if !touchedNames.isEmpty {
            for index in queue.indices {
                let position = queue[index].position
                guard let name = claims.queuedNames[position], touchedNames.contains(name) else { continue }
                queue[index].item.similarNames = claims.similarNames(programme, of: position, domain: queue[index].domain)
            }
        }
        refreshQueueFigures()
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
        // By index and field: iterating the rows would copy every item (a dozen strings and lists each).
        var breaches = 0, info = 0
        for index in queue.indices {
            if queue[index].item.slaBreached { breaches += 1 }
            if queue[index].item.status == .infoRequested { info += 1 }
        }
        let counts = QueueCounts(asOf: when, queued: queue.count, infoRequested: info, breaches: breaches)
        activity.queue = counts
        if metrics.asOf == asOf { (metrics.pendingRegistrations, metrics.slaBreaches) = (counts.queued, counts.breaches) }
        for index in trend.indices where trend[index].asOf == asOf {
            (trend[index].pendingRegistrations, trend[index].slaBreaches) = (counts.queued, counts.breaches)
        }
    }
}
