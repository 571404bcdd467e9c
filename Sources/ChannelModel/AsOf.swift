import Foundation

/// "As of D" (DESIGN.md §3): the programme as it stood at the end of day `D`. Records dated after the end
/// of the day do not exist yet; clocks (the approval SLA, a registration's age) are read at the end of the
/// day, or at `now` while that end is still in the future — as of today means now.
public struct AsOf: Sendable, Hashable, CustomStringConvertible {
    public let day: Day
    /// The instant the SLA clock is read at: `min(end of day, now)`.
    public let instant: Instant

    public init(_ day: Day, now: Instant) {
        self.day = day
        instant = min(day.endOfDay, now)
    }

    /// As of `day`, with the system clock as now.
    public init(_ day: Day) { self.init(day, now: AsOf.clock()) }

    /// `D 23:59:59Z`: anything dated after it has not happened yet.
    public var endOfDay: Instant { day.endOfDay }

    public var description: String { day.description }

    /// The system clock, to the second.
    public static func clock() -> Instant { Instant(seconds: Int64(Date().timeIntervalSince1970.rounded(.down))) }
}

/// What the stored records say about each registration's past, so its status on an earlier day can be
/// told (DESIGN.md §3): a registration decided after the end of D was still queued at D — `info_requested`
/// when the audit trail records an info request on or before D, else `pending` — and an `expired` or
/// `closed_*` one was `approved` while its protection (or its deal) was still ahead.
///
/// Built once per programme state from the audit trail (small: people's actions, not rows).
public struct RegistrationHistory: Sendable, Equatable {
    /// The earliest recorded info request per registration position, in seconds.
    let infoRequests: [Int: Int64]

    public init(_ programme: Programme) {
        var requests: [Int: Int64] = [:]
        for entry in programme.audit {
            let ids: [Substring]
            switch entry.action {
            case "request-info": ids = [Substring(entry.subject)]
            // A bulk request records one line for all its registrations.
            case "batch" where entry.detail.hasPrefix("Asked for information"): ids = entry.subject.split(separator: " ")
            default: continue
            }
            for id in ids {
                guard let position = programme.registrationPosition(String(id)) else { continue }
                requests[position] = min(requests[position] ?? .max, entry.at.seconds)
            }
        }
        infoRequests = requests
    }

    /// The registration at `position` as it stood at the end of `asOf`; nil when it was not submitted yet.
    /// `approvedByDeal` tells a `closed_*` registration whose deal closed after D (see `closedAfter`).
    public func status(_ registrations: RegistrationTable, _ position: Int, asOf: AsOf,
                       approvedByDeal: (Int) -> Bool = { _ in false }) -> RegistrationStatus? {
        let end = asOf.endOfDay.seconds
        guard registrations.submittedAt[position] <= end else { return nil }
        let status = registrations.statuses[position]
        switch status {
        case .pending:
            return .pending
        case .infoRequested:
            // Imported as info requested: no request time, so it counts as asked.
            guard let asked = infoRequests[position] else { return .infoRequested }
            return asked <= end ? .infoRequested : .pending
        default:
            let decided = registrations.decidedAt[position]
            if decided != RegistrationTable.noInstant && decided > end {
                return (infoRequests[position].map { $0 <= end } ?? false) ? .infoRequested : .pending
            }
            let protected = registrations.protectedUntil[position]
            switch status {
            case .expired where protected != RegistrationTable.noDay && protected >= asOf.day.ordinal: return .approved
            case .closedWon where approvedByDeal(position), .closedLost where approvedByDeal(position): return .approved
            default: return status
            }
        }
    }

    /// Whether the registration was queued (`pending` or `info_requested`) at the end of `asOf`.
    public func isQueued(_ registrations: RegistrationTable, _ position: Int, asOf: AsOf) -> Bool {
        isQueued(registrations, position, end: asOf.endOfDay.seconds)
    }

    @inline(__always)
    func isQueued(_ registrations: RegistrationTable, _ position: Int, end: Int64) -> Bool {
        guard registrations.submittedAt[position] <= end else { return false }
        if registrations.statuses[position].isQueued { return true }
        let decided = registrations.decidedAt[position]
        return decided != RegistrationTable.noInstant && decided > end
    }

    /// Positions of registrations queued at the end of `asOf`, ascending: a scan of three number columns.
    public func queuedPositions(_ registrations: RegistrationTable, asOf: AsOf) -> [Int] {
        let end = asOf.endOfDay.seconds
        return registrations.indices.filter { isQueued(registrations, $0, end: end) }
    }

    /// Whether the registration held an open claim on its prospect at the end of `asOf` (DESIGN.md §3):
    /// queued, or approved with `protected_until >= D`.
    public func isOpen(_ registrations: RegistrationTable, _ position: Int, asOf: AsOf,
                       approvedByDeal: (Int) -> Bool = { _ in false }) -> Bool {
        guard let status = status(registrations, position, asOf: asOf, approvedByDeal: approvedByDeal) else { return false }
        switch status {
        case .pending, .infoRequested: return true
        case .approved:
            let protected = registrations.protectedUntil[position]
            return protected != RegistrationTable.noDay && protected >= asOf.day.ordinal
        default: return false
        }
    }

    /// Positions of `closed_won`/`closed_lost` registrations whose deal closed after `day`: they were
    /// still `approved` at `day`. Only deals closed after the day are looked at — none, as of today.
    public static func closedAfter(_ programme: Programme, day: Day) -> Set<Int> {
        let deals = programme.deals, closed = deals.closedOn, statuses = programme.registrations.statuses
        var positions = Set<Int>()
        for row in deals.indices where closed[row] > day.ordinal && !deals.registrationIDs.isNull(row) {
            guard let position = programme.registrationPosition(deals.registrationIDs[row]) else { continue }
            if statuses[position] == .closedWon || statuses[position] == .closedLost { positions.insert(position) }
        }
        return positions
    }

    /// Queued registrations and, of the pending ones, those past the approval SLA at the end of `asOf`
    /// (`metrics`' pendingRegistrations and slaBreaches). The breach test is `QueueItem.isBreached`, the
    /// queue's own.
    public func queueCounts(_ programme: Programme, asOf: AsOf) -> (pending: Int, breaches: Int) {
        let registrations = programme.registrations, sla = ApprovalSLA(programme.policy)
        let end = asOf.endOfDay.seconds
        var queued = 0, breaches = 0
        for position in registrations.indices where isQueued(registrations, position, end: end) {
            queued += 1
            let status = self.status(registrations, position, asOf: asOf) ?? .pending
            if QueueItem.isBreached(status: status, submittedAt: Instant(seconds: registrations.submittedAt[position]),
                                    asOf: asOf, sla: sla) { breaches += 1 }
        }
        return (queued, breaches)
    }
}
