extension MDFStatus {
    /// Approve or reject: only a request still waiting for the manager (DESIGN §8).
    public var awaitsDecision: Bool { self == .submitted || self == .infoRequested }
    /// Asking for information pauses a clock that is running: only a submitted request has one.
    public var acceptsInfoRequest: Bool { self == .submitted }
    /// A claim is recorded against an approval that has not lapsed.
    public var acceptsClaim: Bool { self == .approved }
    /// Pay or reject a claim: only one under review.
    public var awaitsSettlement: Bool { self == .claimed }
}
