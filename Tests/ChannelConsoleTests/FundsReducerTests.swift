import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// The Funds keys on the sample as of 2026-09-30: each MDF decision's dialog, what it sends to the
/// store, the refusals (with their numbers) and undo. Rows: 0 M-000052 claim, 3 M-000056 submitted,
/// 6 M-000028 approved.
@Suite struct FundsReducerTests {
    static let claim = 0, submitted = 3, approved = 6

    static func store(row: Int, data: ConsoleData = ConsoleFixture.data) -> ConsoleStore {
        ConsoleStore(data: data) {
            $0.focus = .funds
            $0.lists[.funds]!.selected = row
        }
    }

    @Test func theSampleRowsAreWhereTheTestsExpectThem() {
        let rows = ConsoleFixture.data.funds.rows
        #expect(rows.map(\.id).prefix(7) == ["M-000052", "M-000068", "M-000046", "M-000056", "M-000040", "M-000032", "M-000028"])
        #expect(rows[Self.submitted].status == .submitted && rows[Self.approved].status == .approved && rows[Self.claim].status == .claimed)
    }

    @Test func fiveFocusesTheFundsPane() {
        var store = ConsoleStore { $0.details = [.registration("R-0000905")] }
        store.press(.char("5")) { $0.focus = .funds; $0.details = [] }
    }

    @Test func aOpensTheApprovalPrefilledWithTheAskWithinTheBalanceAndSendsTheEditedAmount() {
        var store = Self.store(row: Self.submitted)
        // Silver Consulting has 8,480.22 left of 2026: the whole 4,734.05 asked fits.
        store.press(.char("a")) { $0.mode = .funds(FundsDialog(.approve, requestID: "M-000056", amount: "4734.05")) }
        store.press(.ctrl("u")) { $0.mode = .funds(FundsDialog(.approve, requestID: "M-000056")) }
        store.type("3,000.5")
        store.press(.enter, { $0.mode = .normal },
                    effects: [.perform(.mdf(.approve(requestID: "M-000056", amount: Money(cents: 300_050))))])
    }

    @Test func anApprovalOverTheBalanceIsRefusedWithTheNumbersAndTheDialogStays() {
        // An allocation of 8,000 leaves 8,000 − 5,678.89 − 840.89 = 1,480.22: the prefill stops there.
        var programme = ConsoleFixture.programme
        programme.upsert(MDFAllocation(partnerID: "P-00053", year: 2026, amount: Money(cents: 800_000)))
        let data = ConsoleData(programme: programme, asOf: ConsoleFixture.asOf, period: .quarterToDate(ConsoleFixture.asOf))
        var store = Self.store(row: Self.submitted, data: data)
        store.press(.char("a")) { $0.mode = .funds(FundsDialog(.approve, requestID: "M-000056", amount: "1480.22")) }
        store.reach(.ctrl("u"))
        store.type("2000")
        store.press(.enter) {
            $0.status = StatusMessage("cannot approve M-000056: approved amount 2000.00 exceeds balance 1480.22 (Silver Consulting 2026: allocation 8,000.00, committed 5,678.89, spent 840.89)", .error)
        }
        store.reach(.ctrl("u"))
        store.type("abc")
        store.press(.enter) { $0.status = StatusMessage("\"abc\" is not an amount", .error) }
        store.press(.escape) { $0.mode = .normal; $0.status = StatusMessage("Cancelled") }
    }

    @Test func aDecidedRequestIsNotOfferedTheDecisionsAndTheStoresRefusalIsShown() throws {
        // M-000028 is approved: no approve, reject or info — its claim is what is left.
        var store = Self.store(row: Self.approved)
        store.press(.char("a"))
        store.press(.char("r"))
        store.press(.char("i"))
        store.press(.char("p"))
        // A claim is neither approved again nor asked about.
        store = Self.store(row: Self.claim)
        store.press(.char("a"))
        store.press(.char("i"))
        store.press(.char("c"))
        store = Self.store(row: Self.approved)
        #expect(KeyBindings.hints(for: store.state, store.data).map(\.label).prefix(1) == ["claim"])
        // Decided meanwhile (another session): the store refuses, and says why.
        var programme = ConsoleFixture.programme
        let entry = JournalEntry(seq: 9000, generation: 1, at: Instant(parsing: "2026-09-30T12:00:00Z")!, actor: "test",
                                 action: .mdf(.approve(requestID: "M-000028", amount: Money(cents: 100))))
        let message = try #require(throwing(try Reducer.apply(entry, to: &programme)))
        #expect(message.contains("M-000028 is already approved"))
        store.send(.failed(entry.action, message)) { $0.status = StatusMessage(message, .error) }
    }

    @Test func rRejectsWithAReasonAndRefusesAnEmptyOne() {
        var store = Self.store(row: Self.submitted)
        store.press(.char("r")) { $0.mode = .funds(FundsDialog(.reject, requestID: "M-000056")) }
        store.press(.enter) { $0.status = StatusMessage("a rejection needs a reason", .error) }
        store.type("no agenda")
        store.press(.enter, { $0.mode = .normal; $0.status = nil },
                    effects: [.perform(.mdf(.reject(requestID: "M-000056", reason: "no agenda")))])
    }

    @Test func rOnAClaimRejectsTheClaim() {
        var store = Self.store(row: Self.claim)
        store.press(.char("r")) { $0.mode = .funds(FundsDialog(.rejectClaim, requestID: "M-000052")) }
        store.press(.enter) { $0.status = StatusMessage("rejecting a claim needs a reason", .error) }
        store.type("no attendance list")
        store.press(.enter, { $0.mode = .normal; $0.status = nil },
                    effects: [.perform(.mdf(.rejectClaim(requestID: "M-000052", reason: "no attendance list")))])
    }

    @Test func iAsksForInformationOnASubmittedRequest() {
        var store = Self.store(row: Self.submitted)
        store.press(.char("i")) { $0.mode = .funds(FundsDialog(.requestInfo, requestID: "M-000056")) }
        store.type("which venue?")
        store.press(.enter, { $0.mode = .normal },
                    effects: [.perform(.mdf(.requestInfo(requestID: "M-000056", question: "which venue?")))])
    }

    @Test func cRecordsAClaimWithProofAndRefusesOneWithout() {
        var store = Self.store(row: Self.approved)
        store.press(.char("c")) { $0.mode = .funds(FundsDialog(.claim, requestID: "M-000028", amount: "858.11")) }
        store.press(.enter) { $0.status = StatusMessage("cannot record a claim on M-000028: a claim needs proof of performance", .error) }
        store.reach(.ctrl("u"))
        store.type("0")
        store.press(.enter) { $0.status = StatusMessage("cannot record a claim on M-000028: claimed amount 0.00 must be more than 0", .error) }
        store.reach(.backspace)
        store.type("800")
        var expected = FundsDialog(.claim, requestID: "M-000028", amount: "800")
        expected.onText = true
        store.press(.tab) { $0.mode = .funds(expected) }
        store.type("https://x/p.pdf")
        store.press(.enter, { $0.mode = .normal; $0.status = nil },
                    effects: [.perform(.mdf(.recordClaim(requestID: "M-000028", amount: Money(cents: 80_000), proof: "https://x/p.pdf", claimedAt: nil)))])
    }

    @Test func pAsksBeforePayingTheClaim() {
        var store = Self.store(row: Self.claim)
        let action = ProgrammeAction.mdf(.pay(requestID: "M-000052"))
        store.press(.char("p")) {
            $0.mode = .confirm(Confirmation(title: "Pay the claim on M-000052?",
                                            lines: ["Silver Consulting · event · 2026-08-09 → 2026-08-10",
                                                    "Claimed 780.73 · approved 780.73 · pays 780.73",
                                                    "Proof: https://assets.example/M-000052.pdf"],
                                            action: action))
        }
        store.press(.char("y"), { $0.mode = .normal }, effects: [.perform(action)])
    }

    @Test func undoSendsTheInverseOfTheMDFDecision() {
        var store = Self.store(row: Self.claim)
        let pay = ProgrammeAction.mdf(.pay(requestID: "M-000052"))
        let inverse = ProgrammeAction.mdf(.restore(ConsoleFixture.programme.mdfRequest("M-000052")!, undoing: 77))
        store.send(.performed(pay, ActionOutcome(message: "Paid 780.73 on M-000052", inverse: inverse))) {
            $0.undo = [UndoEntry(inverse: inverse, label: "Paid 780.73 on M-000052")]
            $0.status = StatusMessage("Paid 780.73 on M-000052 — u to undo", .success)
        }
        store.press(.char("u"), { $0.status = nil }, effects: [.perform(inverse)])
        store.send(.performed(inverse, ActionOutcome(message: "Undid #77: M-000052 is claimed again", inverse: nil))) {
            $0.undo = []
            $0.status = StatusMessage("Undid #77: M-000052 is claimed again", .success)
        }
    }

    @Test func enterOpensTheRequestThenItsPartner() {
        var store = Self.store(row: Self.submitted)
        store.press(.enter) { $0.details = [.mdfRequest("M-000056")] }
        // The decisions work from the detail too.
        store.press(.char("a")) { $0.mode = .funds(FundsDialog(.approve, requestID: "M-000056", amount: "4734.05")) }
        store.reach(.escape)
        store.press(.enter) { $0.details = [.mdfRequest("M-000056"), .partner("P-00053")]; $0.status = nil; $0.partnerView = PartnerViewState() }
    }

    @Test func aClickInTheGridsFundsPaneFocusesItAndSelectsTheRow() {
        // 160×40: Funds is the lower half of the bottom-left quarter; its second row is on line 32.
        var store = ConsoleStore(width: 160, height: 40)
        store.send(.click(x: 10, y: 32)) {
            $0.focus = .funds
            $0.lists[.funds]!.selected = 1
        }
        store.send(.click(x: 10, y: 32, double: true)) { $0.details = [.mdfRequest("M-000068")] }
    }

    @Test func slashFiltersTheFundsRows() {
        var store = Self.store(row: 0)
        store.reach(.char("/"))
        store.type("webinar")
        let rows = PaneRows.visible(.funds, in: store.state, store.data).map { store.data.funds.rows[$0].id }
        #expect(rows == ["M-000056", "M-000061"])
    }
}

/// The message of the error `body` throws, nil when it throws none.
func throwing(_ body: @autoclosure () throws -> some Any) -> String? {
    do { _ = try body(); return nil } catch { return String(describing: error) }
}
