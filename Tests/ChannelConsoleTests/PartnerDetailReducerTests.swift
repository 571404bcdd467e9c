import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// The partner detail's sections and commission ledger, and the concentration drill-down.
/// P-00038's ledger, newest first: D-0000180, D-0000050, D-0000301, D-0000188, D-0000094 (all accrued).
@Suite struct PartnerDetailReducerTests {
    static let partner = Detail.partner("P-00038")

    func inSection(_ section: PartnerSection, _ setup: (inout ConsoleState) -> Void = { _ in }) -> ConsoleStore {
        ConsoleStore {
            $0.details = [Self.partner]
            $0.partnerView.section = section
            setup(&$0)
        }
    }

    @Test func tabAndRightGoToTheNextSectionAndWrap() {
        var store = inSection(.overview) { $0.detailOffset = 3 }
        store.press(.tab) {
            $0.partnerView.section = .registrations
            $0.detailOffset = 0
        }
        store.press(.right) { $0.partnerView.section = .deals }
        store.press(.tab) { $0.partnerView.section = .commissions }
        store.press(.right) { $0.partnerView.section = .history }
        store.press(.tab) { $0.partnerView.section = .funds }
        store.press(.tab) { $0.partnerView.section = .overview }
        #expect(store.state.details == [Self.partner], "Tab stays in the partner's detail")
    }

    @Test func shiftTabAndLeftGoToThePreviousSectionAndWrap() {
        var store = inSection(.overview)
        store.press(.backTab) { $0.partnerView.section = .funds }
        store.press(.left) { $0.partnerView.section = .history }
        store.press(.left) { $0.partnerView.section = .commissions }
        store.state.detailOffset = 2
        store.press(.backTab) {
            $0.partnerView.section = .deals
            $0.detailOffset = 0
        }
        store.press(.left) { $0.partnerView.section = .registrations }
        store.press(.left) { $0.partnerView.section = .overview }
    }

    @Test func sSortsTheSectionsTableAndSaysHow() {
        var store = inSection(.registrations) { $0.partnerView.selected[.registrations] = 4 }
        store.press(.char("s")) {
            $0.partnerView.sort[.registrations] = 1
            $0.partnerView.selected[.registrations] = 0
            $0.status = StatusMessage("Registrations: largest ACV first")
        }
        store.press(.char("s")) {
            $0.partnerView.sort[.registrations] = 2
            $0.status = StatusMessage("Registrations: status first")
        }
        store.press(.char("s")) {
            $0.partnerView.sort[.registrations] = 0
            $0.status = StatusMessage("Registrations: newest first")
        }
        store = inSection(.commissions)
        store.press(.char("s")) {
            $0.partnerView.sort[.commissions] = 1
            $0.partnerView.selected[.commissions] = 0
            $0.status = StatusMessage("Commissions: largest amount first")
        }
        let rows = PartnerDetailRows.of("P-00038", store.data, store.state.partnerView)!
        #expect(rows.ledger.map(\.dealId) == ["D-0000094", "D-0000301", "D-0000050", "D-0000188", "D-0000180"])
        // Overview and NPS & audit have no table to sort.
        for section in [PartnerSection.overview, .history] {
            store = inSection(section)
            store.press(.char("s"))
        }
    }

    @Test func cAdvancesTheSelectedCommissionLine() {
        var store = inSection(.commissions)
        store.press(.char("c"), effects: [.perform(.advanceCommissions(dealIDs: ["D-0000180"]))])
        store.press(.char("j")) { $0.partnerView.selected[.commissions] = 1 }
        store.press(.char("c"), effects: [.perform(.advanceCommissions(dealIDs: ["D-0000050"]))])
    }

    @Test func spaceMarksCommissionLinesAndCAdvancesTheMarkedInLedgerOrder() {
        var store = inSection(.commissions)
        store.press(.char(" ")) {
            $0.partnerView.marked = ["D-0000180"]
            $0.partnerView.selected[.commissions] = 1
        }
        store.press(.char("j")) { $0.partnerView.selected[.commissions] = 2 }
        store.press(.char(" ")) {
            $0.partnerView.marked = ["D-0000180", "D-0000301"]
            $0.partnerView.selected[.commissions] = 3
        }
        // On the last line the mark toggles and the cursor stays; space again unmarks.
        store.press(.char("G")) { $0.partnerView.selected[.commissions] = 4 }
        store.press(.char(" ")) { $0.partnerView.marked = ["D-0000180", "D-0000301", "D-0000094"] }
        store.press(.char(" ")) { $0.partnerView.marked = ["D-0000180", "D-0000301"] }
        // The marked lines go, not the selected one; the marks clear.
        store.press(.char("c"), { $0.partnerView.marked = [] },
                    effects: [.perform(.advanceCommissions(dealIDs: ["D-0000180", "D-0000301"]))])
        #expect(store.state.marked.isEmpty, "the queue's marks are separate")
    }

    @Test func cOutsideTheCommissionsSectionDoesNothing() {
        // The binding applies to the Commissions section only, so elsewhere the key is not bound at all.
        for section in [PartnerSection.overview, .registrations, .deals, .history] {
            var store = inSection(section)
            store.press(.char("c")) { _ in }
            #expect(KeyBindings.command(for: .char("c"), in: store.state, store.data) == nil)
        }
    }

    @Test func cWithNoCommissionLineSaysSo() {
        // P-00013 has no protected win, so no ledger.
        var store = ConsoleStore { $0.details = [.partner("P-00013")]; $0.partnerView.section = .commissions }
        store.press(.char("c")) { $0.status = StatusMessage("No commission is selected", .error) }
    }

    /// (Registrations mark too since bulk extend: BulkExtendReducerTests.)
    @Test func spaceOutsideTheCommissionsAndRegistrationsSectionsDoesNothing() {
        for section in [PartnerSection.overview, .deals, .history] {
            var store = inSection(section)
            store.press(.char(" "))
        }
    }

    @Test func enterOnARegistrationOpensItAndEscComesBackToTheSameSection() {
        var store = inSection(.registrations) { $0.partnerView.selected[.registrations] = 1 }
        store.press(.enter) { $0.details = [Self.partner, .registration("R-0000770")] }
        store.press(.escape) { $0.details = [Self.partner] }
        #expect(store.state.partnerView.section == .registrations && store.state.partnerView.selected[.registrations] == 1)
        // Enter in the other sections opens nothing.
        for section in [PartnerSection.overview, .deals, .commissions, .history] {
            store = inSection(section)
            store.press(.enter)
        }
    }

    // MARK: Concentration

    @Test func enterOnARankedPartnerOpensItOnItsOverview() {
        // 2026-Q3's third-largest source of ARR is P-00041 Quantumdelta Group.
        var store = ConsoleStore {
            $0.focus = .metrics
            $0.details = [.concentration]
            $0.detailOffset = 2
            $0.partnerView.section = .deals
            $0.partnerView.marked = ["D-0000001"]
        }
        store.press(.enter) {
            $0.details = [.concentration, .partner("P-00041")]
            $0.detailOffset = 0
            $0.partnerView = PartnerViewState()
        }
    }

    @Test func bracketsMoveTheConcentrationQuarterAndStopAtTheAsOfQuarter() {
        var store = ConsoleStore { $0.focus = .metrics; $0.details = [.concentration]; $0.detailOffset = 4 }
        store.press(.char("[")) {
            $0.period = Period(quarter: "2026-Q2")!
            $0.detailOffset = 0
        }
        store.press(.char("[")) { $0.period = Period(quarter: "2026-Q1")! }
        store.press(.char("]")) { $0.period = Period(quarter: "2026-Q2")! }
        store.press(.char("]")) { $0.period = Period(quarter: "2026-Q3")! }
        store.press(.char("]")) { $0.status = StatusMessage("2026-Q3 is the latest quarter as of 2026-09-30", .error) }
        #expect(store.state.details == [.concentration])
    }
}

/// The footer offers exactly the keys that act where you are.
@Suite struct FooterHintTests {
    func hints(_ setup: (inout ConsoleState) -> Void) -> [String] {
        var state = ConsoleFixture.state()
        setup(&state)
        return KeyBindings.hints(for: state, ConsoleFixture.data).map { "\($0.key) \($0.label)" }
    }

    @Test func queuePaneOffersDecidingFirstThenMarkingAndFilter() {
        #expect(hints { _ in } == ["a approve", "r reject", "i info", "space mark", "A approve marked", "s sort", "/ filter",
                                   "Enter open", "u undo", "? help", "q quit"])
    }

    @Test func registrationDetailOffersTheDecisionsItAcceptsButNotMarkingOrFilter() {
        // R-0000905 is pending: approve, reject, info; R-0000011 is approved: extend only.
        #expect(hints { $0.details = [.registration("R-0000905")] }
            == ["a approve", "r reject", "i info", "J next", "c conflict", "Esc back", "Enter open", "u undo", "? help", "q quit"])
        #expect(hints { $0.details = [.registration("R-0000011")] }
            == ["e extend", "J next", "c conflict", "Esc back", "Enter open", "u undo", "? help", "q quit"])
        // R-0000649 conflicts with nothing: no conflict key.
        #expect(hints { $0.details = [.registration("R-0000649")] }
            == ["a approve", "r reject", "i info", "J next", "Esc back", "Enter open", "u undo", "? help", "q quit"])
    }

    @Test func partnerDetailOffersSectionsSortAndTheLedger() {
        // The footer offers only what the section can do.
        #expect(hints { $0.details = [.partner("P-00038")] } == ["Tab section", "Esc back", "u undo", "? help", "q quit"])
        #expect(hints { $0.details = [.partner("P-00038")]; $0.partnerView.section = .registrations }
            == ["Tab section", "s sort", "e extend", "space mark", "/ filter", "Esc back", "Enter open", "u undo", "? help", "q quit"])
        #expect(hints { $0.details = [.partner("P-00038")]; $0.partnerView.section = .commissions }
            == ["Tab section", "s sort", "c advance", "space mark", "/ filter", "Esc back", "u undo", "? help", "q quit"])
    }

    @Test func concentrationOffersTheQuarterKeys() {
        #expect(hints { $0.details = [.concentration] }
            == ["[ prev quarter", "] next quarter", "Esc back", "Enter open", "u undo", "? help", "q quit"])
    }

    @Test func partnersPaneOffersSortAndTheEnablementFilter() {
        #expect(hints { $0.focus = .partners }
            == ["s sort", "E not enabled", "/ filter", "Enter open", "u undo", "? help", "q quit"])
    }
}

/// `e` extends from a partner's Registrations section, on the selected row.
@Suite struct PartnerDetailExtendTests {
    @Test func eOnAPartnersRegistrationExtendsIt() {
        var store = ConsoleStore { $0.details = [.partner("P-00038")]; $0.partnerView.section = .registrations }
        let first = PartnerDetailRowsProbe.firstRegistration("P-00038", store.state, store.data)
        store.press(.char("e"), { _ in }, effects: [.perform(.extend(registrationID: first))])
        var overview = ConsoleStore { $0.details = [.partner("P-00038")] }
        overview.press(.char("e")) { _ in }
    }
}

/// What the partner detail's Registrations section lists first (newest first).
enum PartnerDetailRowsProbe {
    static func firstRegistration(_ partnerID: String, _ state: ConsoleState, _ data: ConsoleData) -> String {
        data.programme.registrations.filter { $0.partnerID == partnerID }.max { ($0.submittedAt, $0.id) < ($1.submittedAt, $1.id) }!.id
    }
}
