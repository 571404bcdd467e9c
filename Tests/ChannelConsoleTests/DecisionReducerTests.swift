import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// Deciding registrations: approve, reject, request info, extend, marking and bulk decisions, undo, and
/// what the store's answers do to the state.
@Suite struct DecisionReducerTests {
    static let reasons = RejectDialog.reasons

    @Test func aApprovesTheSelectedRowWithoutConflicts() {
        // R-0000649 (the queue's second row) and R-0000862 (its last) conflict with nothing.
        var store = ConsoleStore { $0.lists[.queue]!.selected = 1 }
        store.press(.char("a"), effects: [.perform(.approve(registrationID: "R-0000649"))])
        store.press(.char("G")) { $0.lists[.queue]!.selected = 11 }
        store.press(.char("a"), effects: [.perform(.approve(registrationID: "R-0000862"))])
        // The approval waits for the store: the state does not change until `.performed` arrives.
    }

    @Test func aOnAConflictingRegistrationAsksFirstListingTheConflicts() {
        var store = ConsoleStore()
        store.press(.char("a")) {
            $0.mode = .confirm(Confirmation(
                title: "Approve R-0000010 despite 1 conflict?",
                lines: ["R-0000010  Northlogic282 Corp — Atlas Systems", "",
                        "⚑ partner: R-0000904 — \(ConsoleFixture.programme.partner("P-00035")!.name), pending"],
                action: .approve(registrationID: "R-0000010")))
        }
        store.press(.char("n")) { $0.mode = .normal; $0.status = StatusMessage("Cancelled") }
        store.reach(.char("a"))
        store.press(.char("y"), { $0.mode = .normal }, effects: [.perform(.approve(registrationID: "R-0000010"))])
    }

    @Test func aOnARegistrationDetailAsksAboutItsDirectAndPartnerConflicts() {
        var store = ConsoleStore { $0.details = [.registration("R-0000905")] }
        store.reach(.char("a"))
        guard case .confirm(let confirmation) = store.state.mode else { Issue.record("no confirmation"); return }
        #expect(confirmation.title == "Approve R-0000905 despite 2 conflicts?")
        #expect(confirmation.lines.dropFirst(2).map { $0.prefix(18) } == ["⚑ direct: quantumg", "⚑ partner: R-00006"])
        #expect(confirmation.action == .approve(registrationID: "R-0000905"))
        // On a partner's detail there is nothing to approve.
        store = ConsoleStore { $0.details = [.registration("R-0000905"), .partner("P-00050")] }
        store.press(.char("a"))
    }

    @Test func decisionKeysAreNotOfferedWhereTheyCannotApply() {
        // R-0000011 is approved: nothing to approve, reject or ask; it can be extended.
        var store = ConsoleStore { $0.details = [.registration("R-0000011")] }
        store.press(.char("a"))
        store.press(.char("r"))
        store.press(.char("i"))
        #expect(KeyBindings.hints(for: store.state, store.data).map(\.label).prefix(2) == ["extend", "next"])
        // R-0000001 expired: not even extend.
        store = ConsoleStore { $0.details = [.registration("R-0000001")] }
        store.press(.char("e"))
        #expect(!KeyBindings.hints(for: store.state, store.data).map(\.label).contains("extend"))
    }

    @Test func theTooSmallScreenTakesOnlyQuit() {
        var store = ConsoleStore(width: 60, height: 20)
        for key: Key in [.char("a"), .char("r"), .char("j"), .char(":"), .char("?"), .enter, .char("u"), .char("A")] {
            store.press(key)
        }
        store.press(.char("q")) { $0.quit = true }
    }

    @Test func aActsOnTheFilteredRow() {
        var store = ConsoleStore { $0.lists[.queue]!.filter = "crescentapex"; $0.lists[.queue]!.selected = 1 }
        // P-00050 Crescentapex Logic Ltd has R-0000905 and R-0000444 in the queue; both conflict.
        store.reach(.char("a"))
        guard case .confirm(let confirmation) = store.state.mode else { Issue.record("no confirmation"); return }
        #expect(confirmation.action == .approve(registrationID: "R-0000444"))
    }

    @Test func aOnAnEmptyQueueDoesNothing() {
        var store = ConsoleStore { $0.lists[.queue]!.filter = "zzz" }
        store.press(.char("a"))
        store.press(.char("r"))
        store.press(.char("i"))
        store.press(.char("e"))
        store.press(.char(" "))
    }

    @Test func rOpensTheRejectDialogAndEnterRejectsWithTheChosenReason() {
        var store = ConsoleStore()
        store.reach(.char("j"), .char("j"), .char("j"))
        store.press(.char("r")) { $0.mode = .reject(RejectDialog(ids: ["R-0000907"])) }
        store.press(.down) { $0.mode = .reject(Self.dialog(["R-0000907"], selected: 1)) }
        store.press(.tab) { $0.mode = .reject(Self.dialog(["R-0000907"], selected: 2)) }
        store.press(.up) { $0.mode = .reject(Self.dialog(["R-0000907"], selected: 1)) }
        store.press(.enter, { $0.mode = .normal },
                    effects: [.perform(.reject(registrationID: "R-0000907", reason: Self.reasons[1]))])
    }

    static func dialog(_ ids: [String], selected: Int, custom: String = "") -> RejectDialog {
        var dialog = RejectDialog(ids: ids)
        dialog.selected = selected
        dialog.custom.value = custom
        dialog.custom.cursor = custom.count
        return dialog
    }

    @Test func numbersPickAReasonAndTheListStopsAtBothEnds() {
        var store = ConsoleStore { $0.mode = .reject(RejectDialog(ids: ["R-0000010"])) }
        store.press(.up)
        store.press(.char("5")) { $0.mode = .reject(Self.dialog(["R-0000010"], selected: 4)) }
        store.press(.char("1")) { $0.mode = .reject(Self.dialog(["R-0000010"], selected: 0)) }
        store.press(.char("6")) { $0.mode = .reject(Self.dialog(["R-0000010"], selected: 5)) }
        store.press(.down)
        // An empty custom reason rejects nothing.
        store.press(.enter)
    }

    @Test func typingWritesYourOwnReason() {
        var store = ConsoleStore { $0.mode = .reject(RejectDialog(ids: ["R-0000010"])) }
        store.press(.char("N")) { $0.mode = .reject(Self.dialog(["R-0000010"], selected: 5, custom: "N")) }
        store.type("o fit, 2")
        #expect(store.state.mode == .reject(Self.dialog(["R-0000010"], selected: 5, custom: "No fit, 2")))
        store.press(.enter, { $0.mode = .normal },
                    effects: [.perform(.reject(registrationID: "R-0000010", reason: "No fit, 2"))])
    }

    @Test func aBlankTypedReasonDoesNotReject() {
        var store = ConsoleStore { $0.mode = .reject(Self.dialog(["R-0000010"], selected: 5, custom: "   ")) }
        store.press(.enter)
    }

    @Test func escapeCancelsTheRejectDialog() {
        var store = ConsoleStore { $0.mode = .reject(Self.dialog(["R-0000010"], selected: 2)) }
        store.press(.escape) { $0.mode = .normal }
    }

    @Test func iAsksForInformationWithAnOptionalQuestion() {
        let placeholder = "question for the partner (optional)"
        var store = ConsoleStore()
        store.press(.char("i")) { $0.mode = .requestInfo(ids: ["R-0000010"], field: TextField(placeholder: placeholder)) }
        store.press(.char("W")) { $0.mode = .requestInfo(ids: ["R-0000010"], field: TextField(value: "W", placeholder: placeholder)) }
        store.type("ho signs?")
        store.press(.enter, { $0.mode = .normal },
                    effects: [.perform(.requestInfo(registrationID: "R-0000010", question: "Who signs?"))])
        // Enter straight away asks without a question; Esc cancels.
        store.reach(.char("i"))
        store.press(.enter, { $0.mode = .normal }, effects: [.perform(.requestInfo(registrationID: "R-0000010", question: ""))])
        store.reach(.char("i"))
        store.press(.escape) { $0.mode = .normal }
    }

    @Test func eExtendsTheOpenRegistration() {
        var store = ConsoleStore { $0.details = [.registration("R-0000011")] }
        store.press(.char("e"), effects: [.perform(.extend(registrationID: "R-0000011"))])
    }

    /// Queued registrations are not approved yet, so there is nothing to extend: e is not a Queue key
    /// (and a key that means nothing leaves the status line alone).
    @Test func eDoesNothingOnTheQueuePane() {
        var store = ConsoleStore { $0.status = StatusMessage("kept") }
        store.press(.char("e"))
        store = ConsoleStore { $0.details = [.partner("P-00050")] }
        store.press(.char("e"))
    }

    @Test func spaceMarksAndMovesDownAndUnmarks() {
        var store = ConsoleStore()
        store.press(.char(" ")) {
            $0.marked = ["R-0000010"]
            $0.lists[.queue]!.selected = 1
        }
        store.press(.char(" ")) {
            $0.marked = ["R-0000010", "R-0000649"]
            $0.lists[.queue]!.selected = 2
        }
        store.press(.char("k")) { $0.lists[.queue]!.selected = 1 }
        store.press(.char(" ")) {
            $0.marked = ["R-0000010"]
            $0.lists[.queue]!.selected = 2
        }
        // On the last row the mark toggles and the cursor stays.
        store.reach(.char("G"))
        store.press(.char(" ")) { $0.marked = ["R-0000010", "R-0000862"] }
    }

    /// Marking and bulk decisions belong to the Queue pane: not to a registration's detail.
    @Test func spaceAndBulkKeysDoNothingInARegistrationDetail() {
        var store = ConsoleStore { $0.details = [.registration("R-0000905")]; $0.marked = ["R-0000010"] }
        store.press(.char(" "))
        store.press(.char("A"))
        store.press(.char("R"))
    }

    @Test func shiftAAsksBeforeApprovingTheMarkedInQueueOrder() {
        var store = ConsoleStore { $0.marked = ["R-0000905", "R-0000010"] }
        let batch = ProgrammeAction.batch([.approve(registrationID: "R-0000010"), .approve(registrationID: "R-0000905")])
        store.press(.char("A")) {
            $0.mode = .confirm(Confirmation(title: "Approve 2 registrations?",
                                            lines: ["⚑ 2 of them conflict: R-0000010, R-0000905", "",
                                                    "R-0000010  Northlogic282 Corp — Atlas Systems",
                                                    "R-0000905  Quantumgroup24 Inc — Crescentapex Logic Ltd"],
                                            action: batch))
        }
        store.press(.char("y"), { $0.mode = .normal }, effects: [.perform(batch)])
        // n cancels, and so do N, Esc and q; Y and Enter confirm.
        for key: Key in [.char("n"), .char("N"), .escape, .char("q")] {
            store.reach(.char("A"))
            store.press(key) {
                $0.mode = .normal
                $0.status = StatusMessage("Cancelled")
            }
            store.state.status = nil
        }
        for key: Key in [.char("Y"), .enter] {
            store.reach(.char("A"))
            store.press(key, { $0.mode = .normal }, effects: [.perform(batch)])
        }
        // Other keys leave the question open.
        store.reach(.char("A"))
        let open = store.state
        store.press(.char("j"))
        store.press(.char("a"))
        #expect(store.state == open)
    }

    @Test func shiftAListsEightAndCountsTheRest() {
        var store = ConsoleStore { $0.marked = Set(ConsoleFixture.queueOrder) }
        store.reach(.char("A"))
        guard case .confirm(let confirmation) = store.state.mode else { Issue.record("no confirmation"); return }
        #expect(confirmation.title == "Approve 12 registrations?")
        #expect(confirmation.lines.first == "⚑ 10 of them conflict: R-0000010, R-0000526, R-0000907, R-0000903, R-0000905, R-0000902, …")
        #expect(confirmation.lines.count == 11)
        #expect(confirmation.lines.last == "…and 4 more")
        #expect(confirmation.action == .batch(ConsoleFixture.queueOrder.map { .approve(registrationID: $0) }))
    }

    @Test func shiftAAndShiftRWithNothingMarkedSaySo() {
        var store = ConsoleStore()
        store.press(.char("A")) { $0.status = StatusMessage("Nothing is marked — space marks a registration", .error) }
        store.press(.char("R"))
    }

    @Test func shiftRRejectsTheMarkedWithOneReason() {
        var store = ConsoleStore { $0.marked = ["R-0000862", "R-0000526"] }
        store.press(.char("R")) { $0.mode = .reject(RejectDialog(ids: ["R-0000526", "R-0000862"])) }
        store.press(.char("3")) { $0.mode = .reject(Self.dialog(["R-0000526", "R-0000862"], selected: 2)) }
        store.press(.enter, { $0.mode = .normal }, effects: [.perform(.batch([
            .reject(registrationID: "R-0000526", reason: Self.reasons[2]),
            .reject(registrationID: "R-0000862", reason: Self.reasons[2]),
        ]))])
    }

    // MARK: The store's answers, and undo

    static let restore = ProgrammeAction.restoreTier(partnerID: "P-00003", tier: "registered", undoing: 41)

    @Test func performedPushesTheInverseAndSaysHowToUndo() {
        var store = ConsoleStore()
        let outcome = ActionOutcome(message: "Approved R-0000010", inverse: Self.restore)
        store.send(.performed(.approve(registrationID: "R-0000010"), outcome)) {
            $0.undo = [UndoEntry(inverse: Self.restore, label: "Approved R-0000010")]
            $0.status = StatusMessage("Approved R-0000010 — u to undo", .success)
        }
        // Without an inverse there is nothing to undo and no hint.
        store.send(.performed(.requestInfo(registrationID: "R-0000649", question: ""), ActionOutcome(message: "Asked", inverse: nil))) {
            $0.status = StatusMessage("Asked", .success)
        }
    }

    @Test func uPerformsTheTopInverseAndItsPerformedPopsTheStack() {
        let older = UndoEntry(inverse: .restoreTier(partnerID: "P-00004", tier: "silver", undoing: 40), label: "older")
        var store = ConsoleStore {
            $0.undo = [older, UndoEntry(inverse: Self.restore, label: "P-00003 is now silver")]
            $0.status = StatusMessage("P-00003 is now silver — u to undo", .success)
        }
        store.press(.char("u"), { $0.status = nil }, effects: [.perform(Self.restore)])
        store.send(.performed(Self.restore, ActionOutcome(message: "Restored P-00003 to registered", inverse: nil))) {
            $0.undo = [older]
            $0.status = StatusMessage("Restored P-00003 to registered", .success)
        }
        store.press(.char("u"), { $0.status = nil }, effects: [.perform(older.inverse)])
    }

    @Test func uWithNothingToUndoSaysSo() {
        var store = ConsoleStore()
        // The session's stack is empty: the store is asked about earlier changes (RestartUndoTests).
        store.press(.char("u"), effects: [.lookUpLastUndoable])
        store.send(.lastUndoable(.nothing)) { $0.status = StatusMessage("Nothing to undo", .error) }
        // u works from every pane and detail.
        store = ConsoleStore { $0.focus = .metrics; $0.undo = [UndoEntry(inverse: Self.restore, label: "x")] }
        store.press(.char("u"), effects: [.perform(Self.restore)])
    }

    @Test func aPerformedBatchClearsTheMarks() {
        var store = ConsoleStore { $0.marked = ["R-0000010", "R-0000905"] }
        let batch = ProgrammeAction.batch([.approve(registrationID: "R-0000010"), .approve(registrationID: "R-0000905")])
        let inverse = ProgrammeAction.batch([Self.restore])
        store.send(.performed(batch, ActionOutcome(message: "Approved 2 registrations", inverse: inverse))) {
            $0.marked = []
            $0.undo = [UndoEntry(inverse: inverse, label: "Approved 2 registrations")]
            $0.status = StatusMessage("Approved 2 registrations — u to undo", .success)
        }
    }

    @Test func failedShowsTheStoresReasonAsAnError() {
        var store = ConsoleStore { $0.marked = ["R-0000010"] }
        store.send(.failed(.extend(registrationID: "R-0000010"), "R-0000010 is pending; only an approved registration's protection can be extended")) {
            $0.status = StatusMessage("R-0000010 is pending; only an approved registration's protection can be extended", .error)
        }
    }
}
