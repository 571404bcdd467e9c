import ChannelModel
import Testing
import TerminalUI
@testable import ChannelConsole

/// A partner too large to gather within a keystroke: Enter answers at once with what is being gathered,
/// keys have nothing to act on until the records are there, and then the detail is the usual one.
@Suite struct GatheredDetailTests {
    static let partner = "P-00038"

    /// The sample's data with a background of its own, where every partner counts as large.
    static func data() -> (ConsoleData, BackgroundWork) {
        var data = ConsoleFixture.data
        let background = BackgroundWork(holding: true)
        data.rowCache = RowCache()
        data.background = background
        data.largeDetail = 1
        return (data, background)
    }

    static func text(_ state: ConsoleState, _ data: ConsoleData) -> String {
        ConsoleView.render(state, data).textLines().joined(separator: "\n")
    }

    @Test func enterShowsWhatIsBeingGatheredThenTheDetail() {
        let (data, background) = Self.data()
        var store = ConsoleStore(data: data) {
            $0.details = [.partner(Self.partner)]
            $0.partnerView.section = .registrations
        }
        let registrations = data.registrationsByPartner[Self.partner]!.count, deals = data.dealsByPartner[Self.partner]!.count
        #expect(Self.text(store.state, data).contains("Gathering \(registrations) registrations and \(deals) deals…"))
        // Nothing is on screen to move over: the key changes nothing.
        store.press(.char("j"))
        #expect(background.isBusy)
        background.release()
        background.waitUntilIdle()
        #expect(background.takeFinished())
        let ready = Self.text(store.state, data)
        #expect(!ready.contains("Gathering"))
        #expect(ready.contains("Registrations (\(registrations))"))
        store.press(.char("j")) { $0.partnerView.selected[.registrations] = 1 }
    }

    @Test func aFilterOverTheGatheredRecordsIsGatheredTooAndASortIsNot() {
        let (data, background) = Self.data()
        var store = ConsoleStore(data: data) {
            $0.details = [.partner(Self.partner)]
            $0.partnerView.section = .registrations
        }
        _ = Self.text(store.state, data)
        background.release()
        background.waitUntilIdle()
        _ = background.takeFinished()
        store.press(.char("s")) {
            $0.partnerView.sort[.registrations] = 1
            $0.partnerView.selected[.registrations] = 0
            $0.status = StatusMessage("Registrations: largest ACV first")
        }
        #expect(!Self.text(store.state, data).contains("Gathering"), "a sort only reorders what was gathered")
        #expect(!background.isBusy)
        // The same cache, with the filter's work held until the screen has been looked at.
        var later = data
        let filtering = BackgroundWork(holding: true)
        later.background = filtering
        store.state.partnerView.filter[.registrations] = "approved"
        #expect(Self.text(store.state, later).contains("Gathering"))
        filtering.release()
        filtering.waitUntilIdle()
        let filtered = Self.text(store.state, later)
        let approved = PartnerDetailRows.of(Self.partner, later, store.state.partnerView)!.registrations.count
        #expect(approved > 0)
        #expect(filtered.contains("Registrations (\(approved))"))
    }

    @Test func withoutABackgroundEverythingIsGatheredInPlace() {
        var data = ConsoleFixture.data
        data.rowCache = RowCache()
        data.largeDetail = 1
        let state = ConsoleFixture.state(width: 120, height: 40)
        var detail = state
        detail.details = [.partner(Self.partner)]
        #expect(!Self.text(detail, data).contains("Gathering"))
        #expect(PartnerDetailRows.of(Self.partner, data, detail.partnerView) != nil)
    }
}
