import ChannelModel

extension ConsoleData {
    /// Brings the data up to date after registration decisions, touching only what a decision can
    /// change: the decided rows of the queue, the conflicts on their domains, the open-registration
    /// counts of their partners, and the queue figures of the metrics. `programme` is already the new
    /// one; `before` holds the decided registrations as they were.
    mutating func applyDecisions(before: [Registration]) {
        // Positions, not ids: comparing integers over a 15k-row queue is what keeps a decision cheap.
        let decided = Set(before.compactMap { programme.registrationPosition($0.id) })
        var touchedDomains: [String] = []
        queue.removeAll { decided.contains($0.position) }
        for old in before {
            guard let position = programme.registrationPosition(old.id) else { continue }
            let new = programme.registrations[position]
            if !touchedDomains.contains(new.registrableDomain) { touchedDomains.append(new.registrableDomain) }
            let wasOpen = old.isOpen(asOf: asOf), isOpen = new.isOpen(asOf: asOf)
            if wasOpen != isOpen {
                var list = openByDomain[new.registrableDomain] ?? []
                if isOpen {
                    list.insert(position, at: list.firstIndex { $0 > position } ?? list.count)
                } else {
                    list.removeAll { $0 == position }
                }
                openByDomain[new.registrableDomain] = list.isEmpty ? nil : list
                if let partner = programme.partnerPosition(new.partnerID) { partners[partner].openRegistrations += isOpen ? 1 : -1 }
            }
            if new.status.isQueued {
                let row = QueueRow.row(new, at: position, programme: programme, asOf: asOf,
                                       priority: ConflictDetector.hasPriority(new.partnerID, in: programme), conflicts: [])
                let key = row.key
                queue.insert(row, at: insertionPoint(for: key))
            }
        }
        // Every queued row on a touched domain sees its rivals change (a handful of domains: plain
        // comparisons beat hashing every row's domain).
        let stale = queue.indices.filter { index in touchedDomains.contains { $0 == queue[index].domain } }
        let conflicts = ConflictDetector.conflicts(programme, of: stale.map { queue[$0].position }, openByDomain: openByDomain)
        for index in stale { queue[index].conflicts = conflicts[queue[index].position] ?? [] }
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

    /// Pending registrations and SLA breaches, for the period and for each quarter of the trend (each
    /// measured as of its own day), from the queue rows instead of a scan of every registration.
    mutating func refreshQueueFigures() {
        activity.setQueue(queued: queue.count, pendingSubmissions: queue.filter { $0.status == .pending }.map(\.submittedAt.seconds))
        (metrics.pendingRegistrations, metrics.slaBreaches) = activity.queueCounts(asOf: metrics.asOf)
        for index in trend.indices {
            (trend[index].pendingRegistrations, trend[index].slaBreaches) = activity.queueCounts(asOf: trend[index].asOf)
        }
    }
}
