import ChannelModel
import Testing

/// Similar-name hints (DESIGN.md §3): one normalised company name under another registrable domain is a
/// hint beside the conflicts, never one of them.
@Suite struct SimilarNameTests {
    @Test(arguments: [
        ("Zürich Datentechnik AG", "zurich datentechnik"),
        ("ZURICH DATENTECHNIK", "zurich datentechnik"),
        ("Acme, Inc.", "acme"),
        ("Acme Pty Ltd", "acme"),
        ("Acme Holdings B.V.", "acme holdings"),
        ("Orbit Logic KK", "orbit logic"),
        ("Société Générale SA", "societe generale"),
        ("O'Neil & Sons plc", "oneil sons"),
        ("Northwind LLC", "northwind"),
        ("Northwind GmbH", "northwind"),
        ("Crescent Corp", "crescent"),
        ("深圳数据科技有限公司", "深圳数据科技有限公司"),
        ("AB", "ab"),
    ])
    func normalisation(name: String, expected: String) {
        #expect(CompanyName.normalised(name) == expected)
    }

    @Test func legalFormsInsideANameStay() {
        // Only trailing legal forms go: "SA" inside a name is part of it.
        #expect(CompanyName.normalised("SA Logistics Ltd") == "sa logistics")
        #expect(CompanyName.normalised("  ...  ") == nil)
    }

    static func programme() -> Programme {
        func registration(_ id: String, _ partner: String, _ company: String, _ domain: String, status: RegistrationStatus = .pending) -> Registration {
            Registration(id: id, partnerID: partner, prospectCompany: company, prospectDomain: domain, estimatedACV: Money(cents: 100),
                         submittedAt: Instant(parsing: "2026-09-26T10:00:00Z")!, status: status,
                         decidedAt: status == .pending ? nil : Instant(parsing: "2026-09-26T12:00:00Z")!,
                         protectedUntil: status == .approved ? Day(parsing: "2026-12-25")! : nil)
        }
        return try! Programme.loaded(
            policy: AsOfTests.policy, partners: [AsOfTests.partner("P-1"), AsOfTests.partner("P-2")],
            registrations: [
                registration("R-1", "P-1", "Zürich Datentechnik AG", "zdt.ch"),
                registration("R-2", "P-2", "Zurich Datentechnik GmbH", "zurich-datentechnik.de", status: .approved),
                registration("R-3", "P-2", "Zurich Datentechnik", "zdt.ch"),
                registration("R-4", "P-2", "zurich datentechnik", "zdt-old.com", status: .rejected),
                registration("R-5", "P-1", "Other Company", "other.com"),
            ],
            deals: [], investments: [], npsResponses: [], directAccounts: [], enablement: [], audit: [])
    }

    @Test func hintsAreOpenRegistrationsUnderAnotherDomain() {
        let day = Day(parsing: "2026-09-27")!
        let items = QueueItem.queue(Self.programme(), asOf: AsOf(day, now: day.endOfDay))
        let byID = Dictionary(uniqueKeysWithValues: items.map { ($0.id, $0) })
        let first = try! #require(byID["R-1"])
        // R-2 (approved, protected) is a hint; R-3 is on the same domain, so a conflict, not a hint;
        // R-4 was rejected and holds no claim.
        #expect(first.similarNames.map(\.registrationId) == ["R-2"])
        #expect(first.similarNames.first?.domain == "zurich-datentechnik.de")
        #expect(first.similarNames.first?.kind == "similar_name")
        #expect(first.conflicts == [Conflict(kind: .partner, registrationId: "R-3")])
        #expect(byID["R-5"]?.similarNames == [])
        #expect(byID["R-5"]?.conflicts == [])
    }

    @Test func hintsAreNeverCountedAsConflicts() throws {
        let day = Day(parsing: "2026-09-27")!
        let entries = ConflictDetector.queue(Self.programme(), asOf: day)
        let entry = try #require(entries.first { $0.registrationId == "R-1" })
        #expect(entry.conflicts.count == 1)
        #expect(entry.similarNames?.count == 1)
        #expect(!entry.conflicts.contains { $0.registrationId == "R-2" })
    }
}
