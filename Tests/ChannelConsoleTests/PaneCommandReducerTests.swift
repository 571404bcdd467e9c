import ChannelModel
import ChannelStore
import Testing
import TerminalUI
@testable import ChannelConsole

/// Keys that belong to one pane: sorting Partners, applying tier proposals, moving the Metrics period.
@Suite struct PaneCommandReducerTests {
    func sorted(_ column: Int?, descending: Bool = false) -> (inout ConsoleState) -> Void {
        { state in
            state.lists[.partners]!.sortColumn = column
            state.lists[.partners]!.sortDescending = descending
        }
    }

    /// `s` goes through every column, numbers largest first, then back to the pane's own order; each
    /// new order starts at its top (issue #11: "after a sort the list opens mid-way").
    @Test func sCyclesThroughTheColumnsFiguresLargestFirstFromTheTop() {
        var store = ConsoleStore { $0.focus = .partners; $0.lists[.partners]!.selected = 7; $0.lists[.partners]!.offset = 3 }
        let expected: [(Int?, Bool, String)] = [
            (0, false, "Sorted by name"), (1, false, "Sorted by type"), (2, false, "Sorted by tier"),
            (3, false, "Sorted by region"), (4, false, "Sorted by status"),
            (5, true, "Sorted by trailing ARR, largest first"), (6, true, "Sorted by open regs, largest first"),
            (7, true, "Sorted by last activity, largest first"), (8, true, "Sorted by NPS, largest first"),
            (nil, false, "Back to the pane's own order"), (0, false, "Sorted by name"),
        ]
        for (column, descending, message) in expected {
            store.press(.char("s")) {
                sorted(column, descending: descending)(&$0)
                $0.lists[.partners]!.selected = 0
                $0.lists[.partners]!.offset = 0
                $0.status = StatusMessage(message)
            }
        }
        // By name, Müller & Söhne (P-00001) is 37th of 60.
        #expect(PaneRows.visible(.partners, in: store.state, store.data).firstIndex { store.data.partners[$0].position == 0 } == 36)
    }

    func selectedPartner(_ store: ConsoleStore) -> String? {
        let rows = PaneRows.visible(.partners, in: store.state, store.data)
        return rows.indices.contains(store.state.list.selected)
            ? store.data.programme.partners[store.data.partners[rows[store.state.list.selected]].position].id : nil
    }

    @Test func shiftSReversesTheSortAndNeedsOne() {
        var store = ConsoleStore { $0.focus = .partners }
        store.press(.char("S"))
        store.reach(.char("s"), .char("j"), .char("j"))
        store.press(.char("S")) {
            $0.lists[.partners]!.sortDescending = true
            $0.lists[.partners]!.selected = 0
            $0.status = nil
        }
        // By name reversed, the last name comes first.
        let first = PaneRows.visible(.partners, in: store.state, store.data).first.map { store.data.partners[$0].nameRank }
        #expect(first == store.data.partners.count - 1)
        store.press(.char("S")) { $0.lists[.partners]!.sortDescending = false }
    }

    @Test func shiftEShowsOnlyPartnersNotFullyEnabledAndBack() {
        var store = ConsoleStore { $0.focus = .partners; $0.lists[.partners]!.selected = 7; $0.lists[.partners]!.offset = 2 }
        store.press(.char("E")) {
            $0.notEnabledOnly = true
            $0.lists[.partners]!.selected = 0
            $0.lists[.partners]!.offset = 0
            $0.status = StatusMessage("Showing partners not fully enabled — E shows all")
        }
        let rows = PaneRows.visible(.partners, in: store.state, store.data)
        let ids = rows.map { store.data.programme.partners[store.data.partners[$0].position].id }
        #expect(Array(ids.prefix(10)) == ["P-00001", "P-00002", "P-00009", "P-00010", "P-00012", "P-00013", "P-00016",
                                          "P-00018", "P-00020", "P-00021"])
        #expect(rows.allSatisfy { store.data.partners[$0].enabled < 5 })
        #expect(rows.count == 60 - store.data.partners.filter { $0.enabled == 5 }.count)
        store.press(.char("E")) {
            $0.notEnabledOnly = false
            $0.status = StatusMessage("Showing all partners")
        }
        #expect(PaneRows.visible(.partners, in: store.state, store.data).count == 60)
    }

    @Test func sortingOrdersTheRows() {
        var store = ConsoleStore { $0.focus = .partners }
        store.reach(.char("s"), .char("s"), .char("s"), .char("s"), .char("s"), .char("s"))
        #expect(store.state.list.sortColumn == 5)
        let rows = PaneRows.visible(.partners, in: store.state, store.data)
        let arr = rows.map { store.data.partners[$0].trailingARR }
        #expect(arr == arr.sorted(by: >))
        #expect(store.data.programme.partners[store.data.partners[rows[0]].position].id == "P-00041")
    }

    // The ladder (Tiers pane) as of 2026-09-30: row 0 P-00045 gold downgrade, 2 P-00004 silver downgrade,
    // 6 P-00019 at risk, 7 P-00005 hold, 18 P-00003 registered upgrade.
    @Test func tOnAnUpgradeAsksWithTheNumbersBehindIt() {
        var store = ConsoleStore { $0.focus = .tiers; $0.lists[.tiers]!.selected = 18 }
        let change = ProgrammeAction.changeTier(partnerID: "P-00003", to: "silver")
        store.press(.char("t")) {
            $0.mode = .confirm(Confirmation(
                title: "Upgrade Ωmega \"Quoted\" Labs?",
                lines: ["registered → silver", "Trailing 365-day sourced ARR 54,186.23, 1 certified staff",
                        "Applies to commissions on registrations approved from now on."],
                action: change))
        }
        store.press(.char("y"), { $0.mode = .normal }, effects: [.perform(change)])
        store.reach(.char("t"))
        store.press(.char("n")) {
            $0.mode = .normal
            $0.status = StatusMessage("Cancelled")
        }
    }

    @Test func tOnADowngradeAsksToo() {
        var store = ConsoleStore { $0.focus = .tiers; $0.lists[.tiers]!.selected = 2 }
        store.press(.char("t")) {
            $0.mode = .confirm(Confirmation(
                title: "Downgrade O'Brien, Walsh and Co?",
                lines: ["silver → registered", "Trailing 365-day sourced ARR 40,149.95, 1 certified staff",
                        "Applies to commissions on registrations approved from now on."],
                action: .changeTier(partnerID: "P-00004", to: "registered")))
        }
        // The ladder's first row: a gold partner short of gold's staff.
        store = ConsoleStore { $0.focus = .tiers }
        store.press(.char("t")) {
            $0.mode = .confirm(Confirmation(
                title: "Downgrade Apexblue Group Pty Ltd?",
                lines: ["gold → silver", "Trailing 365-day sourced ARR 272,396.93, 1 certified staff",
                        "Applies to commissions on registrations approved from now on."],
                action: .changeTier(partnerID: "P-00045", to: "silver")))
        }
    }

    @Test func tOnAtRiskRefusesWithAReason() {
        var store = ConsoleStore { $0.focus = .tiers; $0.lists[.tiers]!.selected = 6 }
        store.press(.char("t")) {
            $0.status = StatusMessage("P-00019 is at risk but inside the 90-day grace period: nothing to apply yet", .error)
        }
    }

    @Test func tOnAHoldRefusesWithAReason() {
        var store = ConsoleStore { $0.focus = .tiers; $0.lists[.tiers]!.selected = 7 }
        store.press(.char("t")) {
            $0.status = StatusMessage("P-00005 holds the tier it qualifies for: nothing to apply", .error)
        }
    }

    @Test func tFollowsTheFilter() {
        var store = ConsoleStore { $0.focus = .tiers; $0.lists[.tiers]!.filter = "p-00051" }
        store.press(.char("t")) {
            $0.status = StatusMessage("P-00051 is at risk but inside the 90-day grace period: nothing to apply yet", .error)
        }
        store = ConsoleStore { $0.focus = .tiers; $0.lists[.tiers]!.filter = "nothing like this" }
        store.press(.char("t"))
    }

    @Test func bracketsMoveTheMetricsPeriodByAQuarter() {
        var store = ConsoleStore { $0.focus = .metrics }
        #expect(store.state.period.label == "2026-Q3")
        store.press(.char("[")) { $0.period = Period(quarter: "2026-Q2")! }
        store.press(.char("[")) { $0.period = Period(quarter: "2026-Q1")! }
        store.press(.char("[")) { $0.period = Period(quarter: "2025-Q4")! }
        store.press(.char("]")) { $0.period = Period(quarter: "2026-Q1")! }
        store.press(.char("]")) { $0.period = Period(quarter: "2026-Q2")! }
        store.press(.char("]")) { $0.period = Period(quarter: "2026-Q3")! }
        // The as-of quarter is the last one with data: ] stops there and says why.
        store.press(.char("]")) { $0.status = StatusMessage("2026-Q3 is the latest quarter as of 2026-09-30", .error) }
    }

    @Test func aCustomPeriodMovesToTheAdjacentWholeQuarter() {
        var store = ConsoleStore {
            $0.focus = .metrics
            $0.period = Period(from: Day(parsing: "2026-04-15")!, to: Day(parsing: "2026-05-10")!)
        }
        store.press(.char("]")) { $0.period = Period(quarter: "2026-Q3")! }
    }
}
