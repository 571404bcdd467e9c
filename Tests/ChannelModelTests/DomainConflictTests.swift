import ChannelModel
import ChannelResources
import Foundation
import Testing

/// Conflicts follow registrable domains by the Public Suffix List: two companies under one country
/// suffix are two prospects, and one company typed as a URL, an e-mail or in Unicode is one.
@Suite struct DomainConflictTests {
    static let policy = try! JSONDecoder().decode(Policy.self, from: ChannelResources.defaultPolicyJSON())
    static let day = Day(parsing: "2026-10-01")!

    /// Registration `R-n` of partner `P-(n % 2 + 1)` typing the n-th domain, all pending.
    func queue(_ domains: [String], direct: [String] = []) -> [String: [Conflict]] {
        var programme = Programme(policy: Self.policy)
        for id in ["P-1", "P-2"] {
            _ = programme.upsert(Partner(id: id, name: id, type: .reseller, tier: Self.policy.tiers[0].name, region: "EMEA",
                                         status: .active, joinedOn: Self.day.adding(days: -400), owner: "o", certifiedStaff: 0))
        }
        for (n, domain) in domains.enumerated() {
            _ = programme.upsert(Registration(
                id: "R-\(n)", partnerID: "P-\(n % 2 + 1)", prospectCompany: "Company \(n)", prospectDomain: domain,
                estimatedACV: Money(cents: 100), submittedAt: Instant(seconds: Int64(Self.day.ordinal) * 86_400 + Int64(n)),
                status: .pending))
        }
        for domain in direct { _ = programme.upsert(DirectAccount(domain: domain, account: "Direct", owner: "ae")) }
        let entries = ConflictDetector.queue(programme, asOf: Self.day)
        return Dictionary(uniqueKeysWithValues: entries.map { ($0.registrationId, $0.conflicts) })
    }

    @Test(arguments: [("alpha.com.sg", "beta.com.sg"), ("alpha.co.kr", "beta.co.kr"), ("alpha.com.tr", "beta.com.tr"),
                      ("alpha.co.id", "beta.co.id"), ("hmrc.gov.uk", "dvla.gov.uk"), ("a.k12.ak.us", "b.k12.ak.us"),
                      ("x.alpha.kobe.jp", "x.beta.kobe.jp")])
    func companiesUnderOneCountrySuffixDoNotConflict(first: String, second: String) {
        let conflicts = queue([first, second])
        #expect(conflicts["R-0"] == [] && conflicts["R-1"] == [], "\(first) / \(second)")
    }

    @Test(arguments: [("alpha.com.sg", "www.alpha.com.sg"), ("https://www.Acme.co.kr:443/about?x", "sales@acme.co.kr"),
                      ("食狮.com.cn", "www.xn--85x722f.com.cn"), ("ACME.com.tr.", "eu.acme.com.tr")])
    func oneCompanyTypedTwoWaysConflicts(first: String, second: String) {
        let conflicts = queue([first, second])
        #expect(conflicts["R-0"] == [Conflict(kind: .partner, registrationId: "R-1")], "\(first) / \(second)")
        #expect(conflicts["R-1"] == [Conflict(kind: .partner, registrationId: "R-0")], "\(first) / \(second)")
    }

    @Test func directAccountsMatchByRegistrableDomain() {
        let conflicts = queue(["shop.acme.com.sg", "beta.com.sg"], direct: ["https://acme.com.sg/"])
        #expect(conflicts["R-0"] == [Conflict(kind: .direct, domain: "acme.com.sg")])
        #expect(conflicts["R-1"] == [])
    }
}
