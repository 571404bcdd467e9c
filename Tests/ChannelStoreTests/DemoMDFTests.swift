import ChannelModel
import ChannelResources
import Foundation
import Testing
@testable import ChannelStore

/// The demo's MDF looks like a real programme's and is valid data: it reads back through the importer,
/// balances hold, and every situation of DESIGN §8 shows up.
@Suite struct DemoMDFTests {
    static let asOf = DemoGeneratorTests.asOf
    static let demo = DemoGeneratorTests.demo

    @Test func aboutOneRequestPerTenRegistrationsInTimeOrder() {
        let requests = Self.demo.mdfRequests
        #expect(requests.count == 2_000)
        #expect(requests.first?.id == "M-000001")
        #expect(zip(requests, requests.dropFirst()).allSatisfy { $0.submittedAt <= $1.submittedAt })
        #expect(requests.allSatisfy { Self.demo.partner($0.partnerID) != nil && $0.submittedAt <= Self.asOf.endOfDay })
    }

    @Test func everyRowPassesTheImportRules() throws {
        let csv = Exporter.export(.mdfRequests, from: Self.demo, format: .csv)
        let batch = try CSVImporter.parse(.mdfRequests, data: csv, fileName: "mdf_requests.csv", programme: Self.demo).get()
        #expect(batch == .mdfRequests(Self.demo.mdfRequests))
    }

    @Test func balancesAreMostlyRespected() {
        let balances = Self.demo.mdfBalances(year: Self.asOf.year, asOf: Self.asOf)
        #expect(!balances.isEmpty)
        #expect(balances.allSatisfy { $0.balance.cents >= 0 }, "no partner is over budget")
        #expect(balances.contains { $0.committed.cents + $0.spent.cents > 0 })
    }

    @Test func everySituationShowsUp() {
        let demo = Self.demo
        let statuses = demo.mdfRequests.map { demo.mdfStatus($0, asOf: Self.asOf) }
        for status in [MDFStatus.submitted, .infoRequested, .approved, .rejected, .claimed, .paid, .claimRejected, .expired] {
            #expect(statuses.contains(status), "no request is \(status) as of \(Self.asOf)")
        }
        // Over-asks approved in part, claims above the approval paid at the approval.
        #expect(demo.mdfRequests.contains { ($0.approvedAmount ?? $0.requestedAmount) < $0.requestedAmount })
        #expect(demo.mdfRequests.contains { $0.status == .paid && $0.claimedAmount! > $0.paidAmount! })
        // Some requests wait past the approval window; some claims came in late and were refused.
        #expect(demo.mdfQueue(asOf: Self.asOf).contains { $0.breached })
        #expect(demo.mdfRequests.contains { $0.status == .claimRejected && $0.claimedAt!.day > $0.endsOn.adding(days: 60) })
        // Registrations that followed a funded activity name it, and MDF has a return.
        let linked = demo.mdfRegistrationIDs
        #expect(linked.count > 50)
        let period = Period(from: Day(year: Self.asOf.year, month: 1, day: 1)!, to: Self.asOf)
        #expect(demo.mdfFigures(period: period).roi != nil)
        #expect(!demo.mdfAllocations.isEmpty)
    }
}
