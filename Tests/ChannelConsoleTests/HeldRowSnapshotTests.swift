import ChannelModel
import TerminalUI
import Testing
@testable import ChannelConsole

/// What a manager sees when another member's decision lands on the row under the cursor: the row
/// kept there, dimmed and marked with who changed it, the sentence in the status line — in the Queue
/// (wide, and the grid's narrow pane) and in the open registration's detail. The note is written out
/// rather than caught up, so the snapshots do not depend on the time zone they run in.
@Suite struct HeldRowSnapshotTests {
    static let note = "ben rejected R-0000526 at 10:02"

    static func screen(_ size: Snapshot.Size, detail: Bool = false) -> Screen {
        let data = HeldRowReducerTests.after(.reject(registrationID: "R-0000526", reason: "Duplicate registration"))
        var state = ConsoleFixture.state(width: size.width, height: size.height)
        let row = HeldRowReducerTests.before.queue.first { $0.id == "R-0000526" }!
        state.held = HeldRegistration(id: "R-0000526", note: note, mark: "ben: rejected", row: detail ? nil : row)
        state.lists[.queue]!.selected = 2
        if detail { state.details = [.registration("R-0000526")] }
        state.status = StatusMessage("\(note) — it stays under the cursor until you move")
        ConsoleReducer.normalize(&state, data)
        return ConsoleView.render(state, data)
    }

    @Test(arguments: [Snapshot.wide, Snapshot.grid])
    func theQueueKeepsTheDecidedRowUnderTheCursor(size: Snapshot.Size) {
        Snapshot.assertText(Self.screen(size), named: "queue-held-\(size.name)")
    }

    @Test func theHeldRowIsDimmedAndMarked() {
        Snapshot.assertStyled(Self.screen(Snapshot.wide), named: "queue-held-120x40.styled")
    }

    @Test func theOpenRegistrationSaysWhoChangedIt() {
        Snapshot.assertText(Self.screen(Snapshot.wide, detail: true), named: "registration-held-120x40")
    }
}
