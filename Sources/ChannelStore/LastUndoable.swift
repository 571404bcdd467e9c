import ChannelModel

/// What `u` offers once a session has nothing of its own left to undo: the actor's most recent change
/// in the audit trail that is not undone yet, with the compensating action the reducer gave it when it
/// was applied — or why it cannot be undone. The one rule for that; the console only words it.
public enum LastUndoable: Sendable, Equatable {
    /// `entry` is undone by performing `inverse`.
    case undo(AuditEntry, inverse: ProgrammeAction)
    /// Undoing `entry` would clobber `by`, another actor's later change to the same record.
    case changedSince(AuditEntry, by: AuditEntry)
    /// `entry` is older than what the store remembers: a checkpoint folded it into the snapshot, which
    /// keeps its audit line but not what it replaced.
    case forgotten(AuditEntry)
    /// The actor has made no change that can still be undone.
    case nothing

    /// Walks the audit trail from the newest line back. An undo undoes the newest change of its records
    /// not undone yet (in a session and across restarts alike), so each of the actor's undos is matched
    /// with the next older change of the actor to the same record; the first change left unmatched is
    /// the one to undo, unless someone else changed one of its records after it.
    public static func find(actor: String, in programme: Programme, remembered: Compensations) -> LastUndoable {
        var undosToMatch: [Substring: Int] = [:]
        var changedByOthers: [Substring: AuditEntry] = [:]
        for entry in programme.audit.reversed() {
            let subjects = entry.subject.split(separator: " ")
            guard entry.actor == actor else {
                // The newest change by someone else is the one to name.
                for subject in subjects where changedByOthers[subject] == nil { changedByOthers[subject] = entry }
                continue
            }
            let change = remembered.change(entry.seq, by: actor)
            if change.map({ $0.inverse == nil }) ?? (entry.action == "undo") {
                for subject in subjects { undosToMatch[subject, default: 0] += 1 }
                continue
            }
            guard change != nil || isDecision(entry.action) else { continue }
            let undone = subjects.filter { undosToMatch[$0, default: 0] > 0 }
            guard undone.isEmpty else {
                for subject in undone { undosToMatch[subject]! -= 1 }
                continue
            }
            if let other = subjects.lazy.compactMap({ changedByOthers[$0] }).first { return .changedSince(entry, by: other) }
            guard let inverse = change?.inverse else { return .forgotten(entry) }
            return .undo(entry, inverse: inverse)
        }
        return .nothing
    }

    /// Whether an audit line the store does not remember records a change `u` would undo: not an
    /// import or a policy change (see `Compensations.record`).
    private static func isDecision(_ action: String) -> Bool {
        !["import", "policy", "undo"].contains(action)
    }
}
