import ChannelModel
import ChannelStore
import TerminalUI

/// Keys while a text field, dialog or overlay has the keyboard. Returns nil in normal mode so the
/// binding table handles the key.
enum ModalKeys {
    static func handle(_ key: Key, _ state: inout ConsoleState, _ data: ConsoleData) -> [Effect]? {
        switch state.mode {
        case .normal:
            return nil
        case .help(let offset):
            switch key {
            case .down, .char("j"): state.mode = .help(offset: offset + 1)
            case .up, .char("k"): state.mode = .help(offset: max(0, offset - 1))
            case .pageDown: state.mode = .help(offset: offset + 10)
            case .pageUp: state.mode = .help(offset: max(0, offset - 10))
            case .char(":"), .char("/"):
                // Closing help with `:` or `/` opens what the key names, so typing `?` then
                // `:reject R-1` never lands the rest of the line in normal mode.
                state.mode = .normal
                return ConsoleReducer.handleNormal(key, &state, data)
            default:
                // Any other key only closes the overlay: it was aimed at the help, not the view under it.
                state.mode = .normal
            }
            return []
        case .filter(var field):
            switch key {
            case .escape:
                state.filterText = ""
                state.mode = .normal
            case .enter:
                state.mode = .normal
            default:
                guard field.handle(key) else { return [] }
                state.filterText = field.value
                state.mode = .filter(field)
            }
            return []
        case .command(var field):
            switch key {
            case .escape:
                state.mode = .normal
                state.commandHistory.stopWalking()
                state.completion = nil
            case .enter:
                state.mode = .normal
                state.commandHistory.record(field.value)
                state.completion = nil
                return CommandLine.run(field.value, &state, data)
            case .up, .down:
                let recalled = key == .up ? state.commandHistory.older(than: field.value) : state.commandHistory.newer()
                guard let recalled else { return [] }
                field.value = recalled
                field.cursor = recalled.count
                state.mode = .command(field)
                state.completion = nil
            case .tab:
                let typed = field.value
                CommandCompletion.complete(&field, &state.completion, data)
                state.mode = .command(field)
                // A completed recalled line is one's own, like an edited one.
                if field.value != typed { state.commandHistory.stopWalking() }
            default:
                guard field.handle(key) else { return [] }
                state.mode = .command(field)
                state.commandHistory.stopWalking()
                state.completion = nil
            }
            return []
        case .reject(var dialog):
            switch key {
            case .escape: state.mode = .normal
            case .enter:
                let reason = dialog.reason.trimmingCharacters(in: .whitespaces)
                guard !reason.isEmpty else { return [] }
                state.mode = .normal
                let actions = dialog.ids.map { ProgrammeAction.reject(registrationID: $0, reason: reason) }
                return [.perform(actions.count == 1 ? actions[0] : .batch(actions))]
            case .up: dialog.selected = max(0, dialog.selected - 1)
            case .down, .tab: dialog.selected = min(RejectDialog.reasons.count, dialog.selected + 1)
            case .char(let c) where !dialog.isCustom && c.isNumber:
                if let n = c.wholeNumberValue, (1...RejectDialog.reasons.count + 1).contains(n) { dialog.selected = n - 1 }
            default:
                // Typing anything else goes to the free-text reason.
                dialog.selected = RejectDialog.reasons.count
                _ = dialog.custom.handle(key)
            }
            if case .reject = state.mode { state.mode = .reject(dialog) }
            return []
        case .requestInfo(let ids, var field):
            switch key {
            case .escape: state.mode = .normal
            case .enter:
                state.mode = .normal
                let actions = ids.map { ProgrammeAction.requestInfo(registrationID: $0, question: field.value) }
                return [.perform(actions.count == 1 ? actions[0] : .batch(actions))]
            default:
                if field.handle(key) { state.mode = .requestInfo(ids: ids, field: field) }
            }
            return []
        case .funds(let dialog):
            return FundsDialog.handle(key, dialog, &state, data)
        case .confirm(let confirmation):
            switch key {
            case .char("y"), .char("Y"), .enter:
                state.mode = .normal
                return [.perform(confirmation.action)]
            case .char("n"), .char("N"), .escape, .char("q"):
                state.mode = .normal
                state.status = StatusMessage("Cancelled")
            default: break
            }
            return []
        }
    }
}

/// The `:` command line: the same actions as the keys, by id, for when you know what you want. The
/// line is read by `CommandGrammar`, the parser `channeldesk batch` uses too, so a line that works
/// here works in a script.
enum CommandLine {
    static let help = "commands: approve ID…, reject ID REASON, info ID [QUESTION], extend ID, partner ID, registration ID, concentration, period 2026-Q2, tier P-… TIER, assign P-… ROLE, advance D-…, mine, undo, help, q"

    static func run(_ text: String, _ state: inout ConsoleState, _ data: ConsoleData) -> [Effect] {
        // The console's own views, which a batch has no use for, are read here rather than by the grammar.
        if text.split(whereSeparator: \.isWhitespace).map({ $0.lowercased() }) == ["mine"] {
            MineView.command(&state)
            return []
        }
        let command: TypedCommand
        do {
            guard let parsed = try CommandGrammar.parse(text, extensionDays: data.programme.policy.extensionDays) else { return [] }
            command = parsed
        } catch {
            state.status = StatusMessage(message(for: error), .error)
            return []
        }
        switch command {
        case .action(let action):
            return [.perform(action)]
        case .quit:
            state.quit = true
        case .openPartner(let id):
            guard data.programme.partner(id) != nil else { return usage(CommandGrammar.Synopsis.partner, &state) }
            ConsoleReducer.push(.partner(id), &state)
        case .openRegistration(let id):
            guard data.programme.registration(id) != nil else { return usage(CommandGrammar.Synopsis.registration, &state) }
            ConsoleReducer.push(.registration(id), &state)
        case .concentration:
            state.focus = .metrics
            state.details = [.concentration]
            state.detailOffset = 0
        case .period(let period):
            state.period = period
            state.focus = .metrics
            state.details = []
        case .undo:
            return ConsoleReducer.run(.undo, &state, data)
        case .help:
            state.mode = .help(offset: 0)
        case .importFile, .checkpoint:
            state.status = StatusMessage("\(command.verb) runs in `channeldesk \(command.verb == "import" ? "import" : "batch")`, not in the console", .error)
        }
        return []
    }

    /// The grammar's error in the console's words: usages are written as typed here, with the colon.
    static func message(for error: CommandSyntaxError) -> String {
        switch error {
        case .unknownCommand(let verb, let suggestion):
            return "unknown command \"\(verb)\" — " + (suggestion.map { "did you mean \"\($0)\"?" } ?? help)
        case .usage(let synopsis):
            return "usage: :\(synopsis)"
        case .badToken(let token, let reason, let synopsis):
            return "\"\(token)\" \(reason) — usage: :\(synopsis)"
        }
    }

    static func usage(_ text: String, _ state: inout ConsoleState) -> [Effect] {
        state.status = StatusMessage("usage: :\(text)", .error)
        return []
    }
}
