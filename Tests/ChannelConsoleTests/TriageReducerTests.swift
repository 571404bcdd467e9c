import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// Triage without going back to the list: the next and previous queued registration from a detail,
/// the conflicting registration and back, and asking several partners at once.
@Suite struct TriageReducerTests {
    let order = ConsoleFixture.queueOrder

    @Test func shiftJAndKStepThroughTheQueueFromADetail() {
        var store = ConsoleStore { $0.details = [.registration(order[0])] }
        store.press(.char("J")) { $0.details = [.registration(order[1])]; $0.lists[.queue]!.selected = 1 }
        store.press(.char("J")) { $0.details = [.registration(order[2])]; $0.lists[.queue]!.selected = 2 }
        store.press(.char("K")) { $0.details = [.registration(order[1])]; $0.lists[.queue]!.selected = 1 }
        store.press(.char("K")) { $0.details = [.registration(order[0])]; $0.lists[.queue]!.selected = 0 }
        store.press(.char("K")) { $0.status = StatusMessage("\(order[0]) is the first queued registration") }
    }

    @Test func shiftJFollowsTheQueuesFilter() {
        // P-00050 Crescentapex Logic Ltd has R-0000905 then R-0000444 in the filtered queue.
        var store = ConsoleStore { $0.lists[.queue]!.filter = "crescentapex"; $0.details = [.registration("R-0000905")] }
        store.press(.char("J")) { $0.details = [.registration("R-0000444")]; $0.lists[.queue]!.selected = 1 }
        store.press(.char("J")) { $0.status = StatusMessage("R-0000444 is the last queued registration") }
    }

    @Test func cOpensTheConflictingRegistrationAndEscComesBack() {
        // R-0000010 and R-0000904 are two partners' claims on one prospect.
        var store = ConsoleStore { $0.details = [.registration("R-0000010")] }
        store.press(.char("c")) {
            $0.details = [.registration("R-0000010"), .registration("R-0000904")]
            $0.status = StatusMessage("R-0000904 conflicts with R-0000010 — Esc goes back")
        }
        store.press(.escape) { $0.details = [.registration("R-0000010")]; $0.status = nil }
        // Tab does the same: it stays inside the detail.
        store.press(.tab) {
            $0.details = [.registration("R-0000010"), .registration("R-0000904")]
            $0.status = StatusMessage("R-0000904 conflicts with R-0000010 — Esc goes back")
        }
    }

    @Test func cOnARegistrationWithoutOtherClaimsIsNotBound() {
        // R-0000649 conflicts with nothing; R-0000906 only with a direct account.
        for id in ["R-0000649", "R-0000906"] {
            var store = ConsoleStore { $0.details = [.registration(id)] }
            store.press(.char("c"))
            #expect(!KeyBindings.hints(for: store.state, store.data).map(\.label).contains("conflict"))
        }
    }

    @Test func shiftIAsksEveryMarkedPendingPartner() {
        var store = ConsoleStore { $0.marked = ["R-0000862", "R-0000010"] }
        store.press(.char("I")) {
            $0.mode = .requestInfo(ids: ["R-0000010", "R-0000862"],
                                   field: TextField(placeholder: "question for the partners (optional)"))
        }
        store = ConsoleStore()
        store.press(.char("I")) { $0.status = StatusMessage("Nothing is marked — space marks a registration", .error) }
    }
}

/// `z` zooms the focused pane where the grid fits; `y` copies the selected id.
@Suite struct ZoomAndCopyReducerTests {
    @Test func zZoomsTheFocusedPaneAndBack() {
        var store = ConsoleStore(width: 160, height: 40)
        #expect(store.state.isGrid)
        store.press(.char("z")) { $0.zoomed = true; $0.status = StatusMessage("Queue fills the screen — z returns to the grid") }
        #expect(!store.state.isGrid)
        store.press(.char("z")) { $0.zoomed = false; $0.status = StatusMessage("Back to the grid") }
        // Where the grid does not fit, there is nothing to zoom.
        store = ConsoleStore(width: 120, height: 40)
        store.press(.char("z"))
    }

    @Test func yCopiesTheSelectedRegistrationOrPartner() {
        var store = ConsoleStore()
        store.press(.char("y"), { $0.status = StatusMessage("Copied \(ConsoleFixture.queueOrder[0])") },
                    effects: [.copy(ConsoleFixture.queueOrder[0])])
        store = ConsoleStore { $0.details = [.partner("P-00038")] }
        store.press(.char("y"), { $0.status = StatusMessage("Copied P-00038") }, effects: [.copy("P-00038")])
        // The Metrics pane has no id to copy: y is not offered there.
        store = ConsoleStore { $0.focus = .metrics }
        store.press(.char("y"))
    }
}
