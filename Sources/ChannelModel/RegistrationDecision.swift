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
