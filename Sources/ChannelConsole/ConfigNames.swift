import TerminalUI

extension Command {
    /// The command's name in a config file's `[keys]` table. Written out, not derived from the case, so
    /// renaming a case never breaks anyone's config.
    package var configName: String {
        switch self {
        case .quit: "quit"
        case .help: "help"
        case .nextPane: "next-pane"
        case .previousPane: "previous-pane"
        case .focus(let pane): "focus-" + pane.title.lowercased()
        case .up: "up"
        case .down: "down"
        case .pageUp: "page-up"
        case .pageDown: "page-down"
        case .top: "top"
        case .bottom: "bottom"
        case .drill: "open"
        case .back: "back"
        case .filter: "filter"
        case .commandLine: "command-line"
        case .approve: "approve"
        case .reject: "reject"
        case .requestInfo: "request-info"
        case .extend: "extend"
        case .toggleMark: "mark"
        case .approveMarked: "approve-marked"
        case .rejectMarked: "reject-marked"
        case .requestInfoMarked: "request-info-marked"
        case .undo: "undo"
        case .nextQueued: "next-queued"
        case .previousQueued: "previous-queued"
        case .nextConflict: "next-conflict"
        case .zoom: "zoom"
        case .copyID: "copy-id"
        case .sort: "sort"
        case .reverseSort: "reverse-sort"
        case .applyTier: "apply-tier"
        case .openPartner: "open-partner"
        case .previousPeriod: "previous-period"
        case .nextPeriod: "next-period"
        case .nextSection: "next-section"
        case .previousSection: "previous-section"
        case .advanceCommission: "advance-commission"
        case .toggleEnabledFilter: "not-enabled-filter"
        case .toggleMine: "mine"
        case .approveFunds: "approve-funds"
        case .rejectFunds: "reject-funds"
        case .requestFundsInfo: "request-funds-info"
        case .recordClaim: "record-claim"
        case .payClaim: "pay-claim"
        }
    }

    /// The commands a config can remap, by name, in table order: those the binding table has.
    static let configurable: [(name: String, command: Command)] = {
        var commands: [(name: String, command: Command)] = []
        for binding in KeyBindings.all where !commands.contains(where: { $0.command == binding.command }) {
            commands.append((binding.command.configName, binding.command))
        }
        return commands
    }()

    /// The command a config calls `name`.
    static func named(_ name: String) -> Command? { configurable.first { $0.name == name }?.command }
}

extension Key {
    /// The key as a config file names it: the character itself ("a", "A", "?"), or a name ("space",
    /// "ctrl-b", "pgup", "shift-tab", "f5").
    package var configName: String {
        switch self {
        case .char(let c): c == " " ? "space" : String(c)
        case .up: "up"
        case .down: "down"
        case .left: "left"
        case .right: "right"
        case .backTab: "shift-tab"
        case .delete: "delete"
        case .insert: "insert"
        // The rest as the footer shows them, in lower case: "ctrl-b", "pgup", "esc", "f5".
        default: description.lowercased()
        }
    }

    /// The key a config names: one character, case and all, or a key's name in any case — its
    /// `configName` or the label the footer shows ("PgDn", "S-Tab", "↑"). Ctrl-I, -J, -M and -H are
    /// not keys of their own: terminals send them as Tab, Enter and Backspace.
    init?(configName name: String) {
        // Names first: "↑" is the up arrow, not a character to type.
        if let key = Self.named[name.lowercased()] {
            self = key
            return
        }
        if name.count == 1, let character = name.first, !character.isWhitespace, !character.isASCIIControl {
            self = .char(character)
            return
        }
        let lowered = name.lowercased()
        if lowered.hasPrefix("ctrl-"), lowered.count == 6, let letter = lowered.last, letter.isASCII, letter.isLetter,
           !"ijmh".contains(letter) {
            self = .ctrl(letter)
            return
        }
        return nil
    }

    private static let named: [String: Key] = {
        let keys: [Key] = [.char(" "), .up, .down, .left, .right, .pageUp, .pageDown, .home, .end, .enter, .escape,
                           .tab, .backTab, .backspace, .delete, .insert] + (1...12).map { .function($0) }
        var names: [String: Key] = [:]
        for key in keys {
            names[key.configName] = key
            names[key.description.lowercased()] = key
        }
        return names
    }()
}

extension Character {
    fileprivate var isASCIIControl: Bool { asciiValue.map { $0 < 0x20 || $0 == 0x7F } ?? false }
}

extension String {
    /// The string as a TOML basic string, for messages that show what to write: `"A"`, `"\""`.
    var quotedForConfig: String {
        "\"" + replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}

extension KeyBindings {
    /// Every command a config's `[keys]` can remap, with its keys in `table`, as Markdown: the defaults
    /// for the README's config section (a test keeps the README in step with this).
    package static func markdownCommandNames(_ table: KeyBindings = .standard) -> String {
        var lines = ["| command | default keys | what |", "|---|---|---|"]
        for (name, command) in Command.configurable {
            let keys = table.keys(for: command).map { "`\($0.configName == "|" ? "\\|" : $0.configName)`" }
            let help = all.first { $0.command == command }!.help
            lines.append("| `\(name)` | \(keys.joined(separator: " ")) | \(help) |")
        }
        return lines.joined(separator: "\n")
    }
}
