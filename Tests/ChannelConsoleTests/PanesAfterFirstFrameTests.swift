import ChannelModel
import ChannelStore
import Foundation
import Testing
import TerminalUI
@testable import ChannelConsole

/// The console's first frame shows the queue built alone; the other panes are built after it, off the
/// loop, and are then exactly what building everything at once makes — also when a decision landed
/// while they were being built.
@Suite struct PanesAfterFirstFrameTests {
    static let period = Period.quarterToDate(ConsoleFixture.asOf)
    static let now = ConsoleFixture.asOf.endOfDay.adding(seconds: -3_600)

    static func text(_ state: ConsoleState, _ data: ConsoleData) -> String {
        ConsoleView.render(state, data).textLines().joined(separator: "\n")
    }

    @Test func theQueueAloneIsTheFullQueueAndItsPanesThenTheFullPanes() {
        let full = ConsoleData(programme: ConsoleFixture.programme, asOf: ConsoleFixture.asOf, period: Self.period, now: Self.now)
        var partial = ConsoleData(queueOf: ConsoleFixture.programme, asOf: ConsoleFixture.asOf, period: Self.period, now: Self.now)
        #expect(!partial.panesReady && full.panesReady)
        #expect(partial.queue == full.queue)
        #expect(partial.activity.queue == full.activity.queue)
        #expect(partial.partners.isEmpty && partial.standings.isEmpty && partial.ladder.isEmpty)
        partial.buildPanes()
        #expect(partial == full)
    }

    @Test func theQueuesHeadIsTheWholeQueuesFirstRowsWithItsCounts() {
        let full = ConsoleData(programme: ConsoleFixture.programme, asOf: ConsoleFixture.asOf, period: Self.period, now: Self.now)
        var head = ConsoleData(queueOf: ConsoleFixture.programme, asOf: ConsoleFixture.asOf, period: Self.period, now: Self.now, head: 5)
        #expect(head.queueHead == 5)
        #expect(head.queue == Array(full.queue.prefix(5)))
        #expect(head.waiting == full.queue.count && head.activity.queue == full.activity.queue)
        var state = ConsoleFixture.state()
        ConsoleReducer.normalize(&state, head)
        let text = Self.text(state, head)
        #expect(text.contains("\(full.queue.count) waiting · \(full.activity.queue!.breaches) past the 48h SLA"))
        #expect(text.contains("the first 5 shown, gathering the rest…"))
        head.buildPanes()
        #expect(head.queueHead == nil)
        #expect(head == full)
        #expect(ConsoleData(queueOf: ConsoleFixture.programme, asOf: ConsoleFixture.asOf, period: Self.period, now: Self.now,
                            head: full.queue.count).queueHead == nil, "a head that holds the whole queue is the whole queue")
    }

    @Test func thePanesNotYetBuiltSaySoAndTheQueueIsThere() {
        let partial = ConsoleData(queueOf: ConsoleFixture.programme, asOf: ConsoleFixture.asOf, period: Self.period, now: Self.now)
        var state = ConsoleFixture.state()
        ConsoleReducer.normalize(&state, partial)
        let queue = Self.text(state, partial)
        #expect(queue.contains(partial.queue[0].id))
        #expect(!queue.contains("Gathering"))
        for key in ["2", "3", "4", "5"] {
            _ = ConsoleReducer.update(&state, .key(.char(Character(key))), partial)
            #expect(Self.text(state, partial).contains("Gathering partners, tiers and figures…"), "pane \(key)")
        }
    }

    @Test func sortingTheQueueByPartnerBeforeThePanesGivesTheSameOrder() {
        let full = ConsoleData(programme: ConsoleFixture.programme, asOf: ConsoleFixture.asOf, period: Self.period, now: Self.now)
        let partial = ConsoleData(queueOf: ConsoleFixture.programme, asOf: ConsoleFixture.asOf, period: Self.period, now: Self.now)
        let order = { (data: ConsoleData) in SortKeys.queue(1, data).indices.sorted { SortKeys.queue(1, data)[$0] < SortKeys.queue(1, data)[$1] } }
        let names = { (data: ConsoleData) in order(data).map { data.queue[$0].item.partnerName ?? "" } }
        #expect(names(partial) == names(full))
    }

    @Test func aDecisionWhileThePanesAreBuiltIsInThemWhenTheyArrive() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("panes-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let location = ProgrammeLocation(url: directory.appendingPathComponent("programme.cdesk"))
        try ProgrammeStore.write(ConsoleFixture.programme, to: location)
        let store = try ProgrammeStore(opening: location)
        defer { store.close() }
        let background = BackgroundWork(holding: true)
        let runtime = ConsoleRuntime(store: store, actor: "panes.tester", asOf: ConsoleFixture.asOf, width: 120, height: 40,
                                     clock: { Self.now }, background: background)
        #expect(!runtime.data.panesReady)
        let decided = runtime.data.queue[1].id
        // The second row conflicts with nothing, so `a` approves without asking first.
        runtime.handle(.key(.char("j")))
        runtime.handle(.key(.char("a")))
        #expect(store.programme.registration(decided)?.status == .approved, "\(String(describing: runtime.state.status))")
        #expect(!runtime.data.queue.contains { $0.id == decided })
        // The build that started before the decision is stale: the runtime builds again, then adopts.
        background.release()
        runtime.waitForBackgroundWork()
        #expect(runtime.data.panesReady)
        let fresh = ConsoleData(programme: store.programme, asOf: ConsoleFixture.asOf, period: Self.period, now: runtime.data.when.instant)
        #expect(runtime.data.partners == fresh.partners)
        #expect(runtime.data.standings == fresh.standings)
        #expect(runtime.data.metrics == fresh.metrics)
        #expect(runtime.data.queue == fresh.queue)
        #expect(runtime.data.claims == fresh.claims)
    }
}
