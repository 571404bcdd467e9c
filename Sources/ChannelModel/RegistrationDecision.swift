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
