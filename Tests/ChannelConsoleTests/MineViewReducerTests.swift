@testable import ChannelConsole
import ChannelModel
import ChannelStore
import TerminalUI
import Testing

/// The Queue's "mine" view: `M` (or `:mine`) narrows the queue to registrations of partners the
/// console's actor owns, says so in the header, and composes with `/` and the sort.
@Suite struct MineViewReducerTests {
    /// kenji.sato's registrations of the fixture's queue, in triage order.
    static let kenjis = ["R-0000010", "R-0000649", "R-0000907"]

    func ids(_ store: ConsoleStore) -> [String] {
        PaneRows.visible(.queue, in: store.state, store.data).map { store.data.queue[$0].id }
    }

    func header(_ store: ConsoleStore) -> String { ConsoleView.render(store.state, store.data).textLines()[1] }

    @Test func shiftMShowsOnlyMyPartnersRegistrationsAndBack() {
        var store = ConsoleStore { $0.actor = "kenji.sato"; $0.lists[.queue]!.selected = 4; $0.lists[.queue]!.offset = 1 }
        #expect(ids(store) == ConsoleFixture.queueOrder)
        store.press(.char("M")) {
            $0.mineOnly = true
            $0.lists[.queue]!.selected = 0
            $0.lists[.queue]!.offset = 0
            $0.status = StatusMessage("Showing registrations of partners kenji.sato owns — M shows everyone's")
        }
        #expect(ids(store) == Self.kenjis)
        #expect(ids(store).allSatisfy { store.data.programme.partner(store.data.programme.registration($0)!.partnerID)?.owner == "kenji.sato" })
        #expect(header(store).contains("3 of 12 waiting") && header(store).contains("· mine (partners kenji.sato owns)"), "\(header(store))")
        store.press(.char("M")) {
            $0.mineOnly = false
            $0.status = StatusMessage("Showing every partner's registrations")
        }
        #expect(ids(store) == ConsoleFixture.queueOrder)
        #expect(!header(store).contains("mine"))
    }

    @Test func itComposesWithTheFilterAndTheSort() {
        var store = ConsoleStore { $0.actor = "kenji.sato"; $0.mineOnly = true; $0.lists[.queue]!.filter = "r-00009" }
        let everyones = ConsoleStore { $0.lists[.queue]!.filter = "r-00009" }
        #expect(ids(store) == ids(everyones).filter(Self.kenjis.contains))
        #expect(!ids(store).isEmpty && ids(store).count < Self.kenjis.count, "\(ids(store))")
        store.reach(.char("s"))
        let sorted = ConsoleStore { $0.lists[.queue]!.filter = "r-00009"; $0.lists[.queue]!.sortColumn = 0; $0.lists[.queue]!.sortDescending = true }
        #expect(ids(store) == ids(sorted).filter(Self.kenjis.contains))
    }

    @Test func nobodysPartnersShowAnEmptyQueueThatSaysWhy() {
        let store = ConsoleStore { $0.actor = "ben"; $0.mineOnly = true }
        #expect(ids(store).isEmpty)
        let screen = ConsoleView.render(store.state, store.data).textLines().joined(separator: "\n")
        #expect(screen.contains("0 of 12 waiting") && screen.contains("No registration of a partner ben owns is waiting — M shows everyone's."), "\(screen)")
    }

    @Test func colonMineOpensTheNarrowedQueueFromAnywhere() {
        var store = ConsoleStore.onCommandLine("mine") { $0.actor = "kenji.sato"; $0.focus = .partners; $0.details = [.partner("P-00003")] }
        store.press(.enter) {
            $0.mode = .normal
            $0.commandHistory = CommandHistory(lines: ["mine"])
            $0.focus = .queue
            $0.details = []
            $0.mineOnly = true
            $0.status = StatusMessage("Showing registrations of partners kenji.sato owns — M shows everyone's")
        }
        #expect(ids(store) == Self.kenjis)
    }

    @Test func anAssignmentBringsThePartnersRegistrationsIntoTheNewOwnersView() throws {
        var programme = ConsoleFixture.programme
        let partner = try #require(programme.registration("R-0000010")?.partnerID)
        try Reducer.apply(JournalEntry(seq: 99, generation: 1, at: Instant(parsing: "2026-09-30T12:00:00Z")!, actor: "lead",
                                       action: .assignOwner(partnerID: partner, owner: "ben")), to: &programme)
        let data = ConsoleFixture.data.updated(after: .assignOwner(partnerID: partner, owner: "ben"), before: [], programme: programme)
        let store = ConsoleStore(data: data) { $0.actor = "ben"; $0.mineOnly = true }
        #expect(ids(store) == ConsoleFixture.queueOrder.filter { programme.registration($0)?.partnerID == partner })
        #expect(ids(store).first == "R-0000010")
        // The narrowed rows are remembered: the next key reads them, it does not scan the queue again.
        #expect(data.rowCache.cached(RowCache.Key(pane: .queue, filter: "", sortColumn: nil, sortDescending: false,
                                                  notEnabledOnly: false, owner: "ben")) != nil)
    }
}
