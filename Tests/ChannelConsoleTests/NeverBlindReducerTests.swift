import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// No key acts on what the screen does not show: overlays consume their closing key (or, for `:` and
/// `/`, do what the key says), and the help lists only what applies here.
@Suite struct NeverBlindReducerTests {
    @Test func questionMarkThenColonOpensTheCommandLine() {
        var store = ConsoleStore()
        store.press(.char("?")) { $0.mode = .help(offset: 0) }
        store.reach(.char(":"))
        guard case .command = store.state.mode else { Issue.record("expected the command line, got \(store.state.mode)"); return }
        // The rest of `:reject R-0000905 late` is typed into the command line, not run as keys.
        for character in "reject R-0000905 late" { store.reach(.char(character)) }
        guard case .command(let field) = store.state.mode else { Issue.record("left the command line"); return }
        #expect(field.value == "reject R-0000905 late")
    }

    @Test func questionMarkThenSlashOpensTheFilter() {
        var store = ConsoleStore()
        store.reach(.char("?"), .char("/"))
        guard case .filter = store.state.mode else { Issue.record("expected the filter, got \(store.state.mode)"); return }
    }

    @Test func anyOtherKeyOnlyClosesTheHelp() {
        for key: Key in [.char("a"), .char("r"), .char("i"), .char("u"), .char("q"), .escape, .enter, .char(" ")] {
            var store = ConsoleStore()
            store.reach(.char("?"))
            store.press(key) { $0.mode = .normal }
        }
    }

    @Test func helpLeavesOutDecisionsTheSelectionDoesNotAccept() {
        var state = ConsoleFixture.state()
        state.details = [.registration("R-0000011")]
        let approved = Overlays.helpLines(state, ConsoleFixture.data).map { $0.spans.map(\.text).joined() }
        state.details = [.registration("R-0000905")]
        let pending = Overlays.helpLines(state, ConsoleFixture.data).map { $0.spans.map(\.text).joined() }
        #expect(pending.contains { $0.contains("Approve the selected registration") })
        #expect(!approved.contains { $0.contains("Approve the selected registration") })
        #expect(approved.contains { $0.contains("Extend an approved registration") })
        #expect(!pending.contains { $0.contains("Extend an approved registration") })
    }

    @Test func bulkApprovalCountsTheConflictingOnes() {
        var store = ConsoleStore { $0.marked = ["R-0000649", "R-0000862"] }
        store.reach(.char("A"))
        guard case .confirm(let confirmation) = store.state.mode else { Issue.record("no confirmation"); return }
        #expect(!confirmation.lines.contains { $0.hasPrefix("⚑") })
    }
}

/// What was typed while the programme loaded is dropped, and the status line says so; a quit quits.
@Suite struct TypedWhileLoadingTests {
    @Test func keysTypedWhileLoadingAreDroppedAndCounted() {
        var store = ConsoleStore()
        store.send(.typedWhileLoading([.char("j"), .char("j"), .char("j"), .char("a")])) {
            $0.status = StatusMessage("Ignored 4 keys typed while the programme was loading", .error)
        }
        store.send(.typedWhileLoading([]))
    }

    @Test func aQuitTypedWhileLoadingQuits() {
        var store = ConsoleStore()
        store.send(.typedWhileLoading([.char("a"), .char("q")])) {
            $0.quit = true
            $0.status = StatusMessage("Ignored 2 keys typed while the programme was loading", .error)
        }
    }
}
