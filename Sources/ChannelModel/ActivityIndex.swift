/// The programme's activity and queue indexed once, so that many reports of one programme (the
/// 8-quarter trend) answer "was this partner active in the window?" and "how many are past the SLA on
/// that day?" by binary search instead of a scan of every registration per report.
public struct ActivityIndex: Sendable, Equatable {
    /// Each partner's registration submissions and deal closes, sorted.
    let days: [String: [Day]]
    /// Submission times of pending registrations, sorted.
    private(set) var pendingSubmissions: [Int64]
    private(set) var queued: Int
    let sla: ApprovalSLA
    let window: Int

    public init(_ programme: Programme) {
        let registrations = programme.registrations, deals = programme.deals
        let statuses = registrations.statuses, submitted = registrations.submittedAt, closed = deals.closedOn
        let registered = programme.perPartner(registrations.partners, ids: registrations.partnerIDs, rows: registrations.indices,
                                              start: [Day]()) { $0.append(Instant(seconds: submitted[$1]).day) }
        let dealt = programme.perPartner(deals.partners, ids: deals.partnerIDs, rows: deals.indices,
                                         start: [Day]()) { $0.append(Day(ordinal: closed[$1])) }
        let days = registered.merging(dealt, uniquingKeysWith: +)
        var pending: [Int64] = []
        var queued = 0
        for row in statuses.indices where statuses[row].isQueued {
            queued += 1
            if statuses[row] == .pending { pending.append(submitted[row]) }
        }
        self.days = days.mapValues { $0.sorted() }
        pendingSubmissions = pending.sorted()
        self.queued = queued
        sla = ApprovalSLA(programme.policy)
        window = programme.policy.activityWindowDays
    }

    /// Whether the partner registered or closed something in the activity window ending `asOf`.
    public func isActive(_ partnerID: String, asOf: Day) -> Bool {
        guard let list = days[partnerID], let first = Self.firstIndex(in: list, after: asOf.adding(days: -window)) else { return false }
        return list[first] <= asOf
    }

    /// The partner's last registration or deal on or before `day`.
    public func lastActivity(_ partnerID: String, onOrBefore day: Day) -> Day? {
        guard let list = days[partnerID] else { return nil }
        let after = Self.firstIndex(in: list, after: day) ?? list.count
        return after > 0 ? list[after - 1] : nil
    }

    /// Enrolled partners as of `asOf` and those with activity in the window (as `Metrics.activity`).
    func activity(_ programme: Programme, asOf: Day) -> (enrolled: Int, active: Int) {
        var enrolled = 0, active = 0
        for partner in programme.partners where Metrics.isEnrolled(partner, asOf: asOf) {
            enrolled += 1
            if isActive(partner.id, asOf: asOf) { active += 1 }
        }
        return (enrolled, active)
    }

    /// Pending registrations (the queue without those waiting on the partner).
    public var pendingCount: Int { pendingSubmissions.count }

    /// Replaces the queue part after decisions changed it (submission dates and deals do not change).
    public mutating func setQueue(queued: Int, pendingSubmissions: [Int64]) {
        self.queued = queued
        self.pendingSubmissions = pendingSubmissions.sorted()
    }

    /// Queued registrations, and pending ones past the SLA at the end of `asOf` (as `Metrics.queueCounts`).
    public func queueCounts(asOf: Day) -> (pending: Int, breaches: Int) {
        // Breached when submitted < cutoff (ApprovalSLA's rule).
        let cutoff = sla.breachCutoff(at: asOf.endOfDay)
        var low = 0, high = pendingSubmissions.count
        while low < high {
            let middle = (low + high) / 2
            if pendingSubmissions[middle] < cutoff { low = middle + 1 } else { high = middle }
        }
        return (queued, low)
    }

    static func firstIndex(in sorted: [Day], after day: Day) -> Int? {
        var low = 0, high = sorted.count
        while low < high {
            let middle = (low + high) / 2
            if sorted[middle] <= day { low = middle + 1 } else { high = middle }
        }
        return low < sorted.count ? low : nil
    }
}
