import Testing
import TerminalUI
@testable import ChannelConsole

/// Console bugs the first round of these tests pinned with `withKnownIssue`, fixed in 67e845a: each
/// test now asserts the fixed behaviour on the rendered screen, so a regression fails it.
@Suite struct FixedIssueTests {
    func text(_ size: Snapshot.Size, _ keys: [Key]) -> [String] { Snapshot.screen(size, keys).textLines() }

    static let openR905: [Key] = Array(repeating: .char("j"), count: 5) + [.enter]

    /// `G` in a detail view used to set an offset far past the content, so ↑ and PgUp seemed dead.
    @Test func upScrollsADetailViewBackAfterG() {
        let top = text(Snapshot.small, Self.openR905)
        let bottom = text(Snapshot.small, Self.openR905 + [.char("G")])
        let oneUp = text(Snapshot.small, Self.openR905 + [.char("G"), .char("k")])
        let pageUp = text(Snapshot.small, Self.openR905 + [.char("G"), .pageUp])
        #expect(top[21].hasSuffix("↓ 6 more (j/PgDn)"), "\(top[21])")
        #expect(!bottom.joined().contains("↓"), "at the bottom nothing more is below")
        #expect(oneUp[21].hasSuffix("↓ 1 more (j/PgDn)"), "\(oneUp[21])")
        #expect(pageUp == top, "PgUp from the bottom goes back to the top")
    }

    /// The same for help: `j` past the end used to keep raising the offset.
    @Test func upScrollsHelpBackAfterScrollingPastTheEnd() {
        let past = [Key.char("?")] + Array(repeating: .char("j"), count: 300)
        let atEnd = text(Snapshot.small, past), oneUp = text(Snapshot.small, past + [.char("k")])
        #expect(oneUp != atEnd)
        // 19 lines show at 80×24, whatever the table's length: the last page, then one line up.
        let total = Overlays.helpLines(ConsoleFixture.state(width: 80, height: 24), ConsoleFixture.data).count
        #expect(atEnd[21].contains("lines \(total - 18)–\(total) of \(total)"), "\(atEnd[21])")
        #expect(oneUp[21].contains("lines \(total - 19)–\(total - 1) of \(total)"), "\(oneUp[21])")
    }

    /// Partners' Tier column used to cut "registered ▲" to "registere…", hiding every upgrade marker.
    @Test func upgradeMarkerIsVisibleOnThePartnersPane() {
        for size in [Snapshot.wide, Snapshot.small] {
            let row = text(size, [.char("2")]).first { $0.hasPrefix("P-00003") } ?? ""
            #expect(row.contains("registered ▲"), "\(size.name): \(row)")
        }
    }

    /// The partner's registrations table used to overflow 80 columns; the Domain column now goes (the
    /// two leading cells are the mark gutter of bulk extend).
    @Test func partnerRegistrationsTableFitsAt80Columns() {
        let lines = text(Snapshot.small, Snapshot.typing(":partner P-00038\n") + [.tab])
        #expect(lines[4] == "   ID        Submitted  Status         Prospect             Est. ACV Protected")
    }

    /// The pane header keeps the as-of date at 80 columns (with five tabs the waiting count gives way:
    /// the Queue pane's own first line has it).
    @Test func paneHeaderKeepsTheAsOfDateAt80Columns() {
        for key in ["1", "2", "3", "4", "5"] {
            #expect(text(Snapshot.small, [.char(Character(key))])[0].hasSuffix("as of 2026-09-30"))
        }
        #expect(text(Snapshot.wide, [.char("5")])[0].hasSuffix("as of 2026-09-30 · 12 waiting"))
    }

    /// The footer keeps `? help  q quit` on the right even when the hints fill the line.
    @Test func footerAlwaysEndsWithHelpAndQuit() {
        for keys: [Key] in [[], [.char("2")], Self.openR905, [.char("4"), .enter, .enter]] {
            #expect(text(Snapshot.small, keys)[23].hasSuffix("? help  q quit"))
        }
    }

    /// Clicks in the 2×2 grid focus the pane under them (and select the row clicked, where there is one).
    @Test func gridClicksFocusThePane() {
        var store = ConsoleStore(width: 160, height: 40)
        store.send(.click(x: 100, y: 5)) { $0.focus = .partners; $0.lists[.partners]!.selected = 1 }
        store.send(.click(x: 10, y: 25)) { $0.focus = .tiers; $0.lists[.tiers]!.selected = 2 }
        store.send(.click(x: 100, y: 25)) { $0.focus = .metrics; $0.lists[.metrics]!.selected = 3 }
        store.send(.click(x: 10, y: 5)) { $0.focus = .queue; $0.lists[.queue]!.selected = 1 }
        // The header and footer are no pane.
        store.send(.click(x: 100, y: 0))
        store.send(.click(x: 100, y: 39))
    }
}
