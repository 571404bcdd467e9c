/// The decisions a manager takes on a registration, and which registrations accept each one: the
/// console offers a key only where its decision applies, and the store refuses the rest.
public enum RegistrationDecision: Sendable, Hashable, CaseIterable {
    case approve, reject, requestInfo, extend
}

extension Registration {
    /// Whether `decision` applies to this registration as it stands: approve and reject a queued one,
    /// ask a pending one for information, extend an approved one the policy still lets extend.
    public func accepts(_ decision: RegistrationDecision, policy: Policy) -> Bool {
        switch decision {
        case .approve, .reject: return status.isQueued
        case .requestInfo: return status == .pending
        case .extend: return status == .approved && protectedUntil != nil && extensions < policy.maxExtensions
        }
    }
}

/// What a registration's status says about its decision fields (DESIGN.md §3): the invariant the
/// reducer keeps when it decides, and the importer demands of a row, so both read it from here.
extension RegistrationStatus {
    /// Decided by a manager, so `decided_at` is set: every status but the queued ones.
    public var hasDecision: Bool { !isQueued }

    /// Approved at some point, so `protected_until` is set: approved, and what an approval becomes
    /// (expired, or closed when its deal closed). A rejection and the queue protect nothing.
    public var hasProtection: Bool {
        switch self {
        case .approved, .expired, .closedWon, .closedLost: return true
        case .pending, .infoRequested, .rejected: return false
        }
    }
}
