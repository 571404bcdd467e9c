import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// The §8 rules through the programme as imported: its policy's windows, its allocations and its links
/// from registrations, agreeing with the fixture's expected outputs.
struct MDFProgrammeTests {
    let programme = SampleProgramme.programme

    @Test func theImportedProgrammeGivesTheFixtureFigures() throws {
        #expect(programme.mdfQueue(asOf: SampleProgramme.asOf).map(\.request.id)
                == ["M-000052", "M-000068", "M-000046", "M-000056", "M-000040", "M-000032"])
        let figures = programme.mdfFigures(period: Period(from: Day(parsing: "2026-01-01")!, to: SampleProgramme.asOf))
        let want = try SampleProgramme.expected(MDFFixtureTests.Fig.self, "expected-mdf-metrics-2026.json")
        #expect(figures.paid.cents == MDFFixtureTests.c(want.mdfPaid))
        #expect(figures.sourcedARR.cents == MDFFixtureTests.c(want.mdfSourcedARR))
        #expect(figures.allocated.cents == MDFFixtureTests.c(want.mdfAllocated))
    }

    @Test func aRequestApprovedAfterDShowsNoApprovalAtD() throws {
        let item = try #require(programme.mdfQueue(asOf: Day(parsing: "2026-08-31")!).first { $0.request.id == "M-000050" })
        #expect(item.status == .submitted)
        #expect(item.request.approvedAmount != nil)
        #expect(item.approvedAmount == nil)
    }

    @Test func theRulesReadThePolicyWindows() {
        var changed = programme
        var policy = changed.policy
        policy.mdfApprovalDays = 365
        changed.policy = policy
        #expect(changed.mdfPolicy == MDFPolicy(claimDays: 60, approvalDays: 365))
        #expect(changed.mdfQueue(asOf: SampleProgramme.asOf).allSatisfy { !$0.breached })
        #expect(programme.mdfQueue(asOf: SampleProgramme.asOf).contains { $0.breached })
    }

    @Test func balanceOfOnePartnerMatchesTheList() {
        for balance in programme.mdfBalances(year: 2026, asOf: SampleProgramme.asOf) {
            #expect(programme.mdfBalance(partnerID: balance.partnerID, year: 2026, asOf: SampleProgramme.asOf) == balance)
        }
        #expect(programme.mdfBalance(partnerID: "P-99999", year: 2026, asOf: SampleProgramme.asOf) == nil)
    }
}
