import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// Moving through lists and detail views, switching panes, drilling down and back.
@Suite struct NavigationReducerTests {
    @Test func downAndUpMoveTheSelectionWithLettersAndArrows() {
        var store = ConsoleStore()
        store.press(.char("j")) { $0.lists[.queue]!.selected = 1 }
        store.press(.down) { $0.lists[.queue]!.selected = 2 }
        store.press(.char("k")) { $0.lists[.queue]!.selected = 1 }
        store.press(.up) { $0.lists[.queue]!.selected = 0 }
    }

    @Test func movingStopsAtBothEnds() {
        var store = ConsoleStore()
        store.press(.char("k"))
        store.press(.up)
        store.press(.char("G")) { $0.lists[.queue]!.selected = 11 }
        store.press(.char("j"))
        store.press(.down)
    }

    @Test func keysClearTheStatusLine() {
        var store = ConsoleStore { $0.status = StatusMessage("Approved R-0000010", .success) }
        store.press(.char("j")) {
            $0.lists[.queue]!.selected = 1
            $0.status = nil
        }
        // A key that means nothing here leaves it alone.
        store.state.status = StatusMessage("kept")
        store.press(.char("x"))
    }

    @Test func pageDownAndUpMoveByAScreenfulAndClamp() {
        // 120×40: the Partners table shows 35 rows, so a page is 34; the sample has 60 partners.
        var store = ConsoleStore { $0.focus = .partners }
        store.press(.pageDown) { $0.lists[.partners]!.selected = 34 }
        store.press(.ctrl("f")) { $0.lists[.partners]!.selected = 59 }
        store.press(.pageUp) { $0.lists[.partners]!.selected = 25 }
        store.press(.ctrl("b")) { $0.lists[.partners]!.selected = 0 }
        store.press(.pageUp)
    }

    @Test func pageSizeFollowsTheTerminalHeight() {
        // 80×24: 19 visible rows, page 18.
        var store = ConsoleStore(width: 80, height: 24) { $0.focus = .partners }
        store.press(.pageDown) { $0.lists[.partners]!.selected = 18 }
        // The queue has 12 rows: one page reaches the last.
        store.press(.char("1")) { $0.focus = .queue }
        store.press(.pageDown) { $0.lists[.queue]!.selected = 11 }
    }

    @Test func topAndBottomWithLettersAndHomeEnd() {
        var store = ConsoleStore()
        store.press(.char("G")) { $0.lists[.queue]!.selected = 11 }
        store.press(.char("g")) { $0.lists[.queue]!.selected = 0 }
        store.press(.end) { $0.lists[.queue]!.selected = 11 }
        store.press(.home) { $0.lists[.queue]!.selected = 0 }
    }

    @Test func movingOnTheMetricsPaneWalksTheFigures() {
        var store = ConsoleStore { $0.focus = .metrics }
        // Eight KPIs, then MDF utilisation and MDF ROI.
        store.press(.char("G")) { $0.lists[.metrics]!.selected = 9 }
        store.press(.char("j"))
    }

    @Test func numberKeysFocusPanesAndEachPaneKeepsItsSelection() {
        var store = ConsoleStore()
        store.press(.char("j")) { $0.lists[.queue]!.selected = 1 }
        store.press(.char("2")) { $0.focus = .partners }
        store.press(.char("j")) { $0.lists[.partners]!.selected = 1 }
        store.press(.char("3")) { $0.focus = .tiers }
        store.press(.char("4")) { $0.focus = .metrics }
        store.press(.char("1")) { $0.focus = .queue }
        #expect(store.state.list.selected == 1)
    }

    @Test func tabAndShiftTabCycleThroughThePanesAndWrap() {
        var store = ConsoleStore()
        store.press(.tab) { $0.focus = .partners }
        store.press(.tab) { $0.focus = .tiers }
        store.press(.tab) { $0.focus = .metrics }
        store.press(.tab) { $0.focus = .funds }
        store.press(.tab) { $0.focus = .queue }
        store.press(.backTab) { $0.focus = .funds }
        store.press(.backTab) { $0.focus = .metrics }
        store.press(.backTab) { $0.focus = .tiers }
    }

    @Test func switchingPanesClosesTheDetailViews() {
        var store = ConsoleStore { $0.details = [.registration("R-0000010"), .partner("P-00024")] }
        store.press(.char("2")) {
            $0.details = []
            $0.focus = .partners
        }
        // Tab stays inside a detail view: in a registration's it opens the conflicting registration
        // (TriageReducerTests), in a partner's it moves between sections (PartnerDetailReducerTests);
        // in the concentration drill-down it does nothing. The number keys still leave them.
        store.state.details = [.concentration]
        store.press(.tab)
        store.state.details = [.partner("P-00001")]
        store.press(.char("1")) {
            $0.details = []
            $0.focus = .queue
        }
    }

    @Test func enterOnTheQueueOpensTheRegistrationAndEnterAgainItsPartner() {
        var store = ConsoleStore()
        store.press(.char("j")) { $0.lists[.queue]!.selected = 1 }
        store.press(.enter) { $0.details = [.registration("R-0000649")] }
        store.press(.enter) { $0.details = [.registration("R-0000649"), .partner("P-00024")] }
        // Enter on a partner detail goes nowhere further.
        store.press(.enter)
    }

    @Test func lDrillsLikeEnter() {
        var store = ConsoleStore()
        store.press(.char("l")) { $0.details = [.registration("R-0000010")] }
    }

    @Test func enterOnPartnersAndTiersOpensAPartner() {
        var store = ConsoleStore { $0.focus = .partners }
        store.press(.char("j")) { $0.lists[.partners]!.selected = 1 }
        store.press(.enter) { $0.details = [.partner("P-00002")] }

        // Tiers: the ladder's first row is P-00045 (gold, downgrade); row 18 is P-00003 (registered, upgrade).
        store = ConsoleStore { $0.focus = .tiers }
        store.press(.enter) { $0.details = [.partner("P-00045")] }
        store = ConsoleStore { $0.focus = .tiers; $0.lists[.tiers]!.selected = 18 }
        store.press(.enter) { $0.details = [.partner("P-00003")] }
    }

    @Test func enterOnSourcedARROrConcentrationOpensTheConcentrationDrillDown() {
        for row in [0, 3] {
            var store = ConsoleStore { $0.focus = .metrics; $0.lists[.metrics]!.selected = row }
            store.press(.enter) { $0.details = [.concentration] }
        }
        // Other figures have nothing to drill into, and say where to press.
        for row in [1, 2, 4, 5, 6, 7] {
            var store = ConsoleStore { $0.focus = .metrics; $0.lists[.metrics]!.selected = row }
            store.press(.enter) { $0.status = StatusMessage("Enter on sourced ARR or concentration opens the concentration drill-down") }
        }
    }

    @Test func drillingRespectsTheFilteredRows() {
        var store = ConsoleStore { $0.lists[.queue]!.filter = "quantumdelta" }
        store.press(.enter) { $0.details = [.registration("R-0000526")] }
    }

    @Test func drillingIntoAnEmptyListDoesNothing() {
        var store = ConsoleStore { $0.lists[.queue]!.filter = "no such partner" }
        store.press(.enter)
    }

    @Test func escapeAndHGoBackOneLevelAndResetTheScroll() {
        var store = ConsoleStore {
            $0.details = [.registration("R-0000905"), .partner("P-00050")]
            $0.detailOffset = 4
        }
        store.press(.escape) {
            $0.details = [.registration("R-0000905")]
            $0.detailOffset = 0
        }
        store.press(.char("h")) { $0.details = [] }
        // At the panes there is nothing to go back to.
        store.press(.escape)
        store.press(.char("h"))
    }

    /// A registration's detail scrolls by line and by page (height − 8); `normalize` (the runtime's step
    /// after every key) clamps the offset to the content, so ↑ works straight after G or a long PgDn.
    @Test func movingInsideARegistrationDetailScrollsItWithinItsContent() {
        // 80×24: R-0000905's detail is 6 lines longer than the screen ("↓ 6 more"); a page is 16.
        var store = ConsoleStore(width: 80, height: 24) { $0.details = [.registration("R-0000905")] }
        store.press(.char("j")) { $0.detailOffset = 1 }
        store.press(.down) { $0.detailOffset = 2 }
        store.press(.char("k")) { $0.detailOffset = 1 }
        store.press(.up) { $0.detailOffset = 0 }
        store.press(.up)
        store.press(.pageDown) { $0.detailOffset = 16 }
        ConsoleReducer.normalize(&store.state, store.data)
        #expect(store.state.detailOffset == 6)
        store.press(.char("k")) { $0.detailOffset = 5 }
        store.press(.ctrl("b")) { $0.detailOffset = 0 }
        store.press(.char("G")) { $0.detailOffset = Int.max / 2 - 1 }
        ConsoleReducer.normalize(&store.state, store.data)
        #expect(store.state.detailOffset == 6)
        store.press(.up) { $0.detailOffset = 5 }
        store.press(.char("g")) { $0.detailOffset = 0 }
        #expect(store.state.lists == ConsoleFixture.state().lists, "the panes' selections stay put")
    }

    /// In a partner's list sections the keys move that section's selection, bounded by its rows.
    @Test func movingInAPartnerSectionMovesItsSelection() {
        // P-00038 has 33 registrations; at 120×40 a page is 32.
        var store = ConsoleStore { $0.details = [.partner("P-00038")]; $0.partnerView.section = .registrations }
        store.press(.char("j")) { $0.partnerView.selected[.registrations] = 1 }
        store.press(.pageDown) { $0.partnerView.selected[.registrations] = 32 }
        store.press(.down)
        store.press(.char("g")) { $0.partnerView.selected[.registrations] = 0 }
        store.press(.char("G")) { $0.partnerView.selected[.registrations] = 32 }
        store.press(.tab) { $0.partnerView.section = .deals }
        store.press(.char("G")) { $0.partnerView.selected[.deals] = 14 }
        store.press(.backTab) { $0.partnerView.section = .registrations }
        #expect(store.state.partnerView.selected == [.registrations: 32, .deals: 14], "each section keeps its selection")
    }

    /// The concentration drill-down selects a ranked partner: 19 partners sourced ARR in 2026-Q3.
    @Test func movingInTheConcentrationRankingStopsAtBothEnds() {
        var store = ConsoleStore { $0.details = [.concentration] }
        store.press(.char("k"))
        store.press(.char("j")) { $0.detailOffset = 1 }
        store.press(.char("G")) { $0.detailOffset = 18 }
        store.press(.char("j"))
        store.press(.pageUp) { $0.detailOffset = 0 }
    }

    @Test func pOpensTheSelectedRegistrationsPartner() {
        var store = ConsoleStore()
        store.reach(.char("j"), .char("j"))
        store.press(.char("p")) { $0.details = [.partner("P-00041")] }
        // From a registration's detail, its partner.
        store = ConsoleStore { $0.details = [.registration("R-0000905")] }
        store.press(.char("p")) { $0.details = [.registration("R-0000905"), .partner("P-00050")] }
        // p means nothing on the Partners pane.
        store = ConsoleStore { $0.focus = .partners }
        store.press(.char("p"))
    }

    @Test func resizeStoresTheNewSize() {
        var store = ConsoleStore()
        store.send(.resize(width: 80, height: 24)) {
            $0.width = 80
            $0.height = 24
        }
        #expect(!store.state.isGrid && !store.state.isTooSmall)
        store.send(.resize(width: 200, height: 50)) {
            $0.width = 200
            $0.height = 50
        }
        #expect(store.state.isGrid)
        store.send(.resize(width: 79, height: 24)) {
            $0.width = 79
            $0.height = 24
        }
        #expect(store.state.isTooSmall)
    }

    @Test func clickingATabFocusesItsPane() {
        // Tabs at 120×40: " 1 Queue " 0–8, " 2 Partners " 10–21, " 3 Tiers " 23–31, " 4 Metrics " 33–43.
        var store = ConsoleStore()
        store.send(.click(x: 12, y: 0)) { $0.focus = .partners }
        store.send(.click(x: 31, y: 0)) { $0.focus = .tiers }
        store.send(.click(x: 40, y: 0)) { $0.focus = .metrics }
        store.send(.click(x: 0, y: 0)) { $0.focus = .queue }
        // Between tabs, past the last tab, and off the header: nothing.
        store.send(.click(x: 9, y: 0))
        store.send(.click(x: 60, y: 0))
        // Below the tabs a click selects the row under it (MouseReducerTests).
        store.send(.click(x: 12, y: 5)) { $0.lists[.queue]!.selected = 2 }
    }

    @Test func clicksOnTheHeaderDoNothingInTheGridOrADetail() {
        var store = ConsoleStore(width: 160, height: 40)
        store.send(.click(x: 12, y: 0))
        store = ConsoleStore { $0.details = [.registration("R-0000010")] }
        store.send(.click(x: 12, y: 0))
    }
}

/// The binding table itself: every command tested, every key reaching its command.
@Suite struct BindingTableTests {
    @Test func everyBindingHasATest() {
        let untested = KeyBindings.all.map(\.command).filter { !TestedCommands.all.contains($0) }
        #expect(untested.isEmpty, "commands without a dedicated reducer test: \(untested)")
    }

    @Test func everyKeyReachesItsCommandWhereItsScopeApplies() {
        for binding in KeyBindings.all {
            var state = ConsoleFixture.state(width: binding.command == .zoom ? 160 : 120)
            switch binding.scope {
            case .decide, .queue, .panes, .navigation, .global: state.focus = .queue
            case .partners: state.focus = .partners
            case .tiers: state.focus = .tiers
            case .metrics: state.focus = .metrics
            case .registration: state.details = [.registration(binding.command == .extend ? "R-0000011" : "R-0000905")]
            case .partnerDetail, .detail:
                // Section keys apply where they act (c on Commissions, e on Registrations…): test each in one.
                state.details = [.partner("P-00038")]
                let probe = state
                state.partnerView.section = PartnerSection.allCases.first { section in
                    var candidate = probe
                    candidate.partnerView.section = section
                    return binding.applies(candidate, ConsoleFixture.data)
                } ?? .overview
            case .concentration: state.details = [.concentration]
            case .funds:
                // Each MDF key applies to one stage: put the cursor on the first row of that stage.
                state.focus = .funds
                let probe = state
                state.lists[.funds]?.selected = ConsoleFixture.data.funds.rows.indices.first { row in
                    var candidate = probe
                    candidate.lists[.funds]?.selected = row
                    return binding.applies(candidate, ConsoleFixture.data)
                } ?? 0
            }
            for key in binding.keys {
                #expect(KeyBindings.command(for: key, in: state, ConsoleFixture.data) == binding.command,
                        "\(key) in scope \(binding.scope) is shadowed")
            }
        }
    }

    @Test func noKeyIsBoundTwiceInOneScope() {
        var seen: [String: Command] = [:]
        for binding in KeyBindings.all {
            for key in binding.keys {
                let slot = "\(binding.scope) \(key)"
                #expect(seen[slot] == nil, "\(key) bound twice in \(binding.scope)")
                seen[slot] = binding.command
            }
        }
    }

    @Test func paneKeysDoNothingOnOtherPanes() {
        var store = ConsoleStore()
        for key in ["t", "[", "]"] { store.press(.char(Character(key))) }
        store = ConsoleStore { $0.focus = .partners }
        for key in ["a", "r", "i", "e", " ", "A", "R", "t", "[", "c"] { store.press(.char(Character(key))) }
        // Partner-detail and concentration keys mean nothing on the panes; E only on Partners.
        store = ConsoleStore { $0.focus = .tiers }
        for key in ["c", "E", " ", "e"] { store.press(.char(Character(key))) }
        store = ConsoleStore()
        store.press(.char("E"))
        store.press(.right)
        store.press(.left)
    }

    @Test func slashDoesNothingInADetail() {
        for detail: Detail in [.registration("R-0000905"), .partner("P-00038"), .concentration] {
            var store = ConsoleStore { $0.details = [detail] }
            store.press(.char("/"))
        }
    }
}
