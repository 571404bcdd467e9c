import ChannelStore
import Foundation
import Testing
import TerminalUI
@testable import ChannelConsole

/// A config's `[keys]` remaps the one binding table, so the handler, the footer, the `?` help and
/// `channeldesk keys` all follow it; the default table stays the default.
@Suite struct KeyRemapReducerTests {
    /// `approve = "v"`, `quit = "Q"`, `next-pane = "n"`.
    static let remapped = try! KeyBindings(remapping: [.approve: [.char("v")], .quit: [.char("Q")], .nextPane: [.char("n")]])

    func store(width: Int = 120, height: Int = 40, _ setup: (inout ConsoleState) -> Void = { _ in }) -> ConsoleStore {
        ConsoleStore(width: width, height: height) {
            $0.keyBindings = Self.remapped
            setup(&$0)
        }
    }

    @Test func theRemappedKeyRunsTheCommandAndTheOldKeyNothing() {
        // R-0000649, the queue's second row, conflicts with nothing: approving asks nothing first.
        var store = store { $0.lists[.queue]!.selected = 1 }
        store.press(.char("a"))
        store.press(.char("v"), effects: [.perform(.approve(registrationID: "R-0000649"))])
        store.press(.tab)
        store.press(.char("n")) { $0.focus = .partners }
        store.press(.char("q"))
        store.press(.char("Q")) { $0.quit = true }
    }

    @Test func aKeyLeftOverByARemapKeepsItsMeaningElsewhere() {
        // Tab no longer changes pane, but in a registration's detail it still opens the conflict.
        var store = store { $0.details = [.registration("R-0000010")] }
        store.press(.tab) {
            $0.details = [.registration("R-0000010"), .registration("R-0000904")]
            $0.status = StatusMessage("R-0000904 conflicts with R-0000010 — Esc goes back")
        }
    }

    @Test func theDefaultTableIsUnchanged() {
        var store = ConsoleStore { $0.lists[.queue]!.selected = 1 }
        #expect(store.state.keyBindings == .standard)
        store.press(.char("v"))
        store.press(.char("a"), effects: [.perform(.approve(registrationID: "R-0000649"))])
        store.press(.char("q")) { $0.quit = true }
    }

    @Test func theFooterShowsTheRemappedKeys() {
        let store = store()
        let hints = KeyBindings.hints(for: store.state, store.data).map { "\($0.key) \($0.label)" }
        #expect(hints.contains("v approve") && hints.contains("Q quit"), "\(hints)")
        #expect(!hints.contains("a approve") && !hints.contains("q quit"), "\(hints)")
        let footer = ConsoleView.render(store.state, store.data).textLines().last ?? ""
        #expect(footer.hasPrefix(" v approve  r reject"), "\(footer)")
        #expect(footer.hasSuffix("? help  Q quit"), "\(footer)")
    }

    @Test func theHelpOverlayListsTheRemappedKeys() {
        var store = store()
        store.press(.char("?")) { $0.mode = .help(offset: 0) }
        let lines = Overlays.helpLines(store.state, store.data).map { $0.spans.map(\.text).joined() }
        #expect(lines.contains("  v             Approve the selected registration (asks first when it conflicts)"), "\(lines)")
        #expect(lines.contains("  Q             Quit"), "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("  a ") && $0.contains("Approve the selected registration") }, "\(lines)")
        #expect(!lines.contains { $0.hasPrefix("  q ") }, "\(lines)")
    }

    @Test func theKeysTableIsTheRemappedOne() {
        let table = KeyBindings.markdownTable(Self.remapped)
        #expect(table.contains("| `v` | Deciding (Queue and registration detail) | Approve the selected registration"))
        #expect(table.contains("| `Q` | Everywhere | Quit |"))
        #expect(!table.contains("| `a` | Deciding (Queue and registration detail) | Approve the selected registration"))
        #expect(KeyBindings.markdownTable() != table)
        let commands = KeyBindings.markdownCommandNames(Self.remapped)
        #expect(commands.contains("| `approve` | `v` | Approve the selected registration"))
        #expect(commands.contains("| `next-pane` | `n` | Next pane |"))
    }

    @Test func theTooSmallScreenQuitsWithTheRemappedKey() {
        var store = store(width: 60, height: 20)
        store.press(.char("q"))
        #expect(ConsoleView.render(store.state, store.data).textLines().contains { $0.contains("or press Q to quit.") })
        store.press(.char("Q")) { $0.quit = true }
    }

    @Test func aRemappedQuitTypedWhileLoadingQuits() {
        var store = store()
        store.send(.typedWhileLoading([.char("q")])) {
            $0.status = StatusMessage("Ignored 1 key typed while the programme was loading", .error)
        }
        store.send(.typedWhileLoading([.char("Q")])) {
            $0.quit = true
            $0.status = StatusMessage("Ignored 1 key typed while the programme was loading", .error)
        }
    }

    @Test func aRemapThatWouldHideAnotherBindingIsRefused() {
        #expect(throws: KeyConflict(key: .char("A"), command: .approve, other: .approveMarked, scope: .queue)) {
            try KeyBindings(remapping: [.approve: [.char("A")]])
        }
        // Keys of views never shown together do not conflict: `s` sorts partners, `e` extends in a detail.
        #expect(throws: Never.self) { try KeyBindings(remapping: [.reverseSort: [.char("e")]]) }
    }
}
