@testable import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation
import TerminalUI
import Testing

/// The `:` line's history (↑/↓ through this session's lines, as in a shell) and its Tab completion
/// (verbs from the grammar, then ids from the programme), key by key.
@Suite struct CommandLineMemoryReducerTests {
    static let placeholder = "approve R-…, reject R-… reason, period 2026-Q2, partner P-…, q"

    func field(_ value: String) -> TextField { TextField(value: value, placeholder: Self.placeholder) }

    /// The store with `text` typed on a freshly opened `:` line.
    func commandLine(_ text: String, history: [String] = []) -> ConsoleStore {
        ConsoleStore.onCommandLine(text) { $0.commandHistory = CommandHistory(lines: history) }
    }

    // MARK: History

    @Test func submittedLinesAreKeptOnceInOrderAndBlankOnesNot() {
        var store = commandLine("approve r-0000905")
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["approve r-0000905"])
        }, effects: [.perform(.approve(registrationID: "R-0000905"))])
        // The same line again is not stored twice; a refused line is stored (to fix it with ↑).
        store.reach(.char(":"))
        store.type("approve r-0000905")
        store.press(.enter, { $0.mode = .normal }, effects: [.perform(.approve(registrationID: "R-0000905"))])
        store.reach(.char(":"))
        store.type("frobnicate")
        store.press(.enter) {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["approve r-0000905", "frobnicate"])
            $0.status = StatusMessage("unknown command \"frobnicate\" — " + ChannelConsole.CommandLine.help, .error)
        }
        store.reach(.char(":"))
        store.type("   ")
        store.press(.enter) { $0.mode = .normal }
    }

    @Test func theHistoryIsBounded() {
        var history = CommandHistory()
        for n in 0..<(CommandHistory.limit + 5) { history.record("period 2026-Q\(n % 4 + 1) #\(n)") }
        #expect(history.lines.count == CommandHistory.limit)
        #expect(history.lines.first == "period 2026-Q2 #5")
        #expect(history.lines.last == "period 2026-Q\((CommandHistory.limit + 4) % 4 + 1) #\(CommandHistory.limit + 4)")
    }

    @Test func upWalksBackNewestFirstAndDownPastTheNewestGivesBackWhatWasTyped() {
        var store = commandLine("ext", history: ["approve R-0000905", "partner P-00038"])
        store.press(.up) {
            $0.mode = .command(field("partner P-00038"))
            $0.commandHistory.position = 0
            $0.commandHistory.draft = "ext"
        }
        store.press(.up) {
            $0.mode = .command(field("approve R-0000905"))
            $0.commandHistory.position = 1
        }
        // At the oldest line ↑ stays.
        store.press(.up)
        store.press(.down) {
            $0.mode = .command(field("partner P-00038"))
            $0.commandHistory.position = 0
        }
        store.press(.down) {
            $0.mode = .command(field("ext"))
            $0.commandHistory.position = nil
            $0.commandHistory.draft = ""
        }
        // Not walking, ↓ does nothing; with no history neither does ↑.
        store.press(.down)
        store = commandLine("ext")
        store.press(.up)
    }

    @Test func editingARecalledLineMakesItOwnAndEnterRunsIt() {
        var store = commandLine("", history: ["approve R-0000905", "partner P-00038"])
        store.reach(.up, .up)
        store.press(.backspace) {
            $0.mode = .command(field("approve R-000090"))
            $0.commandHistory.position = nil
            $0.commandHistory.draft = ""
        }
        store.press(.char("7")) { $0.mode = .command(field("approve R-0000907")) }
        // ↑ starts again from the newest, remembering the edited line as the draft.
        store.press(.up) {
            $0.mode = .command(field("partner P-00038"))
            $0.commandHistory.position = 0
            $0.commandHistory.draft = "approve R-0000907"
        }
        store.press(.down) {
            $0.mode = .command(field("approve R-0000907"))
            $0.commandHistory.position = nil
            $0.commandHistory.draft = ""
        }
        store.press(.enter, {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["approve R-0000905", "partner P-00038", "approve R-0000907"])
        }, effects: [.perform(.approve(registrationID: "R-0000907"))])
    }

    @Test func completingARecalledLineEndsTheWalk() {
        var store = commandLine("", history: ["approve r-000090"])
        store.reach(.up)
        store.press(.tab) {
            $0.mode = .command(field("approve R-000090"))
            $0.commandHistory.position = nil
            $0.commandHistory.draft = ""
            $0.completion = Completion(head: "approve ", tail: "", candidates: (0...7).map { "R-000090\($0)" }, total: 8,
                                       noun: "registration", word: "r-000090", shown: nil, line: "approve R-000090")
        }
    }

    @Test func escapeEndsTheWalkAndTheNextOpeningStartsAtTheNewest() {
        var store = commandLine("", history: ["approve R-0000905"])
        store.reach(.up)
        store.press(.escape) {
            $0.mode = .normal
            $0.commandHistory.position = nil
        }
        store.press(.char(":")) { $0.mode = .command(field("")) }
        store.press(.up) {
            $0.mode = .command(field("approve R-0000905"))
            $0.commandHistory.position = 0
        }
    }

    @Test func theHistoryOutlivesTheSessionInItsFile() throws {
        let file = try RestartUndoTests.ProgrammeFile()
        let history = CommandHistoryFile(path: file.directory.appendingPathComponent("state/channeldesk/history").path)
        try file.session("alice") { runtime in
            runtime.historyFile = history
            for key in [Key.char(":")] + "partner P-00038".map(Key.char) + [.enter] { runtime.handle(.key(key)) }
        }
        #expect(history.load() == ["partner P-00038"])
        try file.session("alice") { runtime in
            runtime.historyFile = history
            runtime.handle(.key(.char(":")))
            runtime.handle(.key(.up))
            #expect(runtime.state.mode == .command(field("partner P-00038")))
        }
    }

    // MARK: Tab completion

    @Test func aUniqueVerbCompletesWithTheSpaceTheArgumentNeeds() {
        var store = commandLine("app")
        store.press(.tab) { $0.mode = .command(field("approve ")) }
        store = commandLine("CONC")
        store.press(.tab) { $0.mode = .command(field("concentration ")) }
    }

    @Test func severalVerbsListTheCandidatesAndTabCyclesThem() {
        var store = commandLine("re")
        let completion = Completion(head: "", tail: "", candidates: ["registration", "reject"], total: 2, noun: "command",
                                    word: "re", shown: nil, line: "re")
        store.press(.tab) { $0.completion = completion }
        store.press(.tab) {
            $0.mode = .command(field("registration"))
            $0.completion!.shown = 0
            $0.completion!.line = "registration"
        }
        store.press(.tab) {
            $0.mode = .command(field("reject"))
            $0.completion!.shown = 1
            $0.completion!.line = "reject"
        }
        store.press(.tab) {
            $0.mode = .command(field("registration"))
            $0.completion!.shown = 0
            $0.completion!.line = "registration"
        }
        // Typing ends the completion; the next Tab completes the line as it now is.
        store.press(.char(" ")) {
            $0.mode = .command(field("registration "))
            $0.completion = nil
        }
    }

    @Test func theVerbsAreTheGrammars() {
        var store = commandLine("")
        store.press(.tab) {
            $0.completion = Completion(head: "", tail: "", candidates: CommandVerb.allCases.map(\.rawValue).sorted(),
                                       total: CommandVerb.allCases.count, noun: "command", word: "", shown: nil, line: "")
        }
        for verb in CommandVerb.allCases {
            do {
                _ = try CommandGrammar.parse(verb.rawValue, extensionDays: 30)
            } catch {
                if case .unknownCommand = error { Issue.record("the grammar does not know its own verb \(verb)") }
            }
        }
    }

    @Test func nothingMatchingSaysSoInTheFooter() {
        var store = commandLine("approve X-")
        let completion = Completion(head: "approve ", tail: "", candidates: [], total: 0, noun: "registration", word: "X-",
                                    shown: nil, line: "approve X-")
        store.press(.tab) { $0.completion = completion }
        // Again: still nothing, nothing cycles.
        store.press(.tab)
        let footer = ConsoleView.render(store.state, store.data).textLines().last ?? ""
        #expect(footer.contains("Tab no registration starts with “X-”"), "\(footer)")
        // A reason has nothing to complete.
        store = commandLine("reject R-0000905 Dup")
        store.press(.tab)
    }

    @Test func registrationIdsCompleteInAnyCaseToTheCommonPrefixThenUniquely() {
        var store = commandLine("approve r-000090")
        let ids = (0...7).map { "R-000090\($0)" }
        store.press(.tab) {
            $0.mode = .command(field("approve R-000090"))
            $0.completion = Completion(head: "approve ", tail: "", candidates: ids, total: 8, noun: "registration",
                                       word: "r-000090", shown: nil, line: "approve R-000090")
        }
        let footer = ConsoleView.render(store.state, store.data).textLines().last ?? ""
        #expect(footer.contains("R-0000900") && footer.contains("R-0000907"), "every candidate fits at 120 columns: \(footer)")
        store.press(.char("5")) {
            $0.mode = .command(field("approve R-0000905"))
            $0.completion = nil
        }
        // The next id after a comma, and a unique one finished with a space.
        store.type(",r-000090")
        store.press(.backspace) { $0.mode = .command(field("approve R-0000905,r-00009")) }
        store.type("07")
        store.press(.tab) { $0.mode = .command(field("approve R-0000905,R-0000907 ")) }
        store = commandLine("info r-0000905")
        store.press(.tab) { $0.mode = .command(field("info R-0000905 ")) }
    }

    @Test func manyIdsShowTheFirstAndHowManyMore() throws {
        var store = commandLine("registration R-")
        store.reach(.tab)
        let completion = try #require(store.state.completion)
        #expect(completion.total == 907 && completion.candidates.count == CommandCompletion.limit)
        #expect(store.state.mode == .command(field("registration R-0000")))
        let footer = ConsoleView.render(store.state, store.data).textLines().last ?? ""
        #expect(footer.contains("R-0000001") && footer.contains(" more"), "\(footer)")
        let shown = CommandCompletion.hints(completion, width: 118)
        #expect(shown.last?.key == "+\(907 - (shown.count - 1))" && shown.last?.label == "more", "\(shown)")
    }

    @Test func partnersTiersQuartersAndKindsComplete() {
        var store = commandLine("partner p-0003")
        store.press(.tab) {
            $0.mode = .command(field("partner P-0003"))
            $0.completion = Completion(head: "partner ", tail: "", candidates: (0...9).map { "P-0003\($0)" }, total: 10,
                                       noun: "partner", word: "p-0003", shown: nil, line: "partner P-0003")
        }
        store = commandLine("tier p-00003 go")
        store.press(.tab) { $0.mode = .command(field("tier p-00003 gold ")) }
        store = commandLine("period 2025")
        store.press(.tab) {
            $0.mode = .command(field("period 2025-Q"))
            $0.completion = Completion(head: "period ", tail: "", candidates: ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"], total: 4,
                                       noun: "quarter", word: "2025", shown: nil, line: "period 2025-Q")
        }
        store = commandLine("period 2026-q3")
        store.press(.tab) { $0.mode = .command(field("period 2026-Q3 ")) }
        store = commandLine("advance d-000000")
        store.reach(.tab)
        #expect(store.state.completion?.total == 9, "D-0000001…D-0000009")
    }

    @Test func assignCompletesThePartnerThenTheOwnersPartnersHave() {
        var store = commandLine("assign p-0003")
        store.press(.tab) {
            $0.mode = .command(field("assign P-0003"))
            $0.completion = Completion(head: "assign ", tail: "", candidates: (0...9).map { "P-0003\($0)" }, total: 10,
                                       noun: "partner", word: "p-0003", shown: nil, line: "assign P-0003")
        }
        store = commandLine("assign P-00003 ")
        store.press(.tab) {
            $0.completion = Completion(head: "assign P-00003 ", tail: "", candidates: ["amara.okafor", "kenji.sato", "lukas.brandt", "priya.nair", "sofia.reyes"],
                                       total: 5, noun: "owner", word: "", shown: nil, line: "assign P-00003 ")
        }
        store = commandLine("assign P-00003 ke")
        store.press(.tab) { $0.mode = .command(field("assign P-00003 kenji.sato ")) }
        // A new member is typed in full: nothing lists them yet.
        store = commandLine("assign P-00003 ben")
        store.press(.tab) {
            $0.completion = Completion(head: "assign P-00003 ", tail: "", candidates: [], total: 0, noun: "owner", word: "ben",
                                       shown: nil, line: "assign P-00003 ben")
        }
    }

    @Test func tabCompletesTheWordAtTheCursorKeepingTheRest() {
        var store = commandLine("app R-0000905")
        store.reach(.home, .right, .right, .right)
        store.press(.tab) {
            var edited = field("approve R-0000905")
            edited.cursor = 7
            $0.mode = .command(edited)
        }
    }
}
