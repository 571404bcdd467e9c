import ChannelModel

/// A change to the programme. Every change — from the console, the command line or an import — is
/// one of these, applied by `Reducer` and journaled with its actor and time, so the journal is the
/// audit trail and replaying it rebuilds the state exactly.
public indirect enum ProgrammeAction: Sendable, Equatable {
    case importBatch(ImportBatch, source: String)
    case approve(registrationID: String)
    case reject(registrationID: String, reason: String)
    case requestInfo(registrationID: String, question: String)
    /// Extends an approved registration's protection by the policy's extension window.
    case extend(registrationID: String)
    /// Applies a tier proposal: the partner's tier becomes `to`.
    case changeTier(partnerID: String, to: String)
    /// Makes `owner` — a team member's login (on a shared programme, their PostgreSQL role) — the
    /// partner's owner: whose "mine" view the partner's registrations show in.
    case assignOwner(partnerID: String, owner: String)
    case setPolicy(Policy)
    /// Puts a registration back as it was: the compensating action of an undo. It names the journal
    /// sequence number it undoes so the audit trail reads "undo of #42".
    case restoreRegistration(Registration, undoing: Int64)
    /// Puts a partner's tier back: the compensating action of undoing a tier change.
    case restoreTier(partnerID: String, tier: String, undoing: Int64)
    /// Puts a partner's owner back: the compensating action of undoing an assignment.
    case restoreOwner(partnerID: String, owner: String, undoing: Int64)
    /// Moves each deal's commission one step on: accrued → approved → paid.
    case advanceCommissions(dealIDs: [String])
    /// Puts commission statuses back (the compensating action of undoing an advance).
    case restoreCommissionStatus([String: CommissionStatus], undoing: Int64)
    /// Several actions that succeed or fail together (bulk approve/reject of marked rows).
    case batch([ProgrammeAction])
    /// A decision on an MDF request, or its undo (DESIGN §8).
    case mdf(MDFDecision)

    /// The verb written to the audit trail.
    public var name: String {
        switch self {
        case .importBatch: return "import"
        case .approve: return "approve"
        case .reject: return "reject"
        case .requestInfo: return "request-info"
        case .extend: return "extend"
        case .changeTier: return "tier-change"
        case .assignOwner: return "assign"
        case .setPolicy: return "policy"
        case .restoreRegistration, .restoreTier, .restoreOwner, .restoreCommissionStatus: return "undo"
        case .advanceCommissions: return "commission"
        case .batch: return "batch"
        case .mdf(let decision): return decision.name
        }
    }

    /// "Approved", "Rejected"… for confirmations of bulk actions.
    static func pastTense(_ verb: String) -> String {
        switch verb {
        case "approve": return "Approved"
        case "reject": return "Rejected"
        case "request-info": return "Asked for information on"
        case "extend": return "Extended"
        case "undo": return "Restored"
        default: return verb.capitalized
        }
    }
}

/// A journaled action: the payload of one journal record (DESIGN.md §5).
public struct JournalEntry: Sendable, Equatable {
    /// Monotonic across the programme's life; the snapshot remembers the last one it contains.
    public var seq: Int64
    /// The snapshot generation this record was appended on top of.
    public var generation: Int64
    public var at: Instant
    public var actor: String
    public var action: ProgrammeAction

    public init(seq: Int64, generation: Int64, at: Instant, actor: String, action: ProgrammeAction) {
        self.seq = seq; self.generation = generation; self.at = at; self.actor = actor; self.action = action
    }
}

/// Why an action could not be applied, in words for the status line and stderr.
public struct ActionError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}

/// What applying an action did: a confirmation for the user and, where one exists, the action that
/// would undo it.
public struct ActionOutcome: Sendable, Equatable {
    public var message: String
    public var inverse: ProgrammeAction?
    public init(message: String, inverse: ProgrammeAction?) {
        self.message = message
        self.inverse = inverse
    }
}

extension ProgrammeAction {
    /// The registrations a decision touches, when the action does nothing else (approve, reject,
    /// request info, extend, their undo, or a batch of those); nil for any other action. Views use it
    /// to update incrementally instead of recomputing a million-row programme.
    public var decidedRegistrationIDs: [String]? {
        switch self {
        case .approve(let id), .reject(let id, _), .requestInfo(let id, _), .extend(let id): return [id]
        case .restoreRegistration(let registration, _): return [registration.id]
        case .batch(let actions):
            var ids: [String] = []
            for action in actions {
                guard let more = action.decidedRegistrationIDs else { return nil }
                ids += more
            }
            return ids
        default: return nil
        }
    }

    /// Whether the action only moves commission statuses (nothing a pane shows changes).
    public var isLedgerOnly: Bool {
        switch self {
        case .advanceCommissions, .restoreCommissionStatus: return true
        default: return false
        }
    }
}
