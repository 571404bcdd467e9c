/// The programme's activity indexed once, so that many reports of one programme (the 8-quarter trend)
/// answer "was this partner active in the window?" by binary search instead of a scan of every
/// registration per report; with the registrations' history (for their status on each day) and, when the
/// caller built the queue, its counts — so `metrics` reports the queue's own figures.
public struct ActivityIndex: Sendable, Equatable {
    /// Each partner's registration submissions and deal closes, sorted.
    let days: [String: [Day]]
    /// What the audit trail says of registrations' past (info requests).
    public private(set) var history: RegistrationHistory
    /// The queue's figures for the day its items were built for (the console's as-of).
    public var queue: QueueCounts?
    let window: Int

    /// - Parameter history: the registrations' history, when the caller already read it.
    public init(_ programme: Programme, history: RegistrationHistory? = nil) {
        let registrations = programme.registrations, deals = programme.deals
        let submitted = registrations.submittedAt, closed = deals.closedOn
        let registered = programme.perPartner(registrations.partners, ids: registrations.partnerIDs, rows: registrations.indices,
                                              start: [Day]()) { $0.append(Instant(seconds: submitted[$1]).day) }
        let dealt = programme.perPartner(deals.partners, ids: deals.partnerIDs, rows: deals.indices,
                                         start: [Day]()) { $0.append(Day(ordinal: closed[$1])) }
        let days = registered.merging(dealt, uniquingKeysWith: +)
        self.days = days.mapValues { $0.sorted() }
        self.history = history ?? RegistrationHistory(programme)
        window = programme.policy.activityWindowDays
    }

    /// The history alone, no partner's activity yet: what the queue needs (the console's first frame).
    public init(history: RegistrationHistory, policy: Policy) {
        days = [:]
        self.history = history
        window = policy.activityWindowDays
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

    /// The audit trail changed (a decision): the history is read again; the queue's figures are the caller's.
    public mutating func setHistory(_ programme: Programme) { history = RegistrationHistory(programme) }

    /// Registrations queued at the end of `asOf` and the pending ones past the SLA: the queue's own
    /// counts on its day, a scan of three number columns on any other.
    public func queueCounts(_ programme: Programme, asOf: AsOf) -> (pending: Int, breaches: Int) {
        if let queue, queue.asOf == asOf { return (queue.queued, queue.breaches) }
        return history.queueCounts(programme, asOf: asOf)
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
