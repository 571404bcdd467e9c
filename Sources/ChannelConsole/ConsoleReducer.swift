import ChannelModel
import ChannelStore
import TerminalUI

/// What reaches the console's reducer: input from the terminal, and the results of the effects it asked for.
public enum ConsoleEvent: Sendable, Equatable {
    case key(Key)
    case resize(width: Int, height: Int)
    /// A left click; `double` when it repeats the last one on the same cell quickly (the runtime times it).
    case click(x: Int, y: Int, double: Bool = false)
    /// The mouse wheel over a cell.
    case scroll(x: Int, y: Int, up: Bool)
    /// The store applied (and made durable) an action the console asked for.
    case performed(ProgrammeAction, ActionOutcome)
    /// The store refused an action; the message says why.
    case failed(ProgrammeAction, String)
    /// Keys typed while the programme was loading, before anything was on screen: dropped, except
    /// that a quit among them quits.
    case typedWhileLoading([Key])
    /// The store's answer to `Effect.lookUpLastUndoable`.
    case lastUndoable(LastUndoable)
    /// Other members' changes were applied (a shared programme's catch-up); the data is the new one,
    /// the event says what was under the cursor before it.
    case caughtUp(CursorBefore)
}

/// What the reducer asks the runtime to do: the only way a key reaches the disk.
public enum Effect: Sendable, Equatable {
    case perform(ProgrammeAction)
    /// Put this text on the user's clipboard.
    case copy(String)
    /// Find this actor's last change before the session that can be undone (`u` with nothing of the
    /// session's own left): the store remembers what the console's state does not.
    case lookUpLastUndoable
}

/// The console's update function (bubbletea's Update): pure, so each key's exact effect on the state
/// is testable without a terminal.
public enum ConsoleReducer {
    public static func update(_ state: inout ConsoleState, _ event: ConsoleEvent, _ data: ConsoleData) -> [Effect] {
        switch event {
        case .resize(let width, let height):
            state.width = width
            state.height = height
            return []
        case .click(let x, let y, let double):
            let before = HeldRow.Position(state)
            let effects = MouseController.click(x: x, y: y, double: double, &state, data)
            HeldRow.release(movedFrom: before, &state)
            return effects
        case .scroll(let x, let y, let up):
            let before = HeldRow.Position(state)
            MouseController.scroll(x: x, y: y, up: up, &state, data)
            HeldRow.release(movedFrom: before, &state)
            return []
        case .caughtUp(let before):
            HeldRow.caughtUp(before, &state, data)
            return []
        case .performed(let action, let outcome):
            if let last = state.undo.last, last.inverse == action {
                state.undo.removeLast()
                state.status = StatusMessage(outcome.message, .success)
            } else {
                // An undo of an earlier session's change is not itself offered for undoing: `u` goes on back.
                let inverse = action.isCompensating ? nil : outcome.inverse
                if let inverse { state.undo.append(UndoEntry(inverse: inverse, label: outcome.message)) }
                state.status = StatusMessage(outcome.message + (inverse == nil ? "" : " — u to undo"), .success)
            }
            if case .batch = action { state.marked = [] }
            return []
        case .failed(_, let message):
            state.status = StatusMessage(message, .error)
            return []
        case .lastUndoable(let found):
            EarlierUndo.offer(found, &state, data)
            return []
        case .typedWhileLoading(let keys):
            guard !keys.isEmpty else { return [] }
            if keys.contains(where: state.keyBindings.keys(for: .quit).contains) || keys.contains(.ctrl("c")) { state.quit = true }
            state.status = StatusMessage("Ignored \(keys.count) key\(keys.count == 1 ? "" : "s") typed while the programme was loading", .error)
            return []
        case .key(.ctrl("c")):
            // ctrl-c (and SIGINT/SIGTERM, which the terminal turns into it) quits from any mode.
            state.quit = true
            return []
        case .key(let key) where state.isTooSmall:
            // Nothing the user cannot see may change: the screen only says it is too small.
            if state.keyBindings.keys(for: .quit).contains(key) { state.quit = true }
            return []
        case .key(let key):
            let before = HeldRow.Position(state)
            let effects = ModalKeys.handle(key, &state, data) ?? handleNormal(key, &state, data)
            HeldRow.release(movedFrom: before, &state)
            return effects
        }
    }

    static func handleNormal(_ key: Key, _ state: inout ConsoleState, _ data: ConsoleData) -> [Effect] {
        if HeldRow.refuses(key, &state) { return [] }
        guard let command = KeyBindings.command(for: key, in: state, data) else { return [] }
        state.status = nil
        let before = HeldRow.Position(state)
        let effects = run(command, &state, data)
        // A move key lets a held row go even where the cursor cannot go further (the row is the last).
        if HeldRow.moves.contains(command) { HeldRow.release(movedFrom: before, &state, moving: true) }
        return effects
    }

    static func run(_ command: Command, _ state: inout ConsoleState, _ data: ConsoleData) -> [Effect] {
        switch command {
        case .quit: state.quit = true
        case .help: state.mode = .help(offset: 0)
        case .nextPane, .previousPane, .focus:
            state.details = []
            switch command {
            case .focus(let pane): state.focus = pane
            case .nextPane: state.focus = state.focus.moved(by: 1)
            default: state.focus = state.focus.moved(by: -1)
            }
        case .up, .down, .pageUp, .pageDown, .top, .bottom: move(command, &state, data)
        case .zoom:
            state.zoomed.toggle()
            state.status = StatusMessage(state.zoomed ? "\(state.focus.title) fills the screen — z returns to the grid" : "Back to the grid")
        case .copyID:
            guard let id = selectedID(state, data) else { state.status = StatusMessage("Nothing selected to copy", .error); break }
            state.status = StatusMessage("Copied \(id)")
            return [.copy(id)]
        case .drill: drill(&state, data)
        case .back:
            if !state.details.isEmpty {
                state.details.removeLast()
                state.detailOffset = 0
            }
        case .filter:
            let fields = state.inPartnerDetail ? state.partnerView.section.filterFields : PaneRows.fields(state.focus)
            state.mode = .filter(filterField(state.filterText, fields: fields))
        case .commandLine: state.mode = .command(TextField(placeholder: "approve R-…, reject R-… reason, period 2026-Q2, partner P-…, q"))
        case .approve, .reject, .requestInfo, .extend, .toggleMark, .approveMarked, .rejectMarked, .requestInfoMarked,
             .nextQueued, .previousQueued, .nextConflict:
            return TriageController.run(command, &state, data)
        case .approveFunds, .rejectFunds, .requestFundsInfo, .recordClaim, .payClaim:
            return FundsController.run(command, &state, data)
        case .undo:
            guard let last = state.undo.last else { return [.lookUpLastUndoable] }
            return [.perform(last.inverse)]
        case .sort where state.inPartnerDetail:
            let section = state.partnerView.section
            guard !section.sortOrders.isEmpty else { break }
            let order = ((state.partnerView.sort[section] ?? 0) + 1) % section.sortOrders.count
            state.partnerView.sort[section] = order
            state.partnerView.selected[section] = 0
            state.status = StatusMessage("\(section.title): \(section.sortOrders[order]) first")
        case .sort:
            // Through every column, then back to the pane's own order (triage order, the ladder).
            let columns = PaneRows.sortColumns(state.focus)
            guard !columns.isEmpty else { break }
            // A new order starts at its top: the first rows are what the manager sorted for.
            var list = state.list
            let next = list.sortColumn.map { $0 + 1 } ?? 0
            list.sortColumn = next < columns.count ? next : nil
            list.sortDescending = list.sortColumn.map { columns[$0].descendingFirst } ?? false
            list.selected = 0
            list.offset = 0
            state.list = list
            state.status = StatusMessage(list.sortColumn.map { "Sorted by \(columns[$0].name)\(list.sortDescending ? ", largest first" : "")" }
                                         ?? "Back to the \(state.focus == .queue ? "triage" : "pane's own") order")
        case .reverseSort:
            guard state.list.sortColumn != nil else { break }
            state.list.sortDescending.toggle()
            state.list.selected = 0
            state.list.offset = 0
        case .applyTier: confirmTierChange(&state, data)
        case .openPartner:
            if let id = selectedRegistration(state, data), let registration = data.programme.registration(id) {
                push(.partner(registration.partnerID), &state)
            }
        case .previousPeriod:
            state.period = state.period.shiftedQuarters(-1)
            state.detailOffset = 0
        case .nextPeriod:
            // Quarters after the as-of date hold nothing yet.
            let next = state.period.shiftedQuarters(1)
            guard next.from <= data.asOf else {
                state.status = StatusMessage("\(state.period.label) is the latest quarter as of \(data.asOf)", .error)
                break
            }
            state.period = next
            state.detailOffset = 0
        case .nextSection, .previousSection:
            let count = PartnerSection.allCases.count
            let step = command == .nextSection ? 1 : count - 1
            state.partnerView.section = PartnerSection(rawValue: (state.partnerView.section.rawValue + step) % count)!
            state.detailOffset = 0
        case .advanceCommission:
            guard case .partner(let id)? = state.details.last, let rows = PartnerDetailRows.of(id, data, state.partnerView) else { break }
            guard state.partnerView.section == .commissions else {
                state.status = StatusMessage("Commissions are advanced from the Commissions section (Tab to it)", .error)
                break
            }
            let chosen = state.partnerView.marked.isEmpty
                ? rows.ledger[safe: state.partnerView.selected[.commissions] ?? 0].map { [$0.dealId] } ?? []
                : rows.ledger.map(\.dealId).filter(state.partnerView.marked.contains)
            let ids = rows.advanceable(chosen)
            guard !ids.isEmpty else {
                state.status = StatusMessage(chosen.isEmpty ? "No commission is selected" : "Already paid (or a clawback): nothing to advance", .error)
                break
            }
            state.partnerView.marked = []
            return [.perform(.advanceCommissions(dealIDs: ids))]
        case .toggleMine: MineView.toggle(&state)
        case .toggleEnabledFilter:
            state.notEnabledOnly.toggle()
            state.lists[.partners]?.selected = 0
            state.lists[.partners]?.offset = 0
            state.status = StatusMessage(state.notEnabledOnly ? "Showing partners not fully enabled — E shows all" : "Showing all partners")
        }
        return []
    }

    /// The `/` field, its placeholder naming the first field terms the list takes.
    static func filterField(_ value: String, fields: [SearchField]) -> TextField {
        let terms = fields.prefix(5).map { "\($0.rawValue):" }.joined(separator: " ")
        return TextField(value: value, placeholder: terms.isEmpty ? "filter" : "filter, or " + terms)
    }

    // MARK: Selection

    static func move(_ command: Command, _ state: inout ConsoleState, _ data: ConsoleData) {
        if let detail = state.details.last {
            let page = max(1, state.height - 8)
            func step(_ value: Int, count: Int?) -> Int {
                var next = value
                switch command {
                case .up: next -= 1
                case .down: next += 1
                case .pageUp: next -= page
                case .pageDown: next += page
                case .top: next = 0
                default: next = (count ?? Int.max / 2) - 1
                }
                return max(0, count.map { min(next, $0 - 1) } ?? next)
            }
            switch detail {
            case .registration, .mdfRequest: state.detailOffset = step(state.detailOffset, count: nil)
            case .concentration: state.detailOffset = step(state.detailOffset, count: data.concentration.ranking.count)
            case .partner(let id):
                let section = state.partnerView.section
                if let rows = PartnerDetailRows.of(id, data, state.partnerView), rows.count(section) > 0 {
                    state.partnerView.selected[section] = step(state.partnerView.selected[section] ?? 0, count: rows.count(section))
                } else if PartnerDetailRows.isGathering(id, data, state.partnerView) {
                    return  // nothing on screen yet to move over
                } else {
                    state.detailOffset = step(state.detailOffset, count: nil)
                }
            }
            return
        }
        let count = HeldRow.rowCount(state.focus, state, data)
        let page = max(1, ConsoleView.visibleRows(state) - 1)
        var list = state.list
        switch command {
        case .up: list.selected -= 1
        case .down: list.selected += 1
        case .pageUp: list.selected -= page
        case .pageDown: list.selected += page
        case .top: list.selected = 0
        default: list.selected = count - 1
        }
        list.selected = max(0, min(list.selected, count - 1))
        state.list = list
    }

    /// The data row under the focused pane's cursor, to keep it selected when the order changes.
    static func selectedRow(_ state: ConsoleState, _ data: ConsoleData) -> Int? {
        PaneRows.visible(state.focus, in: state, data)[safe: state.list.selected]
    }


    /// The id `y` copies: the selected registration, else the partner in view or under the cursor.
    static func selectedID(_ state: ConsoleState, _ data: ConsoleData) -> String? {
        if let id = selectedRegistration(state, data) { return id }
        switch state.details.last {
        case .partner(let id)?: return id
        case .registration(let id)?, .mdfRequest(let id)?: return id
        case .concentration?: return data.concentration.ranking[safe: state.detailOffset]?.partnerId
        case nil:
            guard let row = selectedRow(state, data) else { return nil }
            switch state.focus {
            case .partners: return data.programme.partners[data.partners[row].position].id
            case .tiers: return data.standings[data.ladder[row].standing].partnerId
            case .funds: return data.funds.rows[row].id
            case .queue, .metrics: return nil
            }
        }
    }

    /// The registration under the cursor: the open registration detail, or the Queue's selected row.
    static func selectedRegistration(_ state: ConsoleState, _ data: ConsoleData) -> String? {
        if case .registration(let id)? = state.details.last { return id }
        if case .partner(let id)? = state.details.last, state.partnerView.section == .registrations {
            return PartnerDetailRows.of(id, data, state.partnerView)?.registrations[safe: state.partnerView.selected[.registrations] ?? 0]?.id
        }
        guard state.details.isEmpty, state.focus == .queue else { return nil }
        if let ghost = HeldRow.ghost(state) { return ghost.id }
        let rows = PaneRows.visible(.queue, in: state, data)
        guard rows.indices.contains(state.list.selected) else { return nil }
        return data.queue[rows[state.list.selected]].id
    }

    static func drill(_ state: inout ConsoleState, _ data: ConsoleData) {
        switch state.details.last {
        case .registration(let id)?:
            if let registration = data.programme.registration(id) { push(.partner(registration.partnerID), &state) }
            return
        case .concentration?:
            if let rank = data.concentration.ranking[safe: state.detailOffset] { push(.partner(rank.partnerId), &state) }
            return
        case .mdfRequest(let id)?:
            if let request = data.programme.mdfRequest(id) { push(.partner(request.partnerID), &state) }
            return
        case .partner(let id)?:
            guard state.partnerView.section == .registrations, let rows = PartnerDetailRows.of(id, data, state.partnerView),
                  let registration = rows.registrations[safe: state.partnerView.selected[.registrations] ?? 0] else { return }
            push(.registration(registration.id), &state)
            return
        case nil: break
        }
        if state.focus == .queue, let ghost = HeldRow.ghost(state) {
            push(.registration(ghost.id), &state)
            return
        }
        let rows = PaneRows.visible(state.focus, in: state, data)
        guard rows.indices.contains(state.list.selected) else { return }
        let row = rows[state.list.selected]
        switch state.focus {
        case .queue: push(.registration(data.queue[row].id), &state)
        case .partners: push(.partner(data.programme.partners[data.partners[row].position].id), &state)
        case .funds: push(.mdfRequest(data.funds.rows[row].id), &state)
        case .tiers: push(.partner(data.standings[data.ladder[row].standing].partnerId), &state)
        case .metrics:
            guard MetricsPane.drillsToConcentration(row) else {
                state.status = StatusMessage("Enter on sourced ARR or concentration opens the concentration drill-down")
                return
            }
            push(.concentration, &state)
        }
    }

    static func push(_ detail: Detail, _ state: inout ConsoleState) {
        state.details.append(detail)
        state.detailOffset = 0
        // A partner view starts on its overview; a registration opened from it keeps the partner's
        // sections as they were for the way back.
        if case .partner = detail { state.partnerView = PartnerViewState() }
    }

    static func confirmTierChange(_ state: inout ConsoleState, _ data: ConsoleData) {
        let rows = PaneRows.visible(.tiers, in: state, data)
        guard rows.indices.contains(state.list.selected) else { return }
        let standing = data.standings[data.ladder[rows[state.list.selected]].standing]
        guard standing.proposal != .hold else {
            state.status = StatusMessage("\(standing.partnerId) holds the tier it qualifies for: nothing to apply", .error)
            return
        }
        guard standing.proposal == .upgrade || standing.proposal == .downgrade else {
            state.status = StatusMessage("\(standing.partnerId) is at risk but inside the \(data.programme.policy.tierGraceDays)-day grace period: nothing to apply yet", .error)
            return
        }
        let name = data.programme.partner(standing.partnerId)?.name ?? standing.partnerId
        state.mode = .confirm(Confirmation(
            title: "\(standing.proposal == .upgrade ? "Upgrade" : "Downgrade") \(name)?",
            lines: ["\(standing.currentTier) → \(standing.qualifiedTier)",
                    "Trailing 365-day sourced ARR \(standing.trailingSourcedARR.grouped), \(standing.certifiedStaff) certified staff",
                    "Applies to commissions on registrations approved from now on."],
            action: .changeTier(partnerID: standing.partnerId, to: standing.qualifiedTier)))
    }
}

extension RandomAccessCollection where Index == Int {
    subscript(safe index: Int) -> Element? { indices.contains(index) ? self[index] : nil }
}
