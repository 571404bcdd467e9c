import Testing
import TerminalUI
@testable import ChannelConsole

/// The four panes from the sample programme as of 2026-09-30: the 2×2 grid at 160×40, and each pane on
/// its own at 120×40 and 80×24; the too-small screen; one styled snapshot of the queue.
@Suite struct PaneSnapshotTests {
    static let panes: [(name: String, key: Character)] = [("queue", "1"), ("partners", "2"), ("tiers", "3"), ("metrics", "4")]

    @Test func gridShowsEveryPaneAt160x40() {
        Snapshot.assertText(Snapshot.screen(Snapshot.grid), named: "grid-160x40")
    }

    @Test(arguments: [Snapshot.wide, Snapshot.small])
    func eachPaneOnItsOwn(size: Snapshot.Size) {
        for pane in Self.panes {
            Snapshot.assertText(Snapshot.screen(size, [.char(pane.key)]), named: "\(pane.name)-\(size.name)")
        }
    }

    @Test func partnersSortedByARRWithAFilter() {
        let keys: [Key] = [.char("2")] + Array(repeating: .char("s"), count: 6) + Snapshot.typing("/re\n")
        Snapshot.assertText(Snapshot.screen(Snapshot.wide, keys), named: "partners-sorted-filtered-120x40")
    }

    @Test func queueWithMarksAndAFilterLine() {
        // Two marked rows (the ✔ gutter), then the filter being typed on the status line.
        let keys: [Key] = [.char(" "), .char(" ")] + Snapshot.typing("/corp")
        Snapshot.assertText(Snapshot.screen(Snapshot.small, keys), named: "queue-marked-filtering-80x24")
    }

    @Test func tooSmallScreenSaysWhatItNeeds() {
        Snapshot.assertText(Snapshot.screen(Snapshot.tooSmall), named: "too-small-70x20")
    }

    @Test func queueStyled() {
        Snapshot.assertStyled(Snapshot.screen(Snapshot.wide), named: "queue-120x40.styled")
    }
}
