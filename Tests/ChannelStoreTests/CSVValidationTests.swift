import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// One test per import rule of DESIGN.md §4, each with a broken file and the exact report it must give.
/// `CSVFixtures.issues` also fails the test when the file was accepted: nothing may be stored.
@Suite("Import validation")
struct CSVValidationTests {
    let programme: Programme
    init() throws { programme = try CSVFixtures.smallProgramme() }

    static let partnersHeader = "partner_id,name,type,tier,region,status,joined_on,owner,certified_staff\n"
    static let registrationsHeader = "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until\n"
    static let dealsHeader = "deal_id,partner_id,registration_id,account,domain,acv,closed_on,outcome,attribution\n"

    func issues(_ kind: RecordKind, _ text: String) -> [String] {
        CSVFixtures.issues(kind, text, programme: programme)
    }

    @Test func emptyFile() {
        #expect(issues(.nps, "") == ["nps.csv:1: -: the file is empty; expected a header row: partner_id,responded_on,score"])
        #expect(issues(.nps, "\u{FEFF}\n\n") == ["nps.csv:1: -: the file is empty; expected a header row: partner_id,responded_on,score"])
    }

    @Test func missingColumnsOneIssueEach() {
        #expect(issues(.deals, "deal_id,partner_id,account,domain,closed_on,outcome,attribution\n") == [
            "deals.csv:1: registration_id: missing column",
            "deals.csv:1: acv: missing column",
        ])
    }

    @Test func columnTwiceInHeader() {
        #expect(issues(.nps, "partner_id,responded_on,score,score\nP-00001,2026-01-01,9,9\n")
                == ["nps.csv:1: score: column appears twice in the header"])
    }

    @Test func headerIsCaseAndSpaceInsensitiveAndExtraColumnsAreIgnored() throws {
        let batch = try CSVFixtures.parse(.nps, "Comment, Partner_ID ,RESPONDED_ON,score\nhello,P-00002,2026-01-01,9\n",
                                          programme: programme).get()
        #expect(batch == .nps([NPSResponse(partnerID: "P-00002", respondedOn: Day(parsing: "2026-01-01")!, score: 9)]))
    }

    @Test func rowWidthMustMatchHeader() {
        #expect(issues(.nps, "partner_id,responded_on,score\nP-00001,2026-01-01\nP-00001,2026-01-02,9,extra\n") == [
            "nps.csv:2: -: the row has 2 fields; the header has 3",
            "nps.csv:3: -: the row has 4 fields; the header has 3",
        ])
    }

    @Test func requiredFieldsMustNotBeEmpty() {
        #expect(issues(.partners, Self.partnersHeader + "P-00009,,reseller,gold,,active,2025-01-01,ana,\n") == [
            "partners.csv:2: name: is empty",
            "partners.csv:2: region: is empty",
            "partners.csv:2: certified_staff: is empty",
        ])
    }

    @Test func idsMustBeUniqueWithinTheFile() {
        let row = "R-0000001,P-00001,Zeta Ltd,zeta.com,10.00,2026-01-01T10:00:00Z,pending,,\n"
        let text = Self.registrationsHeader + row + "R-0000002,P-00001,Yeti,yeti.com,1,2026-01-01T10:00:00Z,pending,,\n" + row
        #expect(issues(.registrations, text) == ["registrations.csv:4: registration_id: duplicate registration_id R-0000001 (first on line 2)"])
    }

    @Test func directAccountsAreUniqueByRegistrableDomain() {
        #expect(issues(.directAccounts, "domain,account,owner\nacme.com,Acme,west\nwww.ACME.com,Acme Inc,east\n")
                == ["direct_accounts.csv:3: domain: duplicate domain www.ACME.com (first on line 2)"])
    }

    @Test func enablementItemsAreUniquePerPartner() {
        #expect(issues(.enablement, "partner_id,item,completed_on\nP-00001,portal,2026-01-01\nP-00001,Portal,2026-02-01\n")
                == ["enablement.csv:3: item: duplicate item portal for partner P-00001 (first on line 2)"])
    }

    @Test func enumsAreCheckedAgainstTheirVocabulary() {
        #expect(issues(.partners, Self.partnersHeader + "P-00009,Nine,resellr,gold,EMEA,sleeping,2025-01-01,ana,1\n") == [
            "partners.csv:2: type: unknown type \"resellr\"; expected one of reseller, referral, system_integrator, agency, technology, distribution",
            "partners.csv:2: status: unknown status \"sleeping\"; expected one of prospect, onboarding, active, suspended, churned",
        ])
        #expect(issues(.deals, Self.dealsHeader + "D-1,P-00001,,Zeta,zeta.com,1.00,2026-01-01,tie,shared\n") == [
            "deals.csv:2: outcome: unknown outcome \"tie\"; expected one of won, lost",
            "deals.csv:2: attribution: unknown attribution \"shared\"; expected one of sourced, influenced",
        ])
    }

    @Test func enumsAndTiersIgnoreCaseAndTiersKeepThePolicySpelling() throws {
        let batch = try CSVFixtures.parse(.partners, Self.partnersHeader + "P-00009,Nine,RESELLER,Gold,EMEA,Active,2025-01-01,ana,1\n",
                                          programme: programme).get()
        guard case .partners(let rows) = batch else { Issue.record("not partners"); return }
        #expect(rows.first?.type == .reseller)
        #expect(rows.first?.status == .active)
        #expect(rows.first?.tier == "gold")
    }

    @Test func tierMustBeInThePolicy() {
        #expect(issues(.partners, Self.partnersHeader + "P-00009,Nine,reseller,diamond,EMEA,active,2025-01-01,ana,1\n")
                == ["partners.csv:2: tier: unknown tier \"diamond\"; expected one of platinum, gold, silver, registered"])
    }

    @Test func impossibleDatesAreRejected() {
        #expect(issues(.nps, "partner_id,responded_on,score\nP-00001,2026-02-30,9\nP-00001,30/01/2026,9\nP-00001,2026-1-5,9\n") == [
            "nps.csv:2: responded_on: \"2026-02-30\" is not a date (YYYY-MM-DD)",
            "nps.csv:3: responded_on: \"30/01/2026\" is not a date (YYYY-MM-DD)",
            "nps.csv:4: responded_on: \"2026-1-5\" is not a date (YYYY-MM-DD)",
        ])
    }

    @Test func instantsNeedTheFullUTCForm() {
        let text = Self.registrationsHeader
            + "R-1,P-00001,Zeta,zeta.com,1.00,2026-01-01 10:00:00,pending,2026-02-29T10:00:00Z,\n"
        #expect(issues(.registrations, text) == [
            "registrations.csv:2: submitted_at: \"2026-01-01 10:00:00\" is not an instant (YYYY-MM-DDTHH:MM:SSZ)",
            "registrations.csv:2: decided_at: \"2026-02-29T10:00:00Z\" is not an instant (YYYY-MM-DDTHH:MM:SSZ)",
        ])
    }

    @Test func amountsArePlainDecimals() {
        #expect(issues(.investments, "date,category,amount,note\n2026-01-01,mdf,\"12,50\",x\n2026-01-01,mdf,1.234,x\n2026-01-01,mdf,€5,x\n") == [
            "investments.csv:2: amount: \"12,50\" is not an amount",
            "investments.csv:3: amount: \"1.234\" is not an amount",
            "investments.csv:4: amount: \"€5\" is not an amount",
        ])
    }

    @Test func amountsMustNotBeNegative() {
        #expect(issues(.investments, "date,category,amount,note\n2026-01-01,mdf,-12.50,refund\n")
                == ["investments.csv:2: amount: \"-12.50\" is negative; amount cannot be negative"])
        #expect(issues(.registrations, Self.registrationsHeader + "R-1,P-00001,Zeta,zeta.com,-1,2026-01-01T10:00:00Z,pending,,\n")
                == ["registrations.csv:2: estimated_acv: \"-1\" is negative; estimated_acv cannot be negative"])
        #expect(issues(.deals, Self.dealsHeader + "D-1,P-00001,,Zeta,zeta.com,-0.01,2026-01-01,won,sourced\n")
                == ["deals.csv:2: acv: \"-0.01\" is negative; acv cannot be negative"])
    }

    @Test func certifiedStaffIsAWholeNumberNotBelowZero() {
        #expect(issues(.partners, Self.partnersHeader + "P-8,Eight,reseller,gold,EMEA,active,2025-01-01,ana,-1\nP-9,Nine,reseller,gold,EMEA,active,2025-01-01,ana,2.5\n") == [
            "partners.csv:2: certified_staff: \"-1\" is negative; certified_staff cannot be negative",
            "partners.csv:3: certified_staff: \"2.5\" is not a whole number",
        ])
    }

    @Test func npsScoreIsZeroToTen() {
        #expect(issues(.nps, "partner_id,responded_on,score\nP-00001,2026-01-01,11\nP-00001,2026-01-01,-1\n") == [
            "nps.csv:2: score: \"11\" is not between 0 and 10",
            "nps.csv:3: score: \"-1\" is not between 0 and 10",
        ])
    }

    @Test func partnerReferencesMustExist() {
        #expect(issues(.nps, "partner_id,responded_on,score\nP-09999,2026-01-01,9\n") == ["nps.csv:2: partner_id: unknown partner P-09999"])
        #expect(issues(.enablement, "partner_id,item,completed_on\nP-09999,portal,2026-01-01\n")
                == ["enablement.csv:2: partner_id: unknown partner P-09999"])
        #expect(issues(.deals, Self.dealsHeader + "D-1,P-09999,,Zeta,zeta.com,1.00,2026-01-01,won,sourced\n")
                == ["deals.csv:2: partner_id: unknown partner P-09999"])
        #expect(issues(.registrations, Self.registrationsHeader + "R-1,P-09999,Zeta,zeta.com,1.00,2026-01-01T10:00:00Z,pending,,\n")
                == ["registrations.csv:2: partner_id: unknown partner P-09999"])
    }

    @Test func dealRegistrationMayBeEmptyButMustOtherwiseExist() throws {
        #expect(issues(.deals, Self.dealsHeader + "D-1,P-00001,R-0009999,Zeta,zeta.com,1.00,2026-01-01,won,sourced\n")
                == ["deals.csv:2: registration_id: unknown registration R-0009999; import registrations first"])
        let batch = try CSVFixtures.parse(.deals, Self.dealsHeader + "D-1,P-00001,,Zeta,zeta.com,1.00,2026-01-01,won,sourced\nD-2,P-00001,R-0000001,Zeta,zeta.co.uk,2.00,2026-01-02,lost,influenced\n",
                                          programme: programme).get()
        guard case .deals(let deals) = batch else { Issue.record("not deals"); return }
        #expect(deals.map(\.registrationID) == [nil, "R-0000001"])
    }

    @Test func decisionFieldsMayBeEmptyAndOptionalColumnsAreRead() throws {
        let text = "registration_id,partner_id,prospect_company,prospect_domain,estimated_acv,submitted_at,status,decided_at,protected_until,note,extensions,tier_at_approval\n"
            + "R-1,P-00001,Zeta,www.zeta.co.uk,1.5,2026-01-01T10:00:00Z,pending,,,,,\n"
            + "R-2,P-00001,Yeti,yeti.com,2,2026-01-01T10:00:00Z,approved,2026-01-02T00:00:00Z,2026-04-02,asked twice,1,GOLD\n"
        guard case .registrations(let rows) = try CSVFixtures.parse(.registrations, text, programme: programme).get()
        else { Issue.record("not registrations"); return }
        #expect(rows[0].decidedAt == nil && rows[0].protectedUntil == nil && rows[0].note == nil)
        #expect(rows[0].extensions == 0 && rows[0].tierAtApproval == nil)
        #expect(rows[0].estimatedACV == Money(cents: 150))
        #expect(rows[0].prospectDomain == "www.zeta.co.uk" && rows[0].registrableDomain == "zeta.co.uk")
        #expect(rows[1].note == "asked twice" && rows[1].extensions == 1 && rows[1].tierAtApproval == "gold")
        #expect(issues(.registrations, text.replacingOccurrences(of: "asked twice,1,", with: "asked twice,x,"))
                == ["registrations.csv:3: extensions: \"x\" is not a whole number"])
    }

    @Test func syntaxErrorsAreReportedWithTheColumnName() {
        #expect(issues(.nps, "partner_id,responded_on,score\nP-00001,\"2026-01-01\"x,9\nP-00001,2026-01-01,\"9\n") == [
            "nps.csv:2: responded_on: unexpected character \"x\" after a closing quote; a quote inside a field must be doubled",
            "nps.csv:3: score: unbalanced quote: the quoted field starting on this line never ends",
        ])
    }

    @Test func invalidUTF8IsReported() {
        let bytes = Array("partner_id,responded_on,score\nP-00001,2026-01-01,9\n".utf8) + [0x50, 0xC3, 0x28] + Array(",2026-01-01,9\n".utf8)
        switch CSVImporter.parse(.nps, data: Data(bytes), fileName: "nps.csv", programme: programme) {
        case .success: Issue.record("invalid UTF-8 was accepted")
        case .failure(let failure):
            #expect(failure.issues.map(\.description) == ["nps.csv:3: partner_id: invalid UTF-8 (byte 0xC3); save the file as UTF-8"])
        }
    }

    @Test func everyRowIsValidatedAndAllIssuesReported() {
        let text = "partner_id,responded_on,score\nP-09999,2026-01-01,9\nP-00001,2026-01-01,9\nP-00002,2026-13-01,10\nP-00001,2026-01-01,x\n"
        #expect(issues(.nps, text) == [
            "nps.csv:2: partner_id: unknown partner P-09999",
            "nps.csv:4: responded_on: \"2026-13-01\" is not a date (YYYY-MM-DD)",
            "nps.csv:5: score: \"x\" is not a whole number",
        ])
    }

    @Test func reportIsCappedButCountsTheRest() {
        let text = "partner_id,responded_on,score\n" + String(repeating: "P-00001,2026-01-01,11\n", count: 150)
        let report = issues(.nps, text)
        #expect(report.count == 101)
        #expect(report[99] == "nps.csv:101: score: \"11\" is not between 0 and 10")
        #expect(report[100] == "nps.csv:102: -: …and 50 more")
    }

    @Test func apostropheOfAFormulaGuardIsTakenOff() throws {
        let batch = try CSVFixtures.parse(.investments, "date,category,amount,note\n2026-01-01,'=mdf,1.00,'-refund\n2026-01-01,mdf,1.00,'quoted'\n",
                                          programme: programme).get()
        guard case .investments(let rows) = batch else { Issue.record("not investments"); return }
        #expect(rows.map(\.category) == ["=mdf", "mdf"])
        #expect(rows.map(\.note) == ["-refund", "'quoted'"])
    }

    @Test func progressIsReportedEveryTenThousandRows() {
        let text = "partner_id,responded_on,score\n" + String(repeating: "P-00001,2026-01-01,9\n", count: 25_000)
        let counts = Counts()
        let result = CSVImporter.parse(.nps, data: Data(text.utf8), fileName: "nps.csv", programme: programme) { counts.values.append($0) }
        #expect((try? result.get().count) == 25_000)
        #expect(counts.values == [10_000, 20_000, 25_000])
    }

    final class Counts: @unchecked Sendable { var values: [Int] = [] }
}
