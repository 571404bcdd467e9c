import ChannelModel
import ChannelStore
import Foundation
import Testing

/// Concentration, trends, enablement and the ledger on the sample, checked against figures computed
/// here by hand from the raw deals (not through the code under test).
@Suite struct AnalyticsTests {
    let programme = SampleProgramme.programme
    let asOf = SampleProgramme.asOf
    let q3 = Period(quarter: "2026-Q3")!

    /// Per-partner sourced won ACV in cents, computed directly from the deals.
    func handTotals(_ period: Period) -> [String: Int64] {
        var totals: [String: Int64] = [:]
        for deal in programme.deals where deal.outcome == .won && deal.attribution == .sourced && period.contains(deal.closedOn) {
            totals[deal.partnerID, default: 0] += deal.acv.cents
        }
        return totals
    }

    @Test func concentrationFiguresMatchAHandComputation() {
        let report = Concentration.analyse(programme, asOf: asOf, period: q3)
        let values = handTotals(q3).values.sorted(by: >)
        let total = values.reduce(0, +)
        #expect(report.partnerSourcedARR.cents == total)
        #expect(abs(report.top5Share - Double(values.prefix(5).reduce(0, +)) / Double(total)) < 1e-12)
        let hhi = values.reduce(0.0) { $0 + pow(100 * Double($1) / Double(total), 2) }
        #expect(abs(report.hhi - hhi) < 1e-9)
        // The fewest partners reaching 80%.
        var running: Int64 = 0, count = 0
        for value in values where Double(running) < 0.8 * Double(total) { running += value; count += 1 }
        #expect(report.partnersFor80Percent == count)
        // Gini by the mean-absolute-difference definition, over enrolled partners (zeros included).
        let enrolled = programme.partners.filter { $0.status.isEnrolled && $0.joinedOn <= asOf }.map(\.id)
        let earners = Set(handTotals(q3).keys)
        let population = values.map(Double.init) + Array(repeating: 0.0, count: enrolled.filter { !earners.contains($0) }.count)
        let mean = population.reduce(0, +) / Double(population.count)
        var differences = 0.0
        for a in population { for b in population { differences += abs(a - b) } }
        let gini = differences / (2 * Double(population.count * population.count) * mean)
        #expect(report.population == population.count)
        #expect(abs(report.gini - gini) < 1e-9)
        // It agrees with the metrics' own top-5 and HHI, and says so in words.
        let metrics = Metrics.report(programme, asOf: asOf, period: q3)
        #expect(abs(report.top5Share - metrics.top5Concentration) < 1e-12 && abs(report.hhi - metrics.hhi) < 1e-9)
        #expect(report.summary == "top 5 partners = 49% of sourced ARR — moderate concentration")
        typealias Point = ConcentrationReport.LorenzPoint
        #expect(report.lorenz.first == Point(partners: 0, revenue: 0))
        #expect(report.lorenz.last == Point(partners: 1, revenue: 1))
        #expect(report.ranking.last.map { abs($0.cumulativeShare - 1) < 1e-12 } == true)
    }

    @Test func theSecondQuarterIsHighlyConcentrated() {
        let report = Concentration.analyse(programme, asOf: asOf, period: Period(quarter: "2026-Q2")!)
        #expect(report.risk == .high)
        #expect(report.ranking.first?.partnerId == "P-00043")
    }

    @Test func eachTrendQuarterEqualsTheSinglePeriodReport() {
        let quarters = Trends.quarterly(programme, asOf: asOf, endingWith: q3)
        #expect(quarters.map(\.period.label) == ["2024-Q4", "2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"])
        for quarter in quarters {
            let single = Metrics.report(programme, asOf: quarter.to, period: quarter.period)
            #expect(quarter == single, "\(quarter.period.label)")
        }
        #expect(quarters.last == Metrics.report(programme, asOf: asOf))
        // Q2 as of its own last day: the Q2 figures of expected-metrics-2026-Q2.json that do not depend on as-of.
        #expect(quarters[6].partnerSourcedARR == Money(cents: 128_349_324))
    }

    @Test func enablementSplitsTheActiveRate() {
        let stats = EnablementCheck.stats(programme, asOf: asOf)
        let metrics = Metrics.report(programme, asOf: asOf)
        #expect(stats.enabledPartners + stats.otherPartners == metrics.enrolledPartners)
        #expect(stats.enabledActive + stats.otherActive == metrics.activePartners)
        let fully = Set(Dictionary(grouping: programme.enablement, by: \.partnerID).filter { Set($0.value.map(\.item)).count == 5 }.keys)
        let enrolledFully = programme.partners.filter { Metrics.isEnrolled($0, asOf: asOf) && fully.contains($0.id) }
        #expect(stats.enabledPartners == enrolledFully.count)
    }

    @Test func ledgerTotalsMatchTheExpectedCommissions() throws {
        let expected = try SampleProgramme.expected([CommissionLine].self, "expected-commissions.json")
        let ledger = Ledger.lines(programme)
        #expect(ledger.count == expected.count)
        #expect(ledger.allSatisfy { $0.status == .accrued })
        #expect(ledger.reduce(Money.zero) { $0 + $1.amount } == expected.reduce(Money.zero) { $0 + $1.amount })
        for kind in CommissionKind.allCases {
            #expect(ledger.filter { $0.kind == kind }.reduce(Money.zero) { $0 + $1.amount }
                    == expected.filter { $0.kind == kind }.reduce(Money.zero) { $0 + $1.amount })
        }
    }
}

/// The ledger's statuses move forward one step, undo puts them back, and a reversed deal is clawed back.
@Suite struct LedgerTests {
    func apply(_ action: ProgrammeAction, _ programme: inout Programme, seq: Int64 = 100) throws -> ActionOutcome {
        try Reducer.apply(JournalEntry(seq: seq, generation: 1, at: Instant(parsing: "2026-10-01T09:00:00Z")!, actor: "finance", action: action), to: &programme)
    }

    @Test func advanceUndoAndRefusals() throws {
        var programme = SampleProgramme.programme
        let advanced = try apply(.advanceCommissions(dealIDs: ["D-0000001"]), &programme)
        #expect(advanced.message == "Commission on D-0000001 is now approved")
        #expect(programme.commissionStatus == ["D-0000001": .approved])
        _ = try apply(.advanceCommissions(dealIDs: ["D-0000001"]), &programme, seq: 101)
        #expect(throws: ActionError("the commission on D-0000001 is already paid")) {
            try apply(.advanceCommissions(dealIDs: ["D-0000001"]), &programme, seq: 102)
        }
        #expect(throws: ActionError("D-0000003 earns no commission")) {
            try apply(.advanceCommissions(dealIDs: ["D-0000003"]), &programme, seq: 102)
        }
        _ = try apply(.restoreCommissionStatus(["D-0000001": .approved], undoing: 101), &programme, seq: 103)
        #expect(programme.commissionStatus == ["D-0000001": .approved])
    }

    @Test func aReversedPaidDealIsClawedBackAsANegativeLine() throws {
        var programme = SampleProgramme.programme
        _ = try apply(.advanceCommissions(dealIDs: ["D-0000001"]), &programme)
        _ = try apply(.advanceCommissions(dealIDs: ["D-0000001"]), &programme, seq: 101)
        let paid = try #require(Ledger.lines(programme).first { $0.dealId == "D-0000001" })
        var reversed = try #require(programme.deal("D-0000001"))
        reversed.outcome = .lost
        let outcome = try apply(.importBatch(.deals([reversed]), source: "fix.csv"), &programme, seq: 102)
        #expect(outcome.message.hasSuffix("· 1 commission clawed back"))
        let lines = Ledger.lines(programme).filter { $0.dealId == "D-0000001" }
        #expect(lines.count == 1)
        #expect(lines[0].isClawback && lines[0].amount == -paid.amount && lines[0].date == Day(parsing: "2026-10-01"))
        #expect(programme.commissionStatus["D-0000001"] == nil)
        // An accrued (unpaid) line that disappears is simply gone: nothing was paid.
        var lost = try #require(programme.deal("D-0000002"))
        lost.outcome = .lost
        _ = try apply(.importBatch(.deals([lost]), source: "fix.csv"), &programme, seq: 103)
        #expect(programme.clawbacks.count == 1)
    }

    @Test func ledgerStateSurvivesTheSnapshot() throws {
        var programme = SampleProgramme.programme
        _ = try apply(.advanceCommissions(dealIDs: ["D-0000001", "D-0000002"]), &programme)
        var reversed = try #require(programme.deal("D-0000001"))
        reversed.outcome = .lost
        _ = try apply(.importBatch(.deals([reversed]), source: "fix.csv"), &programme, seq: 101)
        let data = try SnapshotCodec.encode(programme, generation: 2, lastSeq: 101, savedAt: Date(timeIntervalSince1970: 0))
        let decoded = try SnapshotCodec.decode(data).programme
        #expect(decoded.commissionStatus == ["D-0000002": .approved])
        #expect(decoded.clawbacks == programme.clawbacks)
        #expect(decoded == programme)
    }

    @Test func journalRoundTripOfLedgerActions() throws {
        for action in [ProgrammeAction.advanceCommissions(dealIDs: ["D-1", "D-2"]),
                       .restoreCommissionStatus(["D-1": .accrued, "D-2": .paid], undoing: 7)] {
            let entry = JournalEntry(seq: 8, generation: 1, at: Instant(seconds: 1_000), actor: "a", action: action)
            #expect(try JournalCodec.decode(JournalCodec.encode(entry)) == entry)
        }
    }
}
