import ChannelModel

/// A decision on one MDF request (DESIGN §8): the manager's pre-approval steps, the claim the partner
/// makes with proof, finance's payment, and the compensating action of an undo. Carried by
/// `ProgrammeAction.mdf`, so it is journaled, audited and undone like a registration decision.
public enum MDFDecision: Sendable, Equatable {
    /// Approve `amount`: 0 < amount ≤ requested and ≤ the partner's balance for the request's year.
    case approve(requestID: String, amount: Money)
    case reject(requestID: String, reason: String)
    /// Ask the partner for more; the approval window's clock pauses.
    case requestInfo(requestID: String, question: String)
    /// The partner's claim; `claimedAt` is when the partner claimed (nil: when it is recorded).
    case recordClaim(requestID: String, amount: Money, proof: String, claimedAt: Instant?)
    /// Reimburse the claim: min(claimed, approved).
    case pay(requestID: String)
    /// Refuse the claim; releases the commitment.
    case rejectClaim(requestID: String, reason: String)
    /// Puts a request back as it was: the compensating action of an undo, naming the sequence number it undoes.
    case restore(MDFRequest, undoing: Int64)

    public var requestID: String {
        switch self {
        case .approve(let id, _), .reject(let id, _), .requestInfo(let id, _), .recordClaim(let id, _, _, _),
             .pay(let id), .rejectClaim(let id, _):
            return id
        case .restore(let request, _): return request.id
        }
    }

    /// The verb written to the audit trail.
    public var name: String {
        switch self {
        case .approve: return "mdf-approve"
        case .reject: return "mdf-reject"
        case .requestInfo: return "mdf-request-info"
        case .recordClaim: return "mdf-claim"
        case .pay: return "mdf-pay"
        case .rejectClaim: return "mdf-reject-claim"
        case .restore: return "undo"
        }
    }
}
