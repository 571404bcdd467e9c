import ChannelModel
import Testing
import TerminalUI
@testable import ChannelConsole

/// The Funds pane and MDF views from the sample programme as of 2026-09-30, at every size: the pane (in
/// the grid at 160×40, on its own below), an MDF request's detail, a partner's MDF section, the approve
/// dialog with its prefilled amount.
@Suite struct FundsSnapshotTests {
    @Test(arguments: Snapshot.sizes)
    func fundsPane(size: Snapshot.Size) {
        Snapshot.assertText(Snapshot.screen(size, [.char("5")]), named: "funds-\(size.name)")
    }

    /// The colours: ages past the approval window in red, approvals dim, the balance gauges.
    @Test func fundsPaneStyled() {
        Snapshot.assertStyled(Snapshot.screen(Snapshot.wide, [.char("5")]), named: "funds-120x40.styled")
    }

    @Test(arguments: Snapshot.sizes)
    func mdfRequestDetail(size: Snapshot.Size) {
        Snapshot.assertText(Snapshot.screen(size, [.char("5"), .enter]), named: "funds-request-\(size.name)")
    }

    @Test(arguments: Snapshot.sizes)
    func partnerMDFSection(size: Snapshot.Size) {
        // Summit Group: a paid claim, an approval that lapsed, and a year balance with money left.
        let keys = Snapshot.typing(":partner P-00019\n") + Array(repeating: Key.tab, count: 5)
        Snapshot.assertText(Snapshot.screen(size, keys), named: "partner-P-00019-mdf-\(size.name)")
    }

    @Test(arguments: Snapshot.sizes)
    func approveDialog(size: Snapshot.Size) {
        let submitted = FundsFixture.firstRow(.submitted)
        let keys: [Key] = [.char("5")] + Array(repeating: .down, count: submitted) + [.char("a")]
        Snapshot.assertText(Snapshot.screen(size, keys), named: "funds-approve-\(size.name)")
    }
}

/// Where the sample's Funds rows are, so tests reach a row of a given stage without hard-coding its place.
enum FundsFixture {
    static func firstRow(_ status: ChannelModel.MDFStatus) -> Int {
        ConsoleFixture.data.funds.rows.firstIndex { $0.status == status }!
    }
}
