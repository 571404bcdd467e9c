import TerminalUI

/// The mouse, as lazygit and k9s users expect: a click focuses a pane and selects the row under it, a
/// double click opens it, the wheel scrolls what is under the pointer.
enum MouseController {
    static func click(x: Int, y: Int, double: Bool, _ state: inout ConsoleState, _ data: ConsoleData) -> [Effect] {
        guard !state.isTooSmall, case .normal = state.mode, state.details.isEmpty else { return [] }
        if y == 0, !state.isGrid, let pane = ConsoleView.tab(atColumn: x, state: state) {
            state.focus = pane
            return []
        }
        guard let pane = pane(at: x, y, state) else { return [] }
        state.focus = pane
        guard let row = row(at: y, in: pane, state, data) else { return [] }
        state.list.selected = row
        if double { ConsoleReducer.drill(&state, data) }
        return []
    }

    static func scroll(x: Int, y: Int, up: Bool, _ state: inout ConsoleState, _ data: ConsoleData) {
        guard !state.isTooSmall, case .normal = state.mode else { return }
        if state.details.isEmpty, let pane = pane(at: x, y, state) { state.focus = pane }
        for _ in 0..<3 { ConsoleReducer.move(up ? .up : .down, &state, data) }
    }

    /// The pane under the cell: the grid's quarter, or the one pane shown.
    static func pane(at x: Int, _ y: Int, _ state: ConsoleState) -> Pane? {
        let layout = ConsoleLayout(state)
        guard layout.content.contains(x: x, y: y) else { return nil }
        return state.isGrid ? Pane.allCases.first { layout.frame(of: $0).contains(x: x, y: y) } : state.focus
    }

    /// The list row drawn on screen line `y` of `pane`, if a row is there.
    static func row(at y: Int, in pane: Pane, _ state: ConsoleState, _ data: ConsoleData) -> Int? {
        let top = ConsoleLayout(state).body(of: pane).y + pane.linesAboveRows
        let list = state.lists[pane] ?? ListState()
        let row = list.offset + (y - top)
        guard y >= top, row < HeldRow.rowCount(pane, state, data) else { return nil }
        return row
    }
}

extension Pane {
    /// Lines of a pane's body above its first table row: its summary line(s) and the table's header.
    var linesAboveRows: Int { self == .tiers ? 3 : 2 }
}
