@testable import ChannelConsole
import ChannelModel
import ChannelStore
import Foundation
import TerminalUI
import Testing

/// A catch-up that brings another member's decision on the registration under the cursor keeps the
/// cursor on it, marked, and refuses decision keys on it until the manager moves; one that only moves
/// other rows keeps the cursor on the same registration.
@Suite struct HeldRowReducerTests {
    static let now = Instant(parsing: "2026-09-30T15:30:00Z")!
    static let decidedAt = Instant(parsing: "2026-09-30T10:02:00Z")!
    static let before = ConsoleData(programme: ConsoleFixture.programme, asOf: ConsoleFixture.asOf, period: .quarterToDate(ConsoleFixture.asOf), now: now)

    /// The data after `actor` made `action` on another console, as the catch-up brings it.
    static func after(_ action: ProgrammeAction, by actor: String = "ben") -> ConsoleData {
        var programme = ConsoleFixture.programme
        let seq = (programme.audit.last?.seq ?? 0) + 1
        try! Reducer.apply(JournalEntry(seq: seq, generation: 1, at: decidedAt, actor: actor, action: action), to: &programme)
        return ConsoleData(programme: programme, asOf: ConsoleFixture.asOf, period: .quarterToDate(ConsoleFixture.asOf), now: now)
    }

    /// "at 10:02" in the zone the test runs in (the console says times in the user's zone).
    static let time = ClockText.describe(Date(timeIntervalSince1970: TimeInterval(decidedAt.seconds)),
                                         now: Date(timeIntervalSince1970: TimeInterval(now.seconds)))

    /// A store on the new data whose cursor was on the Queue's row `selected` before the catch-up.
    func caughtUp(_ action: ProgrammeAction, selected: Int, _ setup: (inout ConsoleState) -> Void = { _ in },
                  expected: (inout ConsoleState) -> Void, sourceLocation: SourceLocation = #_sourceLocation) -> ConsoleStore {
        var store = ConsoleStore(data: Self.after(action)) { $0.lists[.queue]!.selected = selected; setup(&$0) }
        store.send(.caughtUp(CursorBefore(store.state, Self.before)), expected, sourceLocation: sourceLocation)
        return store
    }

    /// The same, reached without asserting: for tests about what follows.
    func held(_ action: ProgrammeAction, selected: Int) -> ConsoleStore {
        var store = ConsoleStore(data: Self.after(action)) { $0.lists[.queue]!.selected = selected }
        _ = ConsoleReducer.update(&store.state, .caughtUp(CursorBefore(store.state, Self.before)), store.data)
        store.state.status = nil
        return store
    }

    func selectedLine(_ store: ConsoleStore) -> String {
        ConsoleView.render(store.state, store.data).textLines()[3 + store.state.list.selected]
    }

    @Test func aRowAnotherMemberRejectedStaysUnderTheCursorMarked() {
        #expect(ConsoleFixture.queueOrder[2] == "R-0000526")
        let row = Self.before.queue.first { $0.id == "R-0000526" }!
        let note = "ben rejected R-0000526 \(Self.time)"
        var store = caughtUp(.reject(registrationID: "R-0000526", reason: "Duplicate registration"), selected: 2) {
            $0.held = HeldRegistration(id: "R-0000526", note: note, mark: "ben: rejected", row: row)
            $0.status = StatusMessage("\(note) — it stays under the cursor until you move")
        }
        #expect(!store.data.queue.contains { $0.id == "R-0000526" })
        #expect(ConsoleReducer.selectedRegistration(store.state, store.data) == "R-0000526")
        #expect(selectedLine(store).contains("R-0000526") && selectedLine(store).contains("ben: rejected"), "\(selectedLine(store))")
        // Every decision key on it is refused with who decided it; the row stays.
        for key: Key in [.char("a"), .char("r"), .char("i"), .char(" ")] {
            store.press(key) { $0.status = StatusMessage("\(note); nothing was changed — move to go on", .error) }
        }
        // Moving down lets it go: the cursor is on the row that followed it.
        store.press(.char("j")) {
            $0.held = nil
            $0.status = nil
        }
        #expect(ConsoleReducer.selectedRegistration(store.state, store.data) == ConsoleFixture.queueOrder[3])
        #expect(!ConsoleView.render(store.state, store.data).textLines().joined().contains("R-0000526"))
    }

    @Test func movingUpFromTheHeldRowLandsOnTheOneAboveIt() {
        var store = held(.approve(registrationID: "R-0000526"), selected: 2)
        #expect(store.state.held?.mark == "ben: approved")
        store.reach(.char("k"))
        #expect(store.state.held == nil && store.state.list.selected == 1)
        #expect(ConsoleReducer.selectedRegistration(store.state, store.data) == ConsoleFixture.queueOrder[1])
    }

    @Test func aMoveKeyLetsGoEvenWhenTheHeldRowIsTheOnlyOne() {
        var store = ConsoleStore(data: Self.after(.reject(registrationID: "R-0000526", reason: "Duplicate registration"))) {
            $0.lists[.queue]!.filter = "R-0000526"
        }
        let before = CursorBefore(store.state, Self.before)
        #expect(before.row?.id == "R-0000526")
        _ = ConsoleReducer.update(&store.state, .caughtUp(before), store.data)
        #expect(HeldRow.rowCount(.queue, store.state, store.data) == 1)
        store.state.status = nil
        store.press(.char("j")) { $0.held = nil }
        #expect(HeldRow.rowCount(.queue, store.state, store.data) == 0)
    }

    @Test func theCursorFollowsItsRegistrationWhenARowAboveItLeaves() {
        // R-0000907 is the fourth row; another member approves the first.
        let store = caughtUp(.approve(registrationID: ConsoleFixture.queueOrder[0]), selected: 3) { $0.lists[.queue]!.selected = 2 }
        #expect(ConsoleReducer.selectedRegistration(store.state, store.data) == ConsoleFixture.queueOrder[3])
    }

    @Test func enterOnTheHeldRowOpensItsDetailWhichShowsTheNewState() {
        var store = held(.reject(registrationID: "R-0000526", reason: "Duplicate registration"), selected: 2)
        store.press(.enter) {
            $0.details = [.registration("R-0000526")]
            $0.held = nil
        }
        let screen = ConsoleView.render(store.state, store.data).textLines().joined(separator: "\n")
        #expect(screen.contains("Status          rejected") && screen.contains("Reason          Duplicate registration"), "\(screen)")
    }

    @Test func anOpenRegistrationAnotherMemberChangedIsMarkedAndRefusesDecisions() {
        let note = "ben asked for more information on R-0000526 \(Self.time)"
        var store = caughtUp(.requestInfo(registrationID: "R-0000526", question: "Which division?"), selected: 0,
                             { $0.details = [.registration("R-0000526")] }) {
            $0.held = HeldRegistration(id: "R-0000526", note: note, mark: "ben: info requested", row: nil)
            $0.status = StatusMessage("\(note) — it stays under the cursor until you move")
        }
        let screen = ConsoleView.render(store.state, store.data).textLines()
        #expect(screen.contains { $0.contains("⚑ \(note) — move to go on") }, "\(screen.joined(separator: "\n"))")
        // Still queued (info requested), so `a` would apply: refused all the same, until the manager has looked.
        store.press(.char("a")) { $0.status = StatusMessage("\(note); nothing was changed — move to go on", .error) }
        store.press(.escape) {
            $0.details = []
            $0.held = nil
            $0.status = nil
        }
        // Moved: decisions are the manager's again (R-0000010 conflicts, so approving it asks first).
        store.reach(.char("a"))
        #expect(store.state.mode != .normal && store.state.held == nil)
    }

    @Test func aCatchUpThatTouchedNothingUnderTheCursorMarksNothing() {
        _ = caughtUp(.reject(registrationID: "R-0000862", reason: "Duplicate registration"), selected: 2) { _ in }
        // Nor does one in another pane: its cursor is not on a registration.
        _ = caughtUp(.reject(registrationID: "R-0000526", reason: "Duplicate registration"), selected: 2, { $0.focus = .partners }) { _ in }
    }
}
