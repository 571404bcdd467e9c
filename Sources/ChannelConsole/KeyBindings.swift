import ChannelModel
import TerminalUI

/// Something a key can ask the console to do.
public enum Command: Sendable, Hashable {
    case quit, help, nextPane, previousPane, focus(Pane)
    case up, down, pageUp, pageDown, top, bottom
    case drill, back, filter, commandLine
    case approve, reject, requestInfo, extend, toggleMark, approveMarked, rejectMarked, requestInfoMarked, undo
    case nextQueued, previousQueued, nextConflict
    case zoom, copyID
    case sort, reverseSort
    case applyTier, openPartner
    case previousPeriod, nextPeriod
    case nextSection, previousSection, advanceCommission, toggleEnabledFilter
    /// The Queue's "mine" view: only registrations of partners the console's actor owns.
    case toggleMine
    /// MDF decisions on the selected request (Funds pane or an MDF request's detail).
    case approveFunds, rejectFunds, requestFundsInfo, recordClaim, payClaim
}

/// Where a binding applies. More specific scopes are looked up first.
public enum Scope: Sendable, Hashable, CaseIterable {
    /// Deciding a registration: the Queue pane's selected row, or the open registration detail.
    case decide
    /// The Queue pane's own keys (marking and bulk decisions).
    case queue
    /// A registration's detail view.
    case registration
    case partners
    case tiers
    case metrics
    /// The Funds pane and an MDF request's detail: the MDF decisions.
    case funds
    /// The concentration drill-down.
    case concentration
    /// A partner's detail view.
    case partnerDetail
    /// Any detail view.
    case detail
    /// The four panes (not the detail views).
    case panes
    /// Everything that shows a list or scrolls.
    case navigation
    case global

    var title: String {
        switch self {
        case .decide: return "Deciding (Queue and registration detail)"
        case .queue: return "Queue"
        case .registration: return "Registration detail"
        case .panes: return "Panes"
        case .partners: return "Partners"
        case .tiers: return "Tiers"
        case .metrics: return "Metrics"
        case .funds: return "Funds (the pane and an MDF request's detail)"
        case .concentration: return "Concentration"
        case .partnerDetail: return "Partner detail"
        case .detail: return "Detail views"
        case .navigation: return "Moving"
        case .global: return "Everywhere"
        }
    }
}

/// One key binding: the single source for the handler, the footer hint and the `?` help line.
public struct Binding: Sendable {
    public var keys: [Key]
    public var scope: Scope
    public var command: Command
    /// Short footer label, e.g. "approve"; nil keeps it out of the footer.
    public var hint: String?
    public var help: String
    /// When the binding applies within its scope (a partner detail's `c` only on its Commissions
    /// section, `r` only on a registration that can still be rejected); a key that does not apply
    /// falls through, and neither the footer nor `?` offers it.
    public var applies: @Sendable (ConsoleState, ConsoleData) -> Bool

    init(_ keys: [Key], _ scope: Scope, _ command: Command, hint: String? = nil, _ help: String,
         when applies: @escaping @Sendable (ConsoleState, ConsoleData) -> Bool = { _, _ in true }) {
        self.keys = keys
        self.scope = scope
        self.command = command
        self.hint = hint
        self.help = help
        self.applies = applies
    }

    /// "j/↓", as the footer and help show the keys.
    public var keyLabel: String { keys.map(\.description).joined(separator: "/") }
}

/// The console's key bindings (lazygit-style: one table feeds handlers, footer and help). `all` is the
/// default table; a config file's `[keys]` gives a remapped one (`init(remapping:)`, KeyRemap.swift),
/// made once and held in `ConsoleState.keyBindings`, so each lookup below reads the table of the state
/// it is asked about and the handler, footer, `?` and `channeldesk keys` cannot disagree.
public struct KeyBindings: Sendable {
    /// The table in force: `all`, with the remapped commands' keys replaced.
    public let bindings: [Binding]
    /// The keys the config gave commands (empty for the defaults); the table is a function of it.
    package let remap: KeyMap

    /// The default table.
    public static let standard = KeyBindings(bindings: all, remap: [:])

    public static let all: [Binding] = [
        Binding([.char("a")], .decide, .approve, hint: "approve", "Approve the selected registration (asks first when it conflicts)",
                when: selection(accepts: .approve)),
        Binding([.char("r")], .decide, .reject, hint: "reject", "Reject the selected registration (pick or type a reason)",
                when: selection(accepts: .reject)),
        Binding([.char("i")], .decide, .requestInfo, hint: "info", "Ask the partner for more information (pauses the SLA)",
                when: selection(accepts: .requestInfo)),
        Binding([.char("p")], .decide, .openPartner, "Open the registration's partner",
                when: { ConsoleReducer.selectedRegistration($0, $1) != nil }),
        Binding([.char("e")], .registration, .extend, hint: "extend", "Extend an approved registration's protection by 30 days",
                when: selection(accepts: .extend)),
        Binding([.char(" ")], .queue, .toggleMark, hint: "mark", "Mark or unmark the selected registration"),
        Binding([.char("A")], .queue, .approveMarked, hint: "approve marked", "Approve every marked registration"),
        Binding([.char("R")], .queue, .rejectMarked, "Reject every marked registration"),
        Binding([.char("I")], .queue, .requestInfoMarked, "Ask the partners of every marked pending registration for more information"),
        Binding([.char("J")], .registration, .nextQueued, hint: "next", "Next registration of the queue, without going back"),
        Binding([.char("K")], .registration, .previousQueued, "Previous registration of the queue"),
        Binding([.char("c"), .tab], .registration, .nextConflict, hint: "conflict", "Open the registration it conflicts with (again: the next one); Esc comes back",
                when: { state, data in
                    guard case .registration(let id)? = state.details.last else { return false }
                    return !TriageController.conflictingRegistrations(id, data).isEmpty
                }),
        Binding([.char("s")], .partners, .sort, hint: "sort", "Sort by the next column (after the last: the pane's own order)"),
        Binding([.char("S")], .partners, .reverseSort, "Reverse the sort"),
        Binding([.char("s")], .queue, .sort, hint: "sort", "Sort by the next column (after the last: triage order again)"),
        Binding([.char("S")], .queue, .reverseSort, "Reverse the sort"),
        Binding([.char("M")], .queue, .toggleMine,
                "Show only registrations of partners you own (your login or role); again: all"),
        Binding([.char("s")], .tiers, .sort, hint: "sort", "Sort by the next column (after the last: the ladder again)"),
        Binding([.char("S")], .tiers, .reverseSort, "Reverse the sort"),
        Binding([.char("E")], .partners, .toggleEnabledFilter, hint: "not enabled", "Show only partners not fully enabled (toggle)"),
        Binding([.tab, .right], .partnerDetail, .nextSection, hint: "section", "Next section"),
        Binding([.backTab, .left], .partnerDetail, .previousSection, "Previous section"),
        Binding([.char("s")], .partnerDetail, .sort, hint: "sort", "Sort the section's table",
                when: { state, _ in !state.partnerView.section.sortOrders.isEmpty }),
        Binding([.char("e")], .partnerDetail, .extend, hint: "extend", "Extend the selected (or marked) approved registrations' protection",
                when: { state, data in
                    state.partnerView.section == .registrations
                        && (!TriageController.markedRegistrations(state, data).isEmpty || selection(accepts: .extend)(state, data))
                }),
        Binding([.char("c")], .partnerDetail, .advanceCommission, hint: "advance", "Advance the selected (or marked) commissions: accrued → approved → paid",
                when: { state, _ in state.partnerView.section == .commissions }),
        Binding([.char(" ")], .partnerDetail, .toggleMark, hint: "mark", "Mark or unmark a commission line, or an approved registration to extend",
                when: { state, _ in state.partnerView.section == .commissions || state.partnerView.section == .registrations }),
        Binding([.char("/")], .partnerDetail, .filter, hint: "filter", "Filter the section's rows as you type (status:approved, domain:…); Esc clears",
                when: { state, _ in state.partnerView.section.isFilterable }),
        Binding([.char("[")], .concentration, .previousPeriod, hint: "prev quarter", "Show the previous quarter"),
        Binding([.char("]")], .concentration, .nextPeriod, hint: "next quarter", "Show the next quarter"),
        Binding([.char("t")], .tiers, .applyTier, hint: "apply", "Apply the selected tier proposal (asks first)"),
        Binding([.char("[")], .metrics, .previousPeriod, hint: "prev quarter", "Show the previous quarter"),
        Binding([.char("]")], .metrics, .nextPeriod, hint: "next quarter", "Show the next quarter"),
        Binding([.char("a")], .funds, .approveFunds, hint: "approve", "Approve the selected MDF request: the amount is prefilled with min(requested, balance) and can be edited",
                when: FundsController.selection(\.awaitsDecision)),
        Binding([.char("r")], .funds, .rejectFunds, hint: "reject", "Reject the selected MDF request, or the claim under review, with a reason",
                when: FundsController.selection { $0.awaitsDecision || $0.awaitsSettlement }),
        Binding([.char("i")], .funds, .requestFundsInfo, hint: "info", "Ask the partner for more on the selected MDF request (pauses the approval window)",
                when: FundsController.selection(\.acceptsInfoRequest)),
        Binding([.char("c")], .funds, .recordClaim, hint: "claim", "Record the partner's claim on an approved MDF request (amount and proof)",
                when: FundsController.selection(\.acceptsClaim)),
        Binding([.char("p")], .funds, .payClaim, hint: "pay", "Pay the selected claim: min(claimed, approved) (asks first)",
                when: FundsController.selection(\.awaitsSettlement)),
        Binding([.char("k"), .up], .navigation, .up, "Move up"),
        Binding([.char("j"), .down], .navigation, .down, "Move down"),
        Binding([.pageUp, .ctrl("b")], .navigation, .pageUp, "Page up"),
        Binding([.pageDown, .ctrl("f")], .navigation, .pageDown, "Page down"),
        Binding([.char("g"), .home], .navigation, .top, "First row"),
        Binding([.char("G"), .end], .navigation, .bottom, "Last row"),
        Binding([.enter, .char("l")], .navigation, .drill, hint: "open", "Open the selected item (on Metrics: the concentration drill-down)",
                when: { state, _ in
                    if case .partner? = state.details.last { return state.partnerView.section == .registrations }
                    return true
                }),
        Binding([.escape, .char("h")], .detail, .back, hint: "back", "Go back"),
        Binding([.char("/")], .panes, .filter, hint: "filter",
                "Filter the list as you type, ignoring case and accents; field terms such as tier:gold conflict:partner owner:amara region:emea status:info narrow it further (Esc clears)"),
        Binding([.char("z")], .panes, .zoom, hint: "zoom", "Zoom the focused pane to the whole screen (again: back to the grid)",
                when: { state, _ in state.fitsGrid }),
        Binding([.char("y")], .global, .copyID, "Copy the selected id to the clipboard (OSC 52: works in tmux and over SSH)",
                when: { state, data in ConsoleReducer.selectedID(state, data) != nil }),
        Binding([.char(":")], .global, .commandLine, "Command line: approve ID…, reject ID REASON, period 2026-Q2, partner ID, q (↑↓ recall, Tab completes)"),
        Binding([.char("u")], .global, .undo, hint: "undo", "Undo the last change (a compensating change: history is kept); then your earlier ones, even from before a restart, asked first"),
        // Tab in a detail view stays inside it (sections, conflicts), never throwing the view away.
        Binding([.tab], .global, .nextPane, "Next pane", when: { state, _ in state.details.isEmpty }),
        Binding([.backTab], .global, .previousPane, "Previous pane", when: { state, _ in state.details.isEmpty }),
        Binding([.char("1")], .global, .focus(.queue), "Queue"),
        Binding([.char("2")], .global, .focus(.partners), "Partners"),
        Binding([.char("3")], .global, .focus(.tiers), "Tiers"),
        Binding([.char("4")], .global, .focus(.metrics), "Metrics"),
        Binding([.char("5")], .global, .focus(.funds), "Funds"),
        Binding([.char("?")], .global, .help, hint: "help", "Show every key binding"),
        Binding([.char("q"), .ctrl("c")], .global, .quit, hint: "quit", "Quit"),
    ]

    /// The scopes active for `state`, most specific first.
    static func scopes(for state: ConsoleState) -> [Scope] { scopes(showing: state.details.last, on: state.focus) }

    /// The scopes active while `detail` is open (nil: the `focus` pane shows), most specific first.
    static func scopes(showing detail: Detail?, on focus: Pane) -> [Scope] {
        var scopes: [Scope] = []
        switch detail {
        case .registration?: scopes += [.decide, .registration, .detail]
        case .partner?: scopes += [.partnerDetail, .detail]
        case .concentration?: scopes += [.concentration, .detail]
        case .mdfRequest?: scopes += [.funds, .detail]
        case nil:
            switch focus {
            case .queue: scopes += [.decide, .queue]
            case .partners: scopes.append(.partners)
            case .tiers: scopes.append(.tiers)
            case .metrics: scopes.append(.metrics)
            case .funds: scopes.append(.funds)
            }
            scopes.append(.panes)
        }
        return scopes + [.navigation, .global]
    }

    /// A condition: the registration under the cursor accepts `decision`.
    static func selection(accepts decision: RegistrationDecision) -> @Sendable (ConsoleState, ConsoleData) -> Bool {
        { state, data in
            ConsoleReducer.selectedRegistration(state, data).flatMap(data.programme.registration)?
                .accepts(decision, policy: data.programme.policy) ?? false
        }
    }

    /// The binding `key` means in `state`, if any.
    public static func binding(for key: Key, in state: ConsoleState, _ data: ConsoleData) -> Binding? {
        for scope in scopes(for: state) {
            if let binding = state.keyBindings.bindings.first(where: { $0.scope == scope && $0.keys.contains(key) && $0.applies(state, data) }) { return binding }
        }
        return nil
    }

    /// The command `key` means in `state`, if any.
    public static func command(for key: Key, in state: ConsoleState, _ data: ConsoleData) -> Command? {
        binding(for: key, in: state, data)?.command
    }

    /// Whether `binding` is offered in `state`: the footer and `?` leave out a key of the current view
    /// whose condition fails (another view's keys are listed as they are).
    static func isOffered(_ binding: Binding, in state: ConsoleState, _ data: ConsoleData) -> Bool {
        !scopes(for: state).contains(binding.scope) || binding.applies(state, data)
    }

    /// Footer hints for `state`: "a approve  r reject …".
    public static func hints(for state: ConsoleState, _ data: ConsoleData) -> [(key: String, label: String)] {
        let active = scopes(for: state)
        return state.keyBindings.bindings.filter { active.contains($0.scope) && $0.hint != nil && $0.applies(state, data) }
            .sorted { active.firstIndex(of: $0.scope)! < active.firstIndex(of: $1.scope)! }
            .map { ($0.keys[0] == .char(" ") ? "space" : $0.keys[0].description, $0.hint!) }
    }
}

extension KeyBindings {
    /// The binding table as Markdown: the defaults for the README (a test keeps the README in step with
    /// this), or a remapped table for `channeldesk keys`.
    public static func markdownTable(_ table: KeyBindings = .standard) -> String {
        var lines = ["| keys | where | what |", "|---|---|---|"]
        for scope in Scope.allCases {
            for binding in table.bindings where binding.scope == scope {
                let keys = binding.keys.map { $0 == .char(" ") ? "space" : $0.description }
                    .map { "`\($0 == "|" ? "\\|" : $0)`" }.joined(separator: " ")
                lines.append("| \(keys) | \(scope.title) | \(binding.help) |")
            }
        }
        return lines.joined(separator: "\n")
    }
}
