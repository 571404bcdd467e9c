@testable import ChannelModel
import Testing

/// The value types every figure rests on: exact money, calendar days, periods and domains.
@Suite struct ValueTests {
    @Test(arguments: [("116820.49", 11_682_049), ("100", 10_000), ("-12.5", -1_250), ("0.07", 7), (".5", 50), ("+3", 300)])
    func moneyParses(text: String, cents: Int64) {
        #expect(Money(parsing: text)?.cents == cents)
    }

    @Test(arguments: ["12,50", "1e5", "12.345", "", "-", "1.2.3", "abc", "１２"])
    func moneyRejects(text: String) {
        #expect(Money(parsing: text) == nil)
    }

    @Test func moneyFormats() {
        #expect(Money(cents: 67_298_472).plain == "672984.72")
        #expect(Money(cents: 67_298_472).grouped == "672,984.72")
        #expect(Money(cents: -105).plain == "-1.05")
        #expect(Money(cents: 123_456_789).compact == "1.2M")
        #expect(Money(cents: 25_000_000).compact == "250k")
    }

    @Test func commissionRoundsHalfAwayFromZeroExactly() {
        #expect(Money(cents: 11_682_049).times(rate: 0.3) == Money(cents: 3_504_615))
        #expect(Money(cents: 1_977_481).times(rate: 0.1) == Money(cents: 197_748))
        #expect(Money(cents: 1).times(rate: 0.5) == Money(cents: 1))
        #expect(Money(cents: -1).times(rate: 0.5) == Money(cents: -1))
        #expect(Money(cents: 1_443_456).times(rate: 0.15) == Money(cents: 216_518))
    }

    @Test func daysRoundTripAndRejectImpossibleDates() {
        for text in ["1970-01-01", "2024-02-29", "2026-09-30", "1969-12-31", "9999-12-31"] {
            #expect(Day(parsing: text)?.description == text)
        }
        for text in ["2026-02-29", "2026-13-01", "2026-00-10", "2026-04-31", "26-01-01", "2026/01/01", "2026-1-01"] {
            #expect(Day(parsing: text) == nil, "\(text)")
        }
        #expect(Day(parsing: "1970-01-02")?.ordinal == 1)
    }

    @Test func instants() {
        let instant = Instant(parsing: "2025-09-03T02:37:34Z")
        #expect(instant?.description == "2025-09-03T02:37:34Z")
        #expect(instant?.day == Day(parsing: "2025-09-03"))
        #expect(Instant(parsing: "2025-09-03T24:00:00Z") == nil)
        #expect(Instant(parsing: "2025-09-03 02:37:34Z") == nil)
        #expect(Day(parsing: "2026-09-30")!.endOfDay.description == "2026-09-30T23:59:59Z")
    }

    @Test func periods() {
        #expect(Period(quarter: "2026-Q3") == Period(from: Day(parsing: "2026-07-01")!, to: Day(parsing: "2026-09-30")!))
        #expect(Period(quarter: "2026-q4")?.to == Day(parsing: "2026-12-31"))
        #expect(Period(quarter: "2026-Q5") == nil)
        #expect(Period.quarterToDate(Day(parsing: "2026-08-15")!) == Period(from: Day(parsing: "2026-07-01")!, to: Day(parsing: "2026-08-15")!))
        #expect(Period(quarter: "2026-Q1")!.shiftedQuarters(-1).label == "2025-Q4")
        #expect(Period(quarter: "2026-Q4")!.shiftedQuarters(1).label == "2027-Q1")
        #expect(Period(from: Day(parsing: "2026-07-01")!, to: Day(parsing: "2026-08-15")!).label == "2026-Q3 to date")
        #expect(Period(from: Day(parsing: "2026-07-02")!, to: Day(parsing: "2026-08-15")!).label == "2026-07-02..2026-08-15")
        #expect(Period(from: Day(parsing: "2026-04-01")!, to: Day(parsing: "2026-08-15")!).label == "2026-04-01..2026-08-15")
    }

    @Test func enumLabelsAreCaseInsensitive() {
        #expect(PartnerType(label: "System_Integrator") == .systemIntegrator)
        #expect(RegistrationStatus(label: "INFO_REQUESTED") == .infoRequested)
        #expect(PartnerType(label: "vendor") == nil)
    }
}
