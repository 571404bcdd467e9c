import ChannelModel
import ChannelStore
import TerminalUI

/// The console's view (bubbletea's View): a pure function from state and data to a screen of cells.
public enum ConsoleView {
    public static func render(_ state: ConsoleState, _ data: ConsoleData) -> Screen {
        var screen = Screen(width: state.width, height: state.height)
        guard !state.isTooSmall else {
            tooSmall(&screen, state)
            return screen
        }
        let layout = ConsoleLayout(state)
        header(&screen, layout.header, state, data)
        if let detail = state.details.last, !data.panesReady, detail.needsPanes {
            gathering(&screen, layout.content)
        } else if let detail = state.details.last {
            switch detail {
            case .registration(let id): RegistrationDetailView.render(&screen, layout.content, id: id, state: state, data: data)
            case .partner(let id): PartnerDetailView.render(&screen, layout.content, id: id, state: state, data: data)
            case .concentration: ConcentrationView.render(&screen, layout.content, state: state, data: data)
            case .mdfRequest(let id): FundsDetailView.render(&screen, layout.content, id: id, state: state, data: data)
            }
        } else if layout.isGrid {
            for pane in Pane.allCases {
                let frame = layout.frame(of: pane)
                let focused = pane == state.focus
                screen.render(Box(title: "\(pane.rawValue + 1) \(pane.title)", style: focused ? Theme.focusBorder : Theme.border,
                                  titleStyle: focused ? Theme.focusBorder : Theme.title), in: frame)
                renderPane(pane, &screen, layout.body(of: pane), state, data)
            }
        } else {
            renderPane(state.focus, &screen, layout.body(of: state.focus), state, data)
        }
        statusLine(&screen, layout.status, state)
        footer(&screen, layout.footer, state, data)
        Overlays.render(&screen, state, data)
        return screen
    }

    static func renderPane(_ pane: Pane, _ screen: inout Screen, _ area: Rect, _ state: ConsoleState, _ data: ConsoleData) {
        let list = state.lists[pane] ?? ListState()
        let focused = pane == state.focus
        guard data.panesReady || pane == .queue else { return gathering(&screen, area) }
        switch pane {
        case .queue: QueuePane.render(&screen, area, list: list, focused: focused, state: state, data: data)
        case .partners: PartnersPane.render(&screen, area, list: list, focused: focused, state: state, data: data)
        case .tiers: TiersPane.render(&screen, area, list: list, focused: focused, state: state, data: data)
        case .metrics: MetricsPane.render(&screen, area, list: list, focused: focused, state: state, data: data)
        case .funds: FundsPane.render(&screen, area, list: list, focused: focused, state: state, data: data)
        }
    }

    /// What a pane shows while the runtime builds it after the first frame (the queue comes first).
    static func gathering(_ screen: inout Screen, _ area: Rect) {
        guard area.height > 0 else { return }
        screen.put("Gathering partners, tiers and figures…", x: area.x + 1, y: area.y, style: Theme.dim, maxWidth: area.width - 1)
    }

    /// Rows of the focused pane's table that fit on screen: the page size of PgUp/PgDn.
    static func visibleRows(_ state: ConsoleState) -> Int {
        max(1, ConsoleLayout(state).body(of: state.focus).height - 2)
    }

    /// The tab under a click on the header row (single-pane layout).
    static func tab(atColumn x: Int, state: ConsoleState) -> Pane? {
        let frames = tabBar(state).tabFrames(in: ConsoleLayout(state).header)
        return frames.firstIndex { $0.contains(x: x, y: $0.y) }.flatMap { Pane(rawValue: $0) }
    }

    static func tabBar(_ state: ConsoleState) -> TabBar {
        TabBar(titles: Pane.allCases.map(\.title), selected: state.details.isEmpty ? state.focus.rawValue : -1)
    }

    static func header(_ screen: inout Screen, _ area: Rect, _ state: ConsoleState, _ data: ConsoleData) {
        screen.fill(area, style: .reverse)
        let waiting = "\(data.waiting) waiting"
        if state.isGrid || !state.details.isEmpty {
            var trail = "ChannelDesk"
            for detail in state.details {
                switch detail {
                case .registration(let id): trail += " › registration \(id)"
                case .partner(let id): trail += " › \(data.programme.partner(id)?.name ?? id)"
                case .concentration: trail += " › concentration \(data.period.label)"
                case .mdfRequest(let id): trail += " › MDF request \(id)"
                }
            }
            // The as-of date stays; the breadcrumb gives way (cut with …) when the line is short.
            let variants = [" as of \(data.asOf) · \(waiting) ", " as of \(data.asOf) ", " \(data.asOf) "]
            let trailWidth = displayWidth(" " + trail) + 1
            let right = variants.first { displayWidth($0) + trailWidth <= area.width } ?? variants.last!
            screen.put(truncate(" " + trail, toWidth: area.width - displayWidth(right) - 1), x: area.x, y: area.y, style: Style.reverse.bolded())
            screen.put(right, x: area.maxX - displayWidth(right), y: area.y, style: .reverse)
        } else {
            screen.render(tabBar(state), in: area)
            let used = tabBar(state).tabFrames(in: area).last.map { $0.maxX - area.x } ?? 0
            // The widest form that fits beside the tabs: the as-of date matters more than the name.
            let variants = [" ChannelDesk · as of \(data.asOf) · \(waiting) ", " as of \(data.asOf) · \(waiting) ", " as of \(data.asOf) ",
                            " \(data.asOf) ", ""]
            let right = variants.first { displayWidth($0) + used + 1 <= area.width } ?? ""
            screen.put(right, x: area.maxX - displayWidth(right), y: area.y, style: .reverse)
        }
    }

    static func statusLine(_ screen: inout Screen, _ area: Rect, _ state: ConsoleState) {
        switch state.mode {
        case .filter(var field):
            screen.put("/", x: area.x, y: area.y, style: Theme.key)
            field.isFocused = true
            screen.render(field, in: Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: 1))
            return
        case .command(let field):
            screen.put(":", x: area.x, y: area.y, style: Theme.key)
            screen.render(field, in: Rect(x: area.x + 1, y: area.y, width: area.width - 1, height: 1))
            return
        default: break
        }
        if let status = state.status {
            let style: Style = status.kind == .error ? Theme.error : status.kind == .success ? Theme.success : .plain
            screen.put(truncate(status.text, toWidth: area.width), x: area.x, y: area.y, style: style)
        } else if !state.list.filter.isEmpty, state.details.isEmpty {
            screen.put("filter: \(state.list.filter)  (/ to edit, Esc in the filter clears)", x: area.x, y: area.y, style: .dim, maxWidth: area.width)
        }
    }

    static func footer(_ screen: inout Screen, _ area: Rect, _ state: ConsoleState, _ data: ConsoleData) {
        screen.fill(area, style: .dim)
        var hints: [(key: String, label: String)]
        switch state.mode {
        case .filter: hints = [("Enter", "keep"), ("Esc", "clear")]
        case .command:
            hints = state.completion.map { CommandCompletion.hints($0, width: area.width - 2) }
                ?? [("Tab", "complete"), ("↑↓", "history"), ("Enter", "run"), ("Esc", "cancel")]
        case .reject: hints = [("↑↓", "choose"), ("1-6", "pick"), ("type", "own reason"), ("Enter", "reject"), ("Esc", "cancel")]
        case .requestInfo: hints = [("Enter", "send"), ("Esc", "cancel")]
        case .confirm: hints = [("y", "confirm"), ("n", "cancel")]
        case .funds(let dialog): hints = dialog.hints
        case .help: hints = [("↑↓", "scroll"), ("Esc", "close")]
        case .normal: hints = KeyBindings.hints(for: state, data)
        }
        // Help and quit always show, on the right; the rest fill what room is left, in table order.
        let pinned = hints.filter { $0.label == "help" || $0.label == "quit" }
        hints.removeAll { $0.label == "help" || $0.label == "quit" }
        func spans(_ hints: [(key: String, label: String)]) -> [Span] {
            hints.flatMap { [Span($0.key, style: Theme.key), Span(" \($0.label)  ")] }
        }
        let right = Line(spans(pinned))
        let rightX = area.maxX - right.displayWidth
        var left: [Span] = []
        var width = 1
        for hint in hints {
            let needed = displayWidth(hint.key) + displayWidth(hint.label) + 3
            guard width + needed <= rightX - area.x else { break }
            left += spans([hint])
            width += needed
        }
        screen.put(Line(left), x: area.x + 1, y: area.y, maxWidth: max(0, rightX - area.x - 1))
        screen.put(right, x: rightX, y: area.y, maxWidth: right.displayWidth)
    }

    static func tooSmall(_ screen: inout Screen, _ state: ConsoleState) {
        let lines = ["Terminal too small: \(state.width)×\(state.height)", "ChannelDesk needs at least 80×24.", "Enlarge the window, or press \(state.keyBindings.keys(for: .quit)[0]) to quit."]
        for (index, line) in lines.enumerated() {
            let y = max(0, state.height / 2 - 1 + index)
            let x = max(0, (state.width - displayWidth(line)) / 2)
            screen.put(line, x: x, y: y, style: index == 0 ? Theme.error : .plain, maxWidth: state.width - x)
        }
    }
}
