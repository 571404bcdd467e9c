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
