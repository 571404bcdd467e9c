import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// Fixture MDF rows built with the project's CSV reader (the real importer comes later).
enum MDFSample {
    static func rows(_ name: String) -> [[String: String]] {
        let data = try! Data(contentsOf: SampleProgramme.directory.appendingPathComponent(name))
        let recs = try! CSVReader.records(in: data)
        let header = recs[0].fields
        return recs.dropFirst().map { Dictionary(uniqueKeysWithValues: zip(header, $0.fields)) }
    }
    static let requests: [MDFRequest] = rows("mdf_requests.csv").map { f in
        func m(_ k: String) -> Money? { f[k].flatMap { $0.isEmpty ? nil : Money(parsing: $0) } }
        func i(_ k: String) -> Instant? { f[k].flatMap { $0.isEmpty ? nil : Instant(parsing: $0) } }
        func d(_ k: String) -> Day? { f[k].flatMap { $0.isEmpty ? nil : Day(parsing: $0) } }
        return MDFRequest(id: f["request_id"]!, partnerID: f["partner_id"]!, activity: MDFActivity(label: f["activity"]!)!,
                          description: f["description"]!, submittedAt: i("submitted_at")!, startsOn: d("starts_on")!,
                          endsOn: d("ends_on")!, requestedAmount: m("requested_amount")!, status: MDFStatus(label: f["status"]!)!,
                          decidedAt: i("decided_at"), approvedAmount: m("approved_amount"), claimedAt: i("claimed_at"),
                          claimedAmount: m("claimed_amount"), proof: f["proof"] ?? "", paidOn: d("paid_on"), paidAmount: m("paid_amount"))
    }
    static let allocations: [MDFAllocation] = rows("mdf_allocations.csv").map {
        MDFAllocation(partnerID: $0["partner_id"]!, year: Int($0["year"]!)!, amount: Money(parsing: $0["amount"]!)!)
    }
    static func tierMDF(_ p: Partner) -> Money { SampleProgramme.programme.tier(of: p).mdfPerYear }
}

struct MDFRulesTests {
    @Test func queueMatchesFixture() throws {
        let p = SampleProgramme.programme
        let q = MDFRules.queue(partners: p.partners, requests: MDFSample.requests, allocations: MDFSample.allocations,
                               asOf: SampleProgramme.asOf, tierMDF: MDFSample.tierMDF)
        #expect(q.map(\.request.id) == ["M-000052", "M-000068", "M-000046", "M-000056", "M-000040", "M-000032"])
        #expect(q.map(\.breached) == [false, false, false, true, true, false])
        #expect(q.map(\.balance.cents) == [848022, 132063, 884881, 848022, 261785, 414189])
        let q2 = MDFRules.queue(partners: p.partners, requests: MDFSample.requests, allocations: MDFSample.allocations,
                                asOf: Day(parsing: "2026-08-31")!, tierMDF: MDFSample.tierMDF)
        #expect(q2.map(\.request.id) == ["M-000002", "M-000021", "M-000044", "M-000038", "M-000050"])
    }

    @Test func refusals() {
        let r = MDFSample.requests.first { $0.id == "M-000050" }!
        #expect(MDFRules.checkApprove(r, amount: .zero, balance: Money(cents: 100_000)) != nil)
        #expect(MDFRules.checkApprove(r, amount: Money(cents: 999_999), balance: Money(cents: 9_999_999)) != nil)
        #expect(MDFRules.checkApprove(r, amount: Money(cents: 1000), balance: Money(cents: 999)) != nil)
        #expect(MDFRules.checkApprove(r, amount: Money(cents: 1000), balance: Money(cents: 1000)) == nil)
        #expect(MDFRules.checkClaim(r, status: .submitted, claimedAt: r.submittedAt, amount: Money(cents: 1), proof: "x") != nil)
        #expect(MDFRules.checkClaim(r, status: .approved, claimedAt: r.submittedAt, amount: Money(cents: 1), proof: "") != nil)
        #expect(MDFRules.payAmount(claimed: Money(cents: 5), approved: Money(cents: 3)) == Money(cents: 3))
    }
}

/// Fixture balances and figures, money compared in cents.
struct MDFFixtureTests {
    struct Bal: Decodable { var partnerId: String; var allocation: Double; var committed: Double; var spent: Double; var balance: Double }
    struct Fig: Decodable { var mdfAllocated: Double; var mdfCommitted: Double; var mdfSpent: Double; var mdfPaid: Double; var mdfSourcedARR: Double; var mdfROI: Double? }
    static func c(_ v: Double) -> Int64 { Int64((v * 100).rounded()) }

    @Test func balancesMatchFixture() throws {
        let p = SampleProgramme.programme
        let got = MDFRules.balances(partners: p.partners, requests: MDFSample.requests, allocations: MDFSample.allocations,
                                    year: 2026, asOf: SampleProgramme.asOf, tierMDF: MDFSample.tierMDF)
        let want = try SampleProgramme.expected([Bal].self, "expected-mdf-balances.json")
        #expect(got.map(\.partnerID) == want.map(\.partnerId))
        #expect(got.map(\.allocation.cents) == want.map { Self.c($0.allocation) })
        #expect(got.map(\.committed.cents) == want.map { Self.c($0.committed) })
        #expect(got.map(\.spent.cents) == want.map { Self.c($0.spent) })
        #expect(got.map(\.balance.cents) == want.map { Self.c($0.balance) })
    }

    @Test(arguments: [("expected-mdf-metrics.json", "2026-07-01"), ("expected-mdf-metrics-2026.json", "2026-01-01")])
    func figuresMatchFixture(file: String, from: String) throws {
        let p = SampleProgramme.programme
        let mdfRegs = Set(MDFSample.rows("registrations.csv").filter { !($0["mdf_request_id"] ?? "").isEmpty }.map { $0["registration_id"]! })
        let deals = (0..<p.deals.count).map { p.deals[$0] }
        let f = MDFRules.figures(partners: p.partners, requests: MDFSample.requests, allocations: MDFSample.allocations,
                                 deals: deals, mdfRegistrations: mdfRegs,
                                 period: Period(from: Day(parsing: from)!, to: SampleProgramme.asOf), tierMDF: MDFSample.tierMDF)
        let w = try SampleProgramme.expected(Fig.self, file)
        #expect(f.allocated.cents == Self.c(w.mdfAllocated))
        #expect(f.committed.cents == Self.c(w.mdfCommitted))
        #expect(f.spent.cents == Self.c(w.mdfSpent))
        #expect(f.paid.cents == Self.c(w.mdfPaid))
        #expect(f.sourcedARR.cents == Self.c(w.mdfSourcedARR))
        #expect(abs((f.roi ?? 0) - (w.mdfROI ?? 0)) < 1e-9)
    }
}
