import Testing
import TerminalUI
@testable import ChannelConsole

/// Drill-downs and overlays at 160×40, 120×40 and 80×24.
@Suite struct DetailSnapshotTests {
    /// R-0000905 (sixth in the queue) conflicts with a direct-sales account and with another partner's claim.
    @Test(arguments: Snapshot.sizes)
    func registrationDetailWithConflicts(size: Snapshot.Size) {
        let keys: [Key] = [.char("j"), .char("j"), .char("j"), .char("j"), .char("j"), .enter]
        Snapshot.assertText(Snapshot.screen(size, keys), named: "registration-R-0000905-\(size.name)")
    }

    /// P-00038 opened with `:partner` at 160×40 (the detail takes the whole screen, no grid); its
    /// sections at 120×40 and 80×24 are in AnalyticsSnapshotTests.
    @Test func partnerDetailAt160x40() {
        Snapshot.assertText(Snapshot.screen(Snapshot.grid, Snapshot.typing(":partner P-00038\n")), named: "partner-P-00038-160x40")
    }

    /// The breadcrumb of two levels: the registration, then its partner.
    @Test func registrationThenItsPartner() {
        let screen = Snapshot.screen(Snapshot.small, Snapshot.typing(":reg R-0000905\n") + [.enter])
        #expect(screen.textLines()[0].hasPrefix(" ChannelDesk › registration R-0000905 › Crescentapex Logic Ltd"))
    }

    @Test(arguments: Snapshot.sizes)
    func helpOverlay(size: Snapshot.Size) {
        Snapshot.assertText(Snapshot.screen(size, [.char("?")]), named: "help-\(size.name)")
    }

    @Test(arguments: Snapshot.sizes)
    func rejectDialog(size: Snapshot.Size) {
        // R-0000907, reason 2 chosen.
        Snapshot.assertText(Snapshot.screen(size, [.char("j"), .char("j"), .char("j"), .char("r"), .char("2")]),
                            named: "reject-\(size.name)")
    }

    @Test(arguments: Snapshot.sizes)
    func confirmBulkApproval(size: Snapshot.Size) {
        Snapshot.assertText(Snapshot.screen(size, [.char(" "), .char(" "), .char(" "), .char("A")]),
                            named: "confirm-approve-\(size.name)")
    }

    @Test func confirmTierChange() {
        Snapshot.assertText(Snapshot.screen(Snapshot.small, [.char("3"), .char("t")]), named: "confirm-tier-80x24")
    }

    @Test func requestInfoDialog() {
        Snapshot.assertText(Snapshot.screen(Snapshot.small, [.char("i")] + Snapshot.typing("Who signs?")),
                            named: "request-info-80x24")
    }

    @Test func commandLineWithAnError() {
        let screen = Snapshot.screen(Snapshot.small, Snapshot.typing(":frobnicate\n"))
        Snapshot.assertText(screen, named: "command-error-80x24")
    }
}
