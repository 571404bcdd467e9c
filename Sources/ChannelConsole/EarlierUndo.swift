import ChannelModel
import ChannelStore
import TerminalUI

/// `u` once the session has nothing of its own left to undo: the store's `LastUndoable` put to the
/// user — a y/n question naming the change, or why it cannot be undone.
enum EarlierUndo {
    static func offer(_ found: LastUndoable, _ state: inout ConsoleState, _ data: ConsoleData) {
        switch found {
        case .undo(let entry, let inverse):
            state.mode = .confirm(Confirmation(
                title: "Undo \(describe(entry, owner: "your", asOf: data.asOf))?",
                lines: ["#\(entry.seq) \(entry.detail)", "",
                        "It was made before this session. Undoing it is a new change; the audit trail keeps both."],
                action: inverse))
        case .changedSince(let entry, let other):
            state.status = StatusMessage("Cannot undo \(describe(entry, owner: "your", asOf: data.asOf)): "
                                         + "\(describe(other, owner: "\(other.actor)’s", asOf: data.asOf)) came after it", .error)
        case .forgotten(let entry):
            state.status = StatusMessage("Cannot undo \(describe(entry, owner: "your", asOf: data.asOf)): a checkpoint has folded it "
                                         + "into the programme file, which keeps no earlier state", .error)
        case .nothing:
            state.status = StatusMessage("Nothing to undo", .error)
        }
    }

    /// "your approval of R-0000012 at 10:02 (yesterday)".
    static func describe(_ entry: AuditEntry, owner: String, asOf: Day) -> String {
        let subjects = entry.subject.split(separator: " ")
        let named = subjects.prefix(3).joined(separator: ", ") + (subjects.count > 3 ? " and \(subjects.count - 3) more" : "")
        return "\(owner) \(noun(entry.action)) \(named) \(when(entry.at, asOf: asOf))"
    }

    /// The audit trail's verb as a noun with its preposition.
    static func noun(_ action: String) -> String {
        switch action {
        case "approve": return "approval of"
        case "reject": return "rejection of"
        case "request-info": return "information request on"
        case "extend": return "extension of"
        case "tier-change": return "tier change of"
        case "commission": return "commission advance on"
        case "batch": return "decision on"
        case "undo": return "undo on"
        case "mdf-approve": return "MDF approval of"
        case "mdf-reject": return "MDF rejection of"
        case "mdf-request-info": return "MDF information request on"
        case "mdf-claim": return "claim recorded on"
        case "mdf-pay": return "payment of"
        case "mdf-reject-claim": return "claim rejection on"
        default: return "\(action) of"
        }
    }

    /// "at 10:02 (today)", "at 10:02 (yesterday)", else "on 2026-09-28 at 10:02" — UTC, as the
    /// audit trail shows times.
    static func when(_ at: Instant, asOf: Day) -> String {
        let minutes = Int((at.seconds % 86_400 + 86_400) % 86_400 / 60)
        let clock = (minutes / 60 < 10 ? "0" : "") + "\(minutes / 60):" + (minutes % 60 < 10 ? "0" : "") + "\(minutes % 60)"
        switch at.day {
        case asOf: return "at \(clock) (today)"
        case asOf.adding(days: -1): return "at \(clock) (yesterday)"
        default: return "on \(at.day) at \(clock)"
        }
    }
}
