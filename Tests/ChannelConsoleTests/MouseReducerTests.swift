import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// A click selects the row under it, a double click opens it, the wheel scrolls what is under the pointer.
@Suite struct MouseReducerTests {
    /// At 120×40 the Queue shows its summary on line 1, the table header on line 2, rows from line 3.
    @Test func aClickSelectsTheRowUnderItAndADoubleClickOpensIt() {
        var store = ConsoleStore()
        store.send(.click(x: 10, y: 3)) { $0.lists[.queue]!.selected = 0 }
        store.send(.click(x: 10, y: 6)) { $0.lists[.queue]!.selected = 3 }
        store.send(.click(x: 10, y: 6, double: true)) { $0.details = [.registration(ConsoleFixture.queueOrder[3])] }
        // Below the last row, or on the header: nothing.
        store = ConsoleStore()
        store.send(.click(x: 10, y: 30))
        store.send(.click(x: 10, y: 2))
    }

    @Test func inTheGridAClickFocusesThePaneAndSelectsItsRow() {
        var store = ConsoleStore(width: 160, height: 40)
        // The Partners quarter: x 80…159, y 1…19; inside its frame, rows start 3 lines below the border.
        store.send(.click(x: 100, y: 4)) { $0.focus = .partners; $0.lists[.partners]!.selected = 0 }
        store.send(.click(x: 100, y: 6)) { $0.lists[.partners]!.selected = 2 }
    }

    @Test func theWheelScrollsThreeRows() {
        var store = ConsoleStore()
        store.send(.scroll(x: 10, y: 10, up: false)) { $0.lists[.queue]!.selected = 3 }
        store.send(.scroll(x: 10, y: 10, up: true)) { $0.lists[.queue]!.selected = 0 }
        // In a detail it scrolls the detail.
        store = ConsoleStore { $0.details = [.registration("R-0000905")] }
        store.send(.scroll(x: 10, y: 10, up: false)) { $0.detailOffset = 3 }
    }

    @Test func theMouseDoesNothingOverADialogOrATooSmallScreen() {
        var store = ConsoleStore { $0.mode = .help(offset: 0) }
        store.send(.click(x: 10, y: 5))
        store = ConsoleStore(width: 60, height: 20)
        store.send(.click(x: 10, y: 5))
        store.send(.scroll(x: 10, y: 5, up: false))
    }
}
