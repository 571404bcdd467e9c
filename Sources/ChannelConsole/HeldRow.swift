import ChannelModel
import ChannelStore
import Foundation
import TerminalUI

/// What was under the cursor before a catch-up: the registration's Queue row (or the row already held
/// there) and the last audit line the console had seen — what the reducer needs to keep the cursor on
/// that registration and to find who changed it, without holding on to the whole previous data.
public struct CursorBefore: Sendable, Equatable {
    var seq: Int64
    var row: QueueRow?

    public init(_ state: ConsoleState, _ data: ConsoleData) {
        seq = data.programme.audit.last?.seq ?? 0
        if let ghost = HeldRow.ghost(state) {
            row = ghost
        } else if state.details.isEmpty, state.focus == .queue {
            row = PaneRows.visible(.queue, in: state, data)[safe: state.list.selected].map { data.queue[$0] }
        } else {
            row = nil
        }
    }
}

/// A selected row that someone else decided is marked, never silently replaced under the cursor
/// (DESIGN §9). After a catch-up the Queue's cursor follows its registration; when another member's
/// change touched it, the row is held where it stood — still drawn if it left the queue — and marked
/// "ben rejected R-… at 10:02". Decision keys on it are refused with that message; any move lets go.
enum HeldRow {
    /// The keys that would decide the held registration.
    static let decisions: Set<Command> = [.approve, .reject, .requestInfo, .extend, .toggleMark]
    /// The keys that move the cursor: pressing one is moving on, wherever the cursor lands.
    static let moves: Set<Command> = [.up, .down, .pageUp, .pageDown, .top, .bottom]

    /// The row drawn for a registration that left the Queue while under its cursor, if any.
    static func ghost(_ state: ConsoleState) -> QueueRow? {
        state.details.isEmpty && state.focus == .queue ? state.held?.row : nil
    }

    /// The rows a pane's cursor moves over: its list, and the held row where it stands.
    static func rowCount(_ pane: Pane, _ state: ConsoleState, _ data: ConsoleData) -> Int {
        PaneRows.visible(pane, in: state, data).count + (pane == .queue && state.held?.row != nil && state.details.isEmpty ? 1 : 0)
    }

    static func caughtUp(_ before: CursorBefore, _ state: inout ConsoleState, _ data: ConsoleData) {
        let now = Date(timeIntervalSince1970: TimeInterval(data.when.instant.seconds))
        func hold(_ id: String, row: QueueRow?) -> Bool {
            guard let change = RegistrationChange.latest(id, in: data.programme, after: before.seq) else { return false }
            let status = data.programme.registration(id).map { Format.label($0.status.rawValue).lowercased() } ?? "gone"
            let note = change.sentence(now: now)
            state.held = HeldRegistration(id: id, note: note, mark: "\(change.actor): \(status)", row: row)
            state.status = StatusMessage("\(note) — it stays under the cursor until you move")
            return true
        }
        if case .registration(let id)? = state.details.last {
            _ = hold(id, row: nil)
            return
        }
        guard state.details.isEmpty, state.focus == .queue, let row = before.row else { return }
        let rows = PaneRows.visible(.queue, in: state, data)
        if let index = rows.firstIndex(where: { data.queue[$0].position == row.position && data.queue[$0].id == row.id }) {
            // Still listed (or listed again, an undo): the cursor follows it wherever the new order put it.
            state.list.selected = index
            if !hold(row.id, row: nil), state.held?.id == row.id { state.held?.row = nil }
            return
        }
        // It left the list: drawn where it stood, under the cursor — held already, or changed now. One
        // that left with no one's change about it (an import replaced it) lets the cursor rest on the
        // next row, as one's own decision does.
        if hold(row.id, row: row) || state.held?.id == row.id {
            state.list.selected = min(state.list.selected, rows.count)
        }
    }

    /// Whether `key` would decide the held registration: refused, saying who changed it, and kept.
    static func refuses(_ key: Key, _ state: inout ConsoleState) -> Bool {
        guard let held = state.held else { return false }
        let scopes = KeyBindings.scopes(for: state)
        guard state.keyBindings.bindings.contains(where: { scopes.contains($0.scope) && $0.keys.contains(key) && decisions.contains($0.command) }) else {
            return false
        }
        state.status = StatusMessage("\(held.note); nothing was changed — move to go on", .error)
        return true
    }

    /// Where the manager is: a change of it is a move, which lets the held row go.
    struct Position: Equatable {
        var focus: Pane
        var details: [Detail]
        var lists: [Pane: ListState]
        var detailOffset: Int
        var mineOnly: Bool

        init(_ state: ConsoleState) {
            (focus, details, lists, detailOffset, mineOnly) = (state.focus, state.details, state.lists, state.detailOffset, state.mineOnly)
        }
    }

    static func release(movedFrom before: Position, _ state: inout ConsoleState, moving: Bool = false) {
        guard let held = state.held, moving || Position(state) != before else { return }
        state.held = nil
        // The held row leaves the list with it: the rows below it move up one, under the same cursor.
        if held.row != nil, let ghost = before.lists[.queue]?.selected, let selected = state.lists[.queue]?.selected, selected > ghost {
            state.lists[.queue]?.selected = selected - 1
        }
    }
}
