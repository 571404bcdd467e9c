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

    @Test func sCyclesThroughTheColumnsFiguresLargestFirst() {
        var store = ConsoleStore { $0.focus = .partners }
        let expected: [(Int, Bool, String)] = [
            (0, false, "Sorted by name"), (1, false, "Sorted by type"), (2, false, "Sorted by tier"),
            (3, false, "Sorted by region"), (4, false, "Sorted by status"),
            (5, true, "Sorted by trailing ARR, largest first"), (6, true, "Sorted by open regs, largest first"),
            (7, true, "Sorted by last activity, largest first"), (8, true, "Sorted by NPS, largest first"),
            (0, false, "Sorted by name"),
        ]
        for (column, descending, message) in expected {
            store.press(.char("s")) {
                sorted(column, descending: descending)(&$0)
                $0.status = StatusMessage(message)
            }
        }
    }

    @Test func shiftSReversesTheSortAndNeedsOne() {
        var store = ConsoleStore { $0.focus = .partners }
        store.press(.char("S"))
        store.reach(.char("s"))
        store.press(.char("S")) {
            $0.lists[.partners]!.sortDescending = true
            $0.status = nil
        }
        store.press(.char("S")) { $0.lists[.partners]!.sortDescending = false }
    }

    @Test func sortingOrdersTheRows() {
        var store = ConsoleStore { $0.focus = .partners }
        store.reach(.char("s"), .char("s"), .char("s"), .char("s"), .char("s"), .char("s"))
        #expect(store.state.list.sortColumn == 5)
        let rows = PaneRows.visible(.partners, store.state.list, store.data)
        let arr = rows.map { store.data.partners[$0].trailingARR }
        #expect(arr == arr.sorted(by: >))
        #expect(store.data.programme.partners[store.data.partners[rows[0]].position].id == "P-00041")
    }

    @Test func tOnAnUpgradeAsksWithTheNumbersBehindIt() {
        var store = ConsoleStore { $0.focus = .tiers }
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
        var store = ConsoleStore { $0.focus = .tiers; $0.lists[.tiers]!.selected = 5 }
        store.press(.char("t")) {
            $0.mode = .confirm(Confirmation(
                title: "Downgrade O'Brien, Walsh and Co?",
                lines: ["silver → registered", "Trailing 365-day sourced ARR 40,149.95, 1 certified staff",
                        "Applies to commissions on registrations approved from now on."],
                action: .changeTier(partnerID: "P-00004", to: "registered")))
        }
    }

    @Test func tOnAtRiskRefusesWithAReason() {
        var store = ConsoleStore { $0.focus = .tiers; $0.lists[.tiers]!.selected = 10 }
        store.press(.char("t")) {
            $0.status = StatusMessage("P-00019 is at risk but inside the 90-day grace period: nothing to apply yet", .error)
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
    }

    @Test func aCustomPeriodMovesToTheAdjacentWholeQuarter() {
        var store = ConsoleStore {
            $0.focus = .metrics
            $0.period = Period(from: Day(parsing: "2026-04-15")!, to: Day(parsing: "2026-05-10")!)
        }
        store.press(.char("]")) { $0.period = Period(quarter: "2026-Q3")! }
    }
}
