import ChannelModel
import Testing
import TerminalUI
@testable import ChannelConsole

/// The analytics screens of c5a12ac: the concentration drill-down, each section of the partner detail,
/// and (in PaneSnapshotTests) the tier ladder and the Metrics sparklines.
@Suite struct AnalyticsSnapshotTests {
    /// Metrics pane, Enter on "Partner-sourced ARR": ranking, Pareto bars and the braille Lorenz curve
    /// (the charts need 100 columns, so 80×24 shows the ranking alone).
    @Test(arguments: [Snapshot.wide, Snapshot.small])
    func concentration(size: Snapshot.Size) {
        Snapshot.assertText(Snapshot.screen(size, [.char("4"), .enter]), named: "concentration-\(size.name)")
    }

    /// The concentration of the previous quarter, third partner selected: the runtime recomputes the
    /// data for the new period, so the test does too.
    @Test func concentrationPreviousQuarter() {
        let data = ConsoleFixture.data.with(period: Period(quarter: "2026-Q2")!)
        let screen = Snapshot.screen(Snapshot.wide, [.char("4"), .enter, .char("["), .char("j"), .char("j")], data: data)
        Snapshot.assertText(screen, named: "concentration-2026-Q2-120x40")
    }

    static let sections: [(name: String, tabs: Int)] = [
        ("overview", 0), ("registrations", 1), ("deals", 2), ("commissions", 3), ("history", 4),
    ]

    /// P-00038 (the top-ranked partner), reached through the concentration drill-down, one section at a time.
    @Test(arguments: [Snapshot.wide, Snapshot.small])
    func partnerSections(size: Snapshot.Size) {
        for section in Self.sections {
            let keys: [Key] = [.char("4"), .enter, .enter] + Array(repeating: .tab, count: section.tabs)
            Snapshot.assertText(Snapshot.screen(size, keys), named: "partner-P-00038-\(section.name)-\(size.name)")
        }
    }

    /// Two commission lines marked with space (the ✔ gutter), the cursor on the third.
    @Test func partnerCommissionsMarked() {
        let keys: [Key] = [.char("4"), .enter, .enter, .left, .left, .char(" "), .char(" ")]
        Snapshot.assertText(Snapshot.screen(Snapshot.wide, keys), named: "partner-P-00038-commissions-marked-120x40")
    }
}
