import Testing
import TerminalUI
@testable import ChannelConsole

/// Field filters, sorting and the counts that follow them, at the three sizes: the queue sorted by
/// estimated ACV and narrowed to partner conflicts, the tier ladder narrowed to one region (its counts
/// narrow too), and a partner's registrations filtered by status.
@Suite struct FindAnythingSnapshotTests {
    static let sizes = [Snapshot.grid, Snapshot.wide, Snapshot.small]

    @Test(arguments: sizes)
    func queueSortedAndFilteredByField(size: Snapshot.Size) {
        let keys: [Key] = [.char("1")] + Array(repeating: .char("s"), count: 6) + Snapshot.typing("/conflict:partner\n")
        Snapshot.assertText(Snapshot.screen(size, keys), named: "queue-acv-conflict-partner-\(size.name)")
    }

    @Test(arguments: sizes)
    func tiersFilteredByRegion(size: Snapshot.Size) {
        let keys: [Key] = [.char("3")] + Snapshot.typing("/region:dach\n")
        Snapshot.assertText(Snapshot.screen(size, keys), named: "tiers-region-dach-\(size.name)")
    }

    @Test(arguments: sizes)
    func partnerRegistrationsFilteredByStatus(size: Snapshot.Size) {
        let keys: [Key] = [.char("2")] + Snapshot.typing("/P-00038\n") + [.enter, .tab] + Snapshot.typing("/status:approved\n")
        Snapshot.assertText(Snapshot.screen(size, keys), named: "partner-P-00038-registrations-approved-\(size.name)")
    }
}
