import ChannelModel
import ChannelStore
import Foundation
import Testing

/// The definitions of DESIGN.md §3 reproduce the sample's expected outputs exactly: money to the cent,
/// ratios to 1e-9.
@Suite struct SampleProgrammeTests {
    let programme = SampleProgramme.programme
    let asOf = SampleProgramme.asOf

    func expectClose(_ actual: Double?, _ expected: Double?, _ name: String) {
        guard let actual, let expected else { return #expect(actual == nil && expected == nil, "\(name)") }
        #expect(abs(actual - expected) <= 1e-9 * max(1, abs(expected)), "\(name): \(actual) vs \(expected)")
    }

    func expectEqual(_ actual: MetricsReport, _ expected: MetricsReport) {
        #expect(actual.asOf == expected.asOf && actual.from == expected.from && actual.to == expected.to)
        #expect(actual.partnerSourcedARR == expected.partnerSourcedARR)
        #expect(actual.partnerInfluencedARR == expected.partnerInfluencedARR)
        #expect(actual.programmeInvestment == expected.programmeInvestment)
        #expect(actual.enrolledPartners == expected.enrolledPartners)
        #expect(actual.activePartners == expected.activePartners)
        #expect(actual.npsResponses == expected.npsResponses)
        #expect(actual.pendingRegistrations == expected.pendingRegistrations)
        #expect(actual.slaBreaches == expected.slaBreaches)
        expectClose(actual.activePartnerRate, expected.activePartnerRate, "activePartnerRate")
        expectClose(actual.top5Concentration, expected.top5Concentration, "top5Concentration")
        expectClose(actual.hhi, expected.hhi, "hhi")
        expectClose(actual.partnerAcquisitionCost, expected.partnerAcquisitionCost, "partnerAcquisitionCost")
        expectClose(actual.partnerNPS, expected.partnerNPS, "partnerNPS")
        #expect(actual.topPartners.map(\.partnerId) == expected.topPartners.map(\.partnerId))
        #expect(actual.topPartners.map(\.name) == expected.topPartners.map(\.name))
        #expect(actual.topPartners.map(\.sourcedARR) == expected.topPartners.map(\.sourcedARR))
        for (a, e) in zip(actual.topPartners, expected.topPartners) { expectClose(a.share, e.share, "share \(a.partnerId)") }
    }

    @Test func importedEverything() {
        #expect(programme.partners.count == 60)
        #expect(programme.registrations.count == 907)
        #expect(programme.deals.count == 487)
        #expect(programme.directAccounts.count == 12)
    }

    @Test func metricsOfTheDefaultPeriod() throws {
        expectEqual(Metrics.report(programme, asOf: asOf), try SampleProgramme.expected(MetricsReport.self, "expected-metrics.json"))
    }

    @Test func metricsOfTheSecondQuarter() throws {
        let period = Period(from: Day(parsing: "2026-04-01")!, to: Day(parsing: "2026-06-30")!)
        expectEqual(Metrics.report(programme, asOf: asOf, period: period),
                    try SampleProgramme.expected(MetricsReport.self, "expected-metrics-2026-Q2.json"))
    }

    @Test func tierStandings() throws {
        let expected = try SampleProgramme.expected([TierStanding].self, "expected-tiers.json")
        let actual = TierEngine.standings(programme, asOf: asOf)
        #expect(actual.count == expected.count)
        let byID = Dictionary(uniqueKeysWithValues: actual.map { ($0.partnerId, $0) })
        for standing in expected {
            let mine = try #require(byID[standing.partnerId])
            #expect(mine.currentTier == standing.currentTier && mine.qualifiedTier == standing.qualifiedTier, "\(standing.partnerId)")
            #expect(mine.trailingSourcedARR == standing.trailingSourcedARR, "\(standing.partnerId)")
            #expect(mine.certifiedStaff == standing.certifiedStaff && mine.proposal == standing.proposal, "\(standing.partnerId)")
        }
        // The sample is built to exercise every proposal.
        #expect(Set(actual.map(\.proposal)) == Set(TierProposal.allCases))
    }

    /// The fields the expected queues name (the JSON row carries more: the pane's columns, the SLA).
    struct QueueFacts: Hashable {
        var id: String, partner: String, status: RegistrationStatus, conflicts: [Conflict]
        init(_ entry: QueueEntry) {
            id = entry.registrationId; partner = entry.partnerId; status = entry.status; conflicts = entry.conflicts
        }
    }

    @Test(arguments: [("2026-09-30", "expected-queue.json"), ("2026-09-27", "expected-queue-2026-09-27.json")])
    func queueAndConflicts(day: String, file: String) throws {
        let expected = try SampleProgramme.expected([QueueEntry].self, file)
        let actual = ConflictDetector.queue(programme, asOf: Day(parsing: day)!)
        #expect(Set(actual.map(QueueFacts.init)) == Set(expected.map(QueueFacts.init)))
        #expect(actual.count == expected.count)
    }

    @Test func metricsAsOfTheTwentySeventh() throws {
        expectEqual(Metrics.report(programme, asOf: Day(parsing: "2026-09-27")!),
                    try SampleProgramme.expected(MetricsReport.self, "expected-metrics-2026-09-27.json"))
    }

    @Test func commissionLedger() throws {
        let expected = try SampleProgramme.expected([CommissionLine].self, "expected-commissions.json")
        let actual = Commissions.lines(programme)
        #expect(actual.count == expected.count)
        let byID = Dictionary(uniqueKeysWithValues: actual.map { ($0.dealId, $0) })
        for line in expected {
            let mine = try #require(byID[line.dealId])
            #expect(mine.amount == line.amount && mine.acv == line.acv && mine.kind == line.kind, "\(line.dealId)")
            #expect(abs(mine.rate - line.rate) < 1e-12 && mine.registrationId == line.registrationId, "\(line.dealId)")
        }
        #expect(actual.reduce(Money.zero) { $0 + $1.amount } == expected.reduce(Money.zero) { $0 + $1.amount })
    }

    @Test func sameDayNPSCountsTheLaterRow() {
        var programme = Programme(policy: programme.policy)
        let day = Day(parsing: "2026-08-01")!
        programme.add(NPSResponse(partnerID: "P-1", respondedOn: day, score: 10))
        programme.add(NPSResponse(partnerID: "P-1", respondedOn: day, score: 3))
        programme.add(NPSResponse(partnerID: "P-2", respondedOn: day.adding(days: -1), score: 9))
        let nps = Metrics.netPromoterScore(programme, period: .quarterToDate(day.adding(days: 10)))
        #expect(nps.responses == 2)
        #expect(nps.score == 0)
    }

    @Test func aTierChangeDoesNotRepriceEarlierApprovals() throws {
        var changed = programme
        let line = try #require(Commissions.lines(programme).first { $0.kind == .commission })
        let partnerID = line.partnerId
        let other = programme.policy.tiers.first { $0.name != programme.partner(partnerID)!.tier }!.name
        try Reducer.apply(JournalEntry(seq: 99, generation: 1, at: Instant(seconds: 0), actor: "t",
                                       action: .changeTier(partnerID: partnerID, to: other)), to: &changed)
        #expect(Commissions.line(for: changed.deal(line.dealId)!, in: changed) == line)
    }
}

/// Policy validation: every rule with its message.
@Suite struct PolicyTests {
    let policy = try! Policy.bundledDefault()

    @Test func theDefaultIsValidAndMatchesTheDesign() {
        #expect(policy.problems() == [])
        #expect(policy.tiers.map(\.name) == ["platinum", "gold", "silver", "registered"])
        #expect(policy.tiers.map(\.minTrailingSourcedARR) == [Money(cents: 100_000_000), Money(cents: 25_000_000), Money(cents: 5_000_000), .zero])
        #expect(policy.tiers.map(\.priorityRegistration) == [true, true, false, false])
        let windows: [Int] = [policy.approvalSLAHours, policy.protectionDays, policy.extensionDays, policy.activityWindowDays, policy.tierGraceDays]
        #expect(windows == [48, 90, 30, 90, 90])
    }

    @Test func unorderedTiersAreRefused() {
        var broken = policy
        broken.tiers.swapAt(0, 1)
        #expect(broken.problems() == ["tier platinum: tiers must be strictly ordered, highest first — gold must require more than platinum"])
    }

    @Test func negativeMinimumsAndRatesOutOfRange() {
        var broken = policy
        broken.tiers[1].minCertifiedStaff = -1
        broken.tiers[2].resellerDiscount = 1.2
        broken.extensionDays = 0
        #expect(broken.problems().contains("tier gold: minCertifiedStaff is negative"))
        #expect(broken.problems().contains("tier silver: resellerDiscount must be between 0 and 1"))
        #expect(broken.problems().contains("extensionDays must be positive"))
    }
}
