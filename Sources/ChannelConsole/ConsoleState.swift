import ChannelModel
import ChannelStore
import TerminalUI

/// Where a list pane is: selection, scroll, the filter typed with `/` and the sort.
public struct ListState: Sendable, Hashable {
    public var selected = 0
    public var offset = 0
    public var filter = ""
    /// Index into the pane's sortable columns; nil keeps the pane's natural order (the queue's triage order).
    public var sortColumn: Int?
    public var sortDescending = false

    public init() {}
}

/// What the keyboard is talking to right now.
public enum Mode: Sendable, Equatable {
    case normal
    /// Typing the focused pane's filter; Enter keeps it, Esc clears it.
    case filter(TextField)
    /// The `:` command line.
    case command(TextField)
    /// Choosing or typing the reason of a rejection for these registrations.
    case reject(RejectDialog)
    /// Typing the question of an info request.
    case requestInfo(ids: [String], field: TextField)
    /// A yes/no question before an action that deserves one (tier change, bulk decisions).
    case confirm(Confirmation)
    /// An MDF decision's dialog: the amount of an approval, a reason, a question, a claim.
    case funds(FundsDialog)
    /// The `?` overlay listing every binding.
    case help(offset: Int)
}

/// The reject dialog: canned reasons to pick from, the last entry a free-text one.
public struct RejectDialog: Sendable, Hashable {
    public var ids: [String]
    public var selected = 0
    public var custom = TextField(placeholder: "type a reason")

    public static let reasons = [
        "Direct sales already owns the account",
        "Another partner registered it first",
        "Duplicate registration",
        "Prospect does not fit the programme",
        "Insufficient information",
    ]

    public init(ids: [String]) { self.ids = ids }

    /// The free-text row follows the canned ones.
    public var isCustom: Bool { selected == RejectDialog.reasons.count }
    public var reason: String { isCustom ? custom.value : RejectDialog.reasons[selected] }
}

/// A question with the action that `y` performs.
public struct Confirmation: Sendable, Equatable {
    public var title: String
    public var lines: [String]
    public var action: ProgrammeAction

    public init(title: String, lines: [String], action: ProgrammeAction) {
        self.title = title
        self.lines = lines
        self.action = action
    }
}

/// A line in the status bar: a confirmation or an error.
public struct StatusMessage: Sendable, Hashable {
    public enum Kind: Sendable, Hashable { case info, success, error }
    public var text: String
    public var kind: Kind
    public init(_ text: String, _ kind: Kind = .info) {
        self.text = text
        self.kind = kind
    }
}

/// A registration another member changed while it was under this console's cursor (a catch-up
/// brought their decision). The cursor stays on it and it is marked, so nobody decides a row that
/// silently became another; decision keys on it are refused with `note` until the manager moves.
public struct HeldRegistration: Sendable, Equatable {
    public var id: String
    /// "ben rejected R-0000905 at 10:02".
    public var note: String
    /// The row's short mark: "ben: rejected".
    public var mark: String
    /// Its Queue row as it was, drawn where it stood (under the cursor) after it left the queue; nil
    /// while it is still listed, or when it is the open registration detail.
    public var row: QueueRow?

    public init(id: String, note: String, mark: String, row: QueueRow?) {
        self.id = id; self.note = note; self.mark = mark; self.row = row
    }
}

/// An action that can be undone with `u`: its compensating action and what to call it.
public struct UndoEntry: Sendable, Equatable {
    public var inverse: ProgrammeAction
    public var label: String
}

/// The console's whole UI state — a value, so every key's effect is an exact, testable state change.
/// The programme itself lives in the store; panes read it through `ConsoleData`.
public struct ConsoleState: Sendable, Equatable {
    public var width: Int
    public var height: Int
    public var focus: Pane = .queue
    public var lists: [Pane: ListState] = [.queue: ListState(), .partners: ListState(), .tiers: ListState(), .metrics: ListState(), .funds: ListState()]
    public var mode: Mode = .normal
    public var details: [Detail] = []
    /// Scroll position inside the open detail view (or its selected row, in list-like details).
    public var detailOffset = 0
    /// The open partner detail's sections and selections.
    public var partnerView = PartnerViewState()
    /// The Partners pane shows only partners that have not completed all five enablement items.
    public var notEnabledOnly = false
    /// Who is at the keyboard: the PostgreSQL role on a shared programme, else the config's actor or
    /// $USER — whose partners the Queue's "mine" view shows.
    public var actor = ""
    /// The Queue shows only registrations of partners `actor` owns.
    public var mineOnly = false
    public var marked: Set<String> = []
    /// The registration under the cursor that another member changed: kept there, marked, until the
    /// manager moves (HeldRow.swift).
    public var held: HeldRegistration?
    public var undo: [UndoEntry] = []
    /// The `:` lines of this session, for ↑/↓, and the Tab completion in progress.
    public var commandHistory = CommandHistory()
    public var completion: Completion?
    public var status: StatusMessage?
    public var period: Period
    public var quit = false
    /// `z`: the focused pane fills the screen even where the grid fits.
    public var zoomed = false
    /// The binding table keys are looked up in: the defaults, or as the config file remaps them.
    public var keyBindings = KeyBindings.standard

    public init(width: Int, height: Int, period: Period) {
        self.width = width
        self.height = height
        self.period = period
    }

    /// The 2×2 grid needs room for four useful tables; below that one pane shows at a time.
    public var isGrid: Bool { fitsGrid && !zoomed }
    public var fitsGrid: Bool { width >= 160 && height >= 40 }
    public var isTooSmall: Bool { width < 80 || height < 24 }

    public var list: ListState {
        get { lists[focus] ?? ListState() }
        set { lists[focus] = newValue }
    }

    /// A partner's detail is the view on top.
    public var inPartnerDetail: Bool {
        if case .partner? = details.last { return true }
        return false
    }

    /// What `/` edits: the open partner detail's section filter, else the focused pane's. Setting it
    /// starts the list over at its first row.
    public var filterText: String {
        get { inPartnerDetail ? partnerView.filter[partnerView.section] ?? "" : list.filter }
        set {
            if inPartnerDetail {
                partnerView.filter[partnerView.section] = newValue
                partnerView.selected[partnerView.section] = 0
                detailOffset = 0
            } else {
                list.filter = newValue
                list.selected = 0
                list.offset = 0
            }
        }
    }
}
