import ChannelModel
import TerminalUI

/// Modal layers drawn over the panes: help, the reject and info dialogs, confirmations.
enum Overlays {
    static func render(_ screen: inout Screen, _ state: ConsoleState, _ data: ConsoleData) {
        let area = Rect(x: 0, y: 0, width: state.width, height: state.height - 1)
        switch state.mode {
        case .normal, .filter, .command: return
        case .help(let offset):
            let body = helpLines(state, data)
            let visible = helpVisibleLines(state)
            let first = max(0, min(offset, body.count - visible))
            let position = body.count > visible ? "lines \(first + 1)–\(min(body.count, first + visible)) of \(body.count) · ↑↓ scroll · " : ""
            screen.render(Modal(title: "Keys — \(state.keyBindings.bindings.count) bindings", body: Array(body.dropFirst(first).prefix(visible)),
                                footer: Line(position + "Esc closes"), width: min(area.width - 4, 96)), in: area)
        case .reject(let dialog):
            var body: [Line] = [Line("Reject \(dialog.ids.count == 1 ? dialog.ids[0] : "\(dialog.ids.count) registrations") — why?"), ""]
            for (index, reason) in RejectDialog.reasons.enumerated() {
                let chosen = index == dialog.selected
                body.append(Line([Span(chosen ? "▸ " : "  ", style: Theme.key), Span("\(index + 1) ", style: Theme.dim),
                                  Span(reason, style: chosen ? Style.reverse : .plain)]))
            }
            var field = dialog.custom
            field.isFocused = dialog.isCustom
            let customLabel = dialog.isCustom ? "▸ " : "  "
            body.append(Line([Span(customLabel, style: Theme.key), Span("\(RejectDialog.reasons.count + 1) ", style: Theme.dim),
                              Span(field.value.isEmpty ? "type a reason…" : field.value + (dialog.isCustom ? "▏" : ""),
                                   style: dialog.isCustom ? Style.reverse : Theme.dim)]))
            screen.render(Modal(title: "Reject", body: body, footer: "Enter reject · Esc cancel", width: min(area.width - 4, 70)), in: area)
        case .requestInfo(let ids, let field):
            let body: [Line] = [Line("Ask the partner about \(ids.count == 1 ? ids[0] : "\(ids.count) registrations"):"), "",
                                Line([Span("> ", style: Theme.key), Span(field.value + "▏")]), "",
                                Line("The SLA clock pauses until the partner answers.", style: Theme.dim)]
            screen.render(Modal(title: "Request information", body: body, footer: "Enter send · Esc cancel", width: min(area.width - 4, 70)), in: area)
        case .funds(let dialog): FundsDialog.render(dialog, &screen, area, data)
        case .confirm(let confirmation):
            let body = confirmation.lines.map { Line($0) }
            screen.render(Modal(title: confirmation.title, body: body, footer: "y confirm · n cancel", width: min(area.width - 4, 80)), in: area)
        }
    }

    static func helpVisibleLines(_ state: ConsoleState) -> Int { max(1, state.height - 1 - 4) }

    static func helpMaxOffset(_ state: ConsoleState, _ data: ConsoleData) -> Int {
        DetailText.maxOffset(lines: helpLines(state, data).count, height: helpVisibleLines(state))
    }

    /// Every binding, grouped by where it applies — generated from the binding table; a key of the
    /// current view that does not apply to its selection is left out, as in the footer.
    static func helpLines(_ state: ConsoleState, _ data: ConsoleData) -> [Line] {
        var lines: [Line] = []
        for scope in Scope.allCases {
            let bindings = state.keyBindings.bindings.filter { $0.scope == scope && KeyBindings.isOffered($0, in: state, data) }
            guard !bindings.isEmpty else { continue }
            if !lines.isEmpty { lines.append("") }
            lines.append(Line(scope.title, style: .bold))
            for binding in bindings {
                let keys = binding.keys.map { $0 == .char(" ") ? "space" : $0.description }.joined(separator: " ")
                lines.append(Line([Span("  " + pad(keys, toWidth: 14), style: Theme.key), Span(binding.help)]))
            }
        }
        return lines
    }
}
