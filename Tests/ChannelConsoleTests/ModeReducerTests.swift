import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// The modes that take the keyboard: the `/` filter, the `:` command line, help, and quitting.
@Suite struct ModeReducerTests {
    static let commandPlaceholder = "approve R-…, reject R-… reason, period 2026-Q2, partner P-…, q"

    func filterField(_ value: String, _ pane: Pane = .queue) -> TextField { ConsoleReducer.filterField(value, fields: PaneRows.fields(pane)) }

    // MARK: / filter

    @Test func slashOpensTheFilterWithTheCurrentText() {
        var store = ConsoleStore()
        store.press(.char("/")) { $0.mode = .filter(filterField("")) }
        store = ConsoleStore { $0.focus = .partners; $0.lists[.partners]!.filter = "emea" }
        store.press(.char("/")) { $0.mode = .filter(filterField("emea", .partners)) }
    }

    @Test func eachCharacterUpdatesTheFilterAndResetsTheSelection() {
        var store = ConsoleStore()
        store.reach(.char("G"))
        store.press(.char("/")) { $0.mode = .filter(filterField("")) }
        store.press(.char("a")) {
            $0.lists[.queue]!.filter = "a"
            $0.lists[.queue]!.selected = 0
            $0.mode = .filter(filterField("a"))
        }
        store.press(.char("t")) {
            $0.lists[.queue]!.filter = "at"
            $0.mode = .filter(filterField("at"))
        }
        // Letters that are bindings elsewhere are text here.
        for (typed, text) in [("l", "atl"), ("a", "atla"), ("s", "atlas")] {
            store.press(.char(Character(typed))) {
                $0.lists[.queue]!.filter = text
                $0.mode = .filter(filterField(text))
            }
        }
        #expect(PaneRows.visible(.queue, in: store.state, store.data).map { store.data.queue[$0].id } == ["R-0000010", "R-0000649"])
    }

    /// Backspace deletes the last character and leaves the cursor at the end (fixed in 67e845a: the
    /// cursor used to move twice, to -1 on an empty field, and the next character crashed).
    @Test func backspaceInTheFilterKeepsTheCursorAtTheEnd() {
        var store = ConsoleStore { $0.mode = .filter(ConsoleReducer.filterField("atlas", fields: PaneRows.fields(.queue))) }
        store.press(.backspace) {
            $0.lists[.queue]!.filter = "atla"
            $0.mode = .filter(filterField("atla"))
        }
        store.state.mode = .command(TextField(value: "q", placeholder: Self.commandPlaceholder))
        store.press(.backspace) { $0.mode = .command(TextField(value: "", placeholder: Self.commandPlaceholder)) }
        // Typing into the emptied field works.
        store.press(.char("u")) { $0.mode = .command(TextField(value: "u", placeholder: Self.commandPlaceholder)) }
    }

    @Test func typingResetsTheScrollOffsetToo() {
        var store = ConsoleStore {
            $0.focus = .partners
            $0.lists[.partners]!.selected = 50
            $0.lists[.partners]!.offset = 20
            $0.mode = .filter(ConsoleReducer.filterField("", fields: PaneRows.fields(.partners)))
        }
        store.press(.char("p")) {
            $0.lists[.partners]!.filter = "p"
            $0.lists[.partners]!.selected = 0
            $0.lists[.partners]!.offset = 0
            $0.mode = .filter(filterField("p", .partners))
        }
    }

    @Test func enterKeepsTheFilterAndEscapeClearsIt() {
        var store = ConsoleStore()
        store.reach(.char("/"))
        store.type("atlas")
        store.press(.enter) { $0.mode = .normal }
        #expect(store.state.list.filter == "atlas")
        store.press(.char("/")) { $0.mode = .filter(filterField("atlas")) }
        store.press(.escape) {
            $0.lists[.queue]!.filter = ""
            $0.mode = .normal
        }
    }

    @Test func keysTheFieldDoesNotEditAreIgnoredInTheFilter() {
        var store = ConsoleStore { $0.mode = .filter(TextField(value: "at", placeholder: "filter")) }
        store.press(.down)
        store.press(.tab)
        store.press(.pageDown)
    }

    @Test func theFilterBelongsToTheFocusedPane() {
        var store = ConsoleStore { $0.focus = .tiers }
        store.reach(.char("/"))
        store.press(.char("u")) {
            $0.lists[.tiers]!.filter = "u"
            $0.mode = .filter(filterField("u", .tiers))
        }
        #expect(store.state.lists[.queue]!.filter == "")
    }

    // MARK: : command line

    @Test func colonOpensTheCommandLineAndTypingEditsIt() {
        var store = ConsoleStore()
        store.press(.char(":")) { $0.mode = .command(TextField(placeholder: Self.commandPlaceholder)) }
        store.press(.char("q")) { $0.mode = .command(TextField(value: "q", placeholder: Self.commandPlaceholder)) }
        store.press(.char("x")) { $0.mode = .command(TextField(value: "qx", placeholder: Self.commandPlaceholder)) }
        store.press(.escape) { $0.mode = .normal }
    }

    /// Types `text` on the command line and returns the store just before Enter.
    func commandLine(_ text: String, _ setup: (inout ConsoleState) -> Void = { _ in }) -> ConsoleStore {
        let store = ConsoleStore.onCommandLine(text, setup)
        #expect(store.state.mode == .command(TextField(value: text, placeholder: Self.commandPlaceholder)))
        return store
    }

    @Test func commandApprove() {
        var store = commandLine("approve r-0000905")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["approve r-0000905"])
        }, effects: [.perform(.approve(registrationID: "R-0000905"))])
        store = commandLine("a R-0000905 R-0000010")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["a R-0000905 R-0000010"])
        },
                    effects: [.perform(.batch([.approve(registrationID: "R-0000905"), .approve(registrationID: "R-0000010")]))])
        store = commandLine("approve")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["approve"])
            $0.mode = .normal
            $0.status = StatusMessage("usage: :approve R-0000012 [R-… …]", .error)
        }
    }

    @Test func commandReject() {
        var store = commandLine("reject R-0000907 Direct owns it")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["reject R-0000907 Direct owns it"])
        },
                    effects: [.perform(.reject(registrationID: "R-0000907", reason: "Direct owns it"))])
        store = commandLine("reject R-0000907")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["reject R-0000907"])
            $0.mode = .normal
            $0.status = StatusMessage("usage: :reject R-0000012 reason text", .error)
        }
    }

    @Test func commandInfo() {
        var store = commandLine("info R-0000901 Who is the buyer?")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["info R-0000901 Who is the buyer?"])
        },
                    effects: [.perform(.requestInfo(registrationID: "R-0000901", question: "Who is the buyer?"))])
        store = commandLine("i R-0000901")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["i R-0000901"])
        }, effects: [.perform(.requestInfo(registrationID: "R-0000901", question: ""))])
        store = commandLine("info")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["info"])
            $0.mode = .normal
            $0.status = StatusMessage("usage: :info R-0000012 [question]", .error)
        }
    }

    @Test func commandExtend() {
        var store = commandLine("extend R-0000001")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["extend R-0000001"])
        }, effects: [.perform(.extend(registrationID: "R-0000001"))])
        store = commandLine("extend")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["extend"])
            $0.mode = .normal
            $0.status = StatusMessage("usage: :extend R-0000012", .error)
        }
    }

    @Test func commandPartnerOpensAnExistingPartner() {
        var store = commandLine("partner p-00038")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["partner p-00038"])
            $0.mode = .normal
            $0.details = [.partner("P-00038")]
        }
        store = commandLine("partner P-99999")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["partner P-99999"])
            $0.mode = .normal
            $0.status = StatusMessage("usage: :partner P-00012 (an existing partner id)", .error)
        }
    }

    @Test func commandRegistrationOpensAnyRegistration() {
        var store = commandLine("reg R-0000905") { $0.detailOffset = 3; $0.details = [.partner("P-00050")] }
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["reg R-0000905"])
            $0.mode = .normal
            $0.details = [.partner("P-00050"), .registration("R-0000905")]
            $0.detailOffset = 0
        }
        store = commandLine("registration R-9")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["registration R-9"])
            $0.mode = .normal
            $0.status = StatusMessage("usage: :registration R-0000012 (an existing registration id)", .error)
        }
    }

    @Test func commandConcentrationOpensTheDrillDownOverTheMetrics() {
        var store = commandLine("concentration") { $0.details = [.partner("P-00038")]; $0.detailOffset = 2 }
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["concentration"])
            $0.mode = .normal
            $0.focus = .metrics
            $0.details = [.concentration]
            $0.detailOffset = 0
        }
        store = commandLine("conc")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["conc"])
            $0.mode = .normal
            $0.focus = .metrics
            $0.details = [.concentration]
        }
    }

    @Test func commandPeriodShowsTheMetricsForIt() {
        var store = commandLine("period 2026-q2") { $0.details = [.partner("P-00038")] }
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["period 2026-q2"])
            $0.mode = .normal
            $0.period = Period(quarter: "2026-Q2")!
            $0.focus = .metrics
            $0.details = []
        }
        store = commandLine("period 2026-01-15..2026-03-31")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["period 2026-01-15..2026-03-31"])
            $0.mode = .normal
            $0.period = Period(from: Day(parsing: "2026-01-15")!, to: Day(parsing: "2026-03-31")!)
            $0.focus = .metrics
        }
        for bad in ["period", "period 2026-Q5", "period 2026-03-31..2026-01-01"] {
            store = commandLine(bad)
            store.press(.enter) {
                $0.commandHistory = CommandHistory(lines: [bad])
                $0.mode = .normal
                $0.status = StatusMessage("usage: :period 2026-Q2, or period 2026-04-01..2026-06-30", .error)
            }
        }
    }

    @Test func commandUndo() {
        // With nothing of the session's to undo, the store is asked for an earlier change.
        var store = commandLine("undo")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["undo"])
        }, effects: [.lookUpLastUndoable])
        let inverse = ProgrammeAction.restoreTier(partnerID: "P-00003", tier: "registered", undoing: 7)
        store = commandLine("u") { $0.undo = [UndoEntry(inverse: inverse, label: "P-00003 is now silver")] }
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["u"])
        }, effects: [.perform(inverse)])
    }

    @Test func commandHelpAndQuit() {
        var store = commandLine("help")
        store.press(.enter) {
            $0.mode = .help(offset: 0)
            $0.commandHistory = CommandHistory(lines: ["help"])
        }
        for quit in ["q", "quit", "exit"] {
            store = commandLine(quit)
            store.press(.enter) {
                $0.commandHistory = CommandHistory(lines: [quit])
                $0.mode = .normal
                $0.quit = true
            }
        }
    }

    @Test func unknownCommandSaysSoAndListsTheCommands() {
        var store = commandLine("frobnicate now")
        store.press(.enter) {
            $0.commandHistory = CommandHistory(lines: ["frobnicate now"])
            $0.mode = .normal
            $0.status = StatusMessage("unknown command \"frobnicate\" — " + ChannelConsole.CommandLine.help, .error)
        }
        #expect(ChannelConsole.CommandLine.help.hasPrefix("commands: approve ID…"))
        // An empty command line just closes.
        store = commandLine("")
        store.press(.enter) { $0.mode = .normal }
    }

    // MARK: ? help, q, ctrl-c

    @Test func questionMarkOpensHelpWhichScrollsAndAnyOtherKeyCloses() {
        var store = ConsoleStore()
        store.press(.char("?")) { $0.mode = .help(offset: 0) }
        store.press(.char("j")) { $0.mode = .help(offset: 1) }
        store.press(.down) { $0.mode = .help(offset: 2) }
        store.press(.char("k")) { $0.mode = .help(offset: 1) }
        store.press(.up) { $0.mode = .help(offset: 0) }
        store.press(.up)
        store.press(.pageDown) { $0.mode = .help(offset: 10) }
        store.press(.pageUp) { $0.mode = .help(offset: 0) }
        // q closes help rather than quitting; so does any key.
        store.press(.char("q")) { $0.mode = .normal }
        for key: Key in [.escape, .enter, .char("x"), .char("?"), .tab] {
            store.state.mode = .help(offset: 3)
            store.press(key) { $0.mode = .normal }
        }
    }

    @Test func qQuits() {
        var store = ConsoleStore()
        store.press(.char("q")) { $0.quit = true }
        store = ConsoleStore { $0.details = [.registration("R-0000010")] }
        store.press(.char("q")) { $0.quit = true }
    }

    @Test func ctrlCQuitsFromEveryMode() {
        let modes: [Mode] = [.normal, .filter(TextField(value: "at")), .command(TextField(value: "appr")),
                             .reject(RejectDialog(ids: ["R-0000010"])), .requestInfo(ids: ["R-0000010"], field: TextField()),
                             .confirm(Confirmation(title: "?", lines: [], action: .approve(registrationID: "R-0000010"))),
                             .help(offset: 2)]
        for mode in modes {
            var store = ConsoleStore { $0.mode = mode }
            store.press(.ctrl("c")) { $0.quit = true }
        }
    }

    @Test func qIsTextInsideTextModes() {
        var store = ConsoleStore { $0.mode = .filter(TextField(value: "", placeholder: "filter")) }
        store.press(.char("q")) {
            $0.lists[.queue]!.filter = "q"
            $0.mode = .filter(TextField(value: "q", placeholder: "filter"))
        }
    }
}
