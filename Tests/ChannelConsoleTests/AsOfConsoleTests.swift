@testable import ChannelConsole
import ChannelModel
import ChannelStore
import Testing

/// The console shows the programme as of its day (DESIGN.md §3): the queue of that day, a past period as
/// of its last day, a quarter to date against the same days of the previous quarter.
@Suite struct AsOfConsoleTests {
    static let day = Day(parsing: "2026-09-27")!

    @Test func theQueueOfAnEarlierDay() throws {
        let data = ConsoleData(programme: ConsoleFixture.programme, asOf: Self.day, period: .quarterToDate(Self.day))
        #expect(data.queue.map(\.id) == ["R-0000526", "R-0000907", "R-0000903", "R-0000905"])
        #expect(data.metrics.pendingRegistrations == 4 && data.metrics.slaBreaches == 0)
        #expect(data.activity.queue?.breaches == 0)
        // The rows are the model's items.
        #expect(data.queue.map(\.item) == QueueItem.queue(ConsoleFixture.programme, asOf: data.when))
    }

    @Test func aQuarterToDateIsComparedWithTheSameDaysOfThePreviousQuarter() throws {
        let data = ConsoleData(programme: ConsoleFixture.programme, asOf: Self.day, period: .quarterToDate(Self.day))
        let comparison = try #require(data.comparison)
        #expect(comparison.period == Period(from: Day(parsing: "2026-04-01")!, to: Day(parsing: "2026-06-28")!))
        #expect(comparison.asOf == Day(parsing: "2026-06-28")!)
        #expect(MetricsPane.previous(data) == comparison)
        // A whole quarter has no like-for-like comparison: it compares with the previous quarter.
        #expect(ConsoleFixture.data.comparison == nil)
        #expect(MetricsPane.previous(ConsoleFixture.data) == ConsoleFixture.data.trend[6])
    }

    @Test func aPastPeriodIsShownAsOfItsLastDay() throws {
        let q2 = Period(quarter: "2026-Q2")!
        let data = ConsoleFixture.data.with(period: q2)
        #expect(data.metrics.asOf == q2.to)
        let thatDay = Metrics.report(ConsoleFixture.programme, asOf: q2.to, period: q2)
        #expect(data.metrics == thatDay)
        #expect(data.trend.last == thatDay)
        // The queue stays the console's own day's.
        #expect(data.queue == ConsoleFixture.data.queue)
    }

    @Test func ratiosChangeInPointsAndAFlatZeroSeriesIsFlat() throws {
        let figures = MetricsPane.figures
        let rate = try #require(figures.first { $0.name == "Active partner rate" })
        var now = ConsoleFixture.data.metrics, before = now
        now.activePartnerRate = 0.50; before.activePartnerRate = 0.479
        #expect(MetricsPane.change(rate, current: now, previous: before).text == "▲ 2.1 pts")
        let pending = try #require(figures.first { $0.name == "Pending registrations" })
        var zero = now
        zero.pendingRegistrations = 0
        #expect(MetricsPane.sparkline(pending, Array(repeating: zero, count: 8)).text == String(repeating: "▁", count: 8))
        zero.pendingRegistrations = 3
        #expect(MetricsPane.sparkline(pending, Array(repeating: zero, count: 8)).text == String(repeating: "▄", count: 8))
    }
}

/// The registration detail shows similar-name hints under their own heading, after the conflicts.
@Suite struct SimilarNameDetailTests {
    @Test func hintsAreShownApartFromConflicts() throws {
        let policy = try Policy.bundledDefault()
        func partner(_ id: String) -> Partner {
            Partner(id: id, name: "Partner \(id)", type: .referral, tier: "registered", region: "EMEA", status: .active,
                    joinedOn: Day(parsing: "2025-01-01")!, owner: "amara", certifiedStaff: 0)
        }
        func registration(_ id: String, _ partner: String, _ company: String, _ domain: String) -> Registration {
            Registration(id: id, partnerID: partner, prospectCompany: company, prospectDomain: domain, estimatedACV: Money(cents: 100),
                         submittedAt: Instant(parsing: "2026-09-26T10:00:00Z")!, status: .pending)
        }
        let programme = try Programme.loaded(
            policy: policy, partners: [partner("P-1"), partner("P-2")],
            registrations: [registration("R-1", "P-1", "Zürich Datentechnik AG", "zdt.ch"),
                            registration("R-2", "P-2", "Zurich Datentechnik GmbH", "zurich-datentechnik.de")],
            deals: [], investments: [], npsResponses: [], directAccounts: [], enablement: [], audit: [])
        let day = Day(parsing: "2026-09-27")!
        let data = ConsoleData(programme: programme, asOf: day, period: .quarterToDate(day), now: day.endOfDay)
        let (_, right) = try #require(RegistrationDetailView.content(id: "R-1", data: data))
        let text = right.map(\.text)
        let conflicts = try #require(text.firstIndex(of: "Conflicts"))
        let hints = try #require(text.firstIndex(of: "Similar names (not conflicts)"))
        #expect(conflicts < hints)
        #expect(text[conflicts + 2].hasPrefix("None"))
        #expect(text.dropFirst(hints).contains { $0.contains("Zurich Datentechnik GmbH") })
        #expect(text.dropFirst(hints).contains { $0.contains("R-2") && $0.contains("Registration") })
        // The queue row counts no conflict.
        #expect(data.queue.first { $0.id == "R-1" }?.conflicts == [])
    }
}
