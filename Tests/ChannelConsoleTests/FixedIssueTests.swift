import Testing
import TerminalUI
@testable import ChannelConsole

/// Console bugs found while writing these tests, pinned with `withKnownIssue`: each test states the
/// behaviour a manager should get, passes while the bug is there, and fails once it is fixed — then
/// drop the `withKnownIssue` wrapper (and re-record the affected snapshots).
@Suite struct KnownIssueTests {
    func text(_ size: Snapshot.Size, _ keys: [Key]) -> [String] { Snapshot.screen(size, keys).textLines() }

    /// `G` in a detail view sets `detailOffset` to Int.max / 2 and `j` past the end keeps counting; the
    /// view clamps only when drawing, so afterwards `k`, ↑ and PgUp change nothing visible.
    @Test func upScrollsADetailViewBackAfterG() {
        let bottom = text(Snapshot.small, [.char("4"), .enter, .char("G")])
        let oneUp = text(Snapshot.small, [.char("4"), .enter, .char("G"), .char("k")])
        let pageUp = text(Snapshot.small, [.char("4"), .enter, .char("G"), .pageUp])
        withKnownIssue("detailOffset is not clamped to the content") {
            #expect(oneUp != bottom, "k after G should scroll up one line")
            #expect(pageUp != bottom, "PgUp after G should scroll up a page")
        }
    }

    /// The same for help: `j` past the end keeps raising the offset, so `k` seems dead afterwards.
    @Test func upScrollsHelpBackAfterScrollingPastTheEnd() {
        let past = [Key.char("?")] + Array(repeating: .char("j"), count: 60)
        withKnownIssue("help offset is not clamped to the content") {
            #expect(text(Snapshot.small, past + [.char("k")]) != text(Snapshot.small, past))
        }
    }

    /// Partners' Tier column is 10 wide: "registered ▲" (every upgrade in the sample) is cut to
    /// "registere…", so the upgrade marker never shows; "silver ▼" and "silver !" do.
    @Test func upgradeMarkerIsVisibleOnThePartnersPane() {
        for size in [Snapshot.wide, Snapshot.small] {
            let row = text(size, [.char("2")]).first { $0.hasPrefix("P-00003") } ?? ""
            withKnownIssue("Tier column too narrow for \"registered ▲\"") {
                #expect(row.contains("registered ▲"), "\(size.name): \(row)")
            }
        }
    }

    /// The partner detail's registrations table is 87 columns wide; at 80×24 its last column is clipped
    /// mid-word ("Pr", "20") instead of being dropped or truncated with "…".
    @Test func partnerRegistrationsTableFitsAt80Columns() {
        let lines = text(Snapshot.small, [.char("4"), .enter])
        let header = lines.first { $0.hasPrefix(" ID        Submitted") } ?? ""
        withKnownIssue("partner detail table overflows at 80 columns") {
            #expect(header.hasSuffix("Protected") || header.hasSuffix("Est. ACV"), "\(header)")
        }
    }
}
