import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// A prospect's domain must have a registrable part by the Public Suffix List, or it could never be
/// checked for conflicts: import refuses the file, naming the row and column, and stores nothing.
@Suite struct ProspectDomainImportTests {
    let programme: Programme
    init() throws { programme = try CSVFixtures.smallProgramme() }

    static let header = "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until\n"

    func row(_ id: String, _ domain: String) -> String {
        "\(id),P-00001,Acme,\(domain),100,2026-01-01T10:00:00Z,pending,,\n"
    }

    @Test func refusesDomainsWithNoRegistrablePart() {
        let text = Self.header + row("R-1", "acme.com") + row("R-2", "co.uk") + row("R-3", "192.168.0.1")
            + row("R-4", "localhost") + row("R-5", "\"https://[::1]:8080/\"") + row("R-6", "https://www.acme.com.sg/about")
        #expect(CSVFixtures.issues(.registrations, text, programme: programme) == [
            "registrations.csv:3: prospect_domain: \"co.uk\" is a public suffix (co.uk) with no registrable part",
            "registrations.csv:4: prospect_domain: \"192.168.0.1\" is an IP address, not a company's domain",
            "registrations.csv:5: prospect_domain: \"localhost\" is a single label, not a company's domain",
            "registrations.csv:6: prospect_domain: \"https://[::1]:8080/\" is an IP address, not a company's domain",
        ])
    }

    @Test func acceptsWhatPartnersTypeAndKeepsItAsTyped() throws {
        let text = Self.header + row("R-1", "https://www.Acme.com.sg:443/about") + row("R-2", "sales@beta.co.kr")
            + row("R-3", "食狮.com.cn")
        guard case .registrations(let rows) = try CSVFixtures.parse(.registrations, text, programme: programme).get()
        else { Issue.record("not registrations"); return }
        #expect(rows.map(\.prospectDomain) == ["https://www.Acme.com.sg:443/about", "sales@beta.co.kr", "食狮.com.cn"])
        #expect(rows.map(\.registrableDomain) == ["acme.com.sg", "beta.co.kr", "xn--85x722f.com.cn"])
    }

    @Test func directAccountsNeedARegistrableDomainToo() {
        let text = "domain,account,owner\nacme.com,Acme,amara\ngov.uk,Government,amara\n"
        #expect(CSVFixtures.issues(.directAccounts, text, programme: programme) == [
            "direct_accounts.csv:3: domain: \"gov.uk\" is a public suffix (gov.uk) with no registrable part",
        ])
    }
}

/// The programme file records the suffix list its registrable domains were derived under, and a file
/// written under another list has them derived again at open.
@Suite struct SuffixListVersionTests {
    /// A table whose stored registrable domains are deliberately wrong, so using them shows.
    func stale() throws -> ColumnTable {
        let rows = RegistrationTable([Registration(
            id: "R-1", partnerID: "P-1", prospectCompany: "Alpha", prospectDomain: "www.alpha.com.sg",
            estimatedACV: Money(cents: 1), submittedAt: Instant(seconds: 0), status: .pending)])
        var wrong = StringColumn()
        wrong.append("com.sg")
        let table = RegistrationTable(
            ids: rows.ids, partnerIDs: rows.partnerIDs, companies: rows.companies, domains: rows.domains,
            estimatedACV: rows.estimatedACV, submittedAt: rows.submittedAt, statuses: rows.statuses,
            decidedAt: rows.decidedAt, protectedUntil: rows.protectedUntil, tiersAtApproval: rows.tiersAtApproval,
            extensions: rows.extensions, notes: rows.notes, registrables: wrong)
        return try TableCodec.encode(table)
    }

    @Test func storedDomainsAreUsedUnderTheSameList() throws {
        let decoded = try TableCodec.decode(RegistrationTable.self, from: stale(), suffixList: Domain.listVersion)
        #expect(decoded.registrableDomain(0) == "com.sg")
    }

    @Test func anotherListOrNoneRecomputes() throws {
        for version in ["public_suffix_list.dafsa@0#0", nil] as [String?] {
            let decoded = try TableCodec.decode(RegistrationTable.self, from: stale(), suffixList: version)
            #expect(decoded.registrableDomain(0) == "alpha.com.sg")
        }
    }

    @Test func theFileRecordsTheListInUse() throws {
        let data = try SnapshotCodec.encode(Programme(policy: try Policy.bundledDefault()), generation: 1, lastSeq: 0, savedAt: Date())
        let root = try PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any]
        #expect(root?["suffixList"] as? String == Domain.listVersion)
    }
}
