import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

@Suite("Importing the sample programme")
struct CSVSampleImportTests {
    @Test func everyFileParsesWithItsRowCount() throws {
        let expected: [RecordKind: Int] = [.partners: 60, .registrations: 907, .deals: 487, .investments: 93,
                                           .nps: 66, .directAccounts: 12, .enablement: 143, .mdfRequests: 68, .mdfAllocations: 5]
        var programme = Programme(policy: CSVFixtures.policy)
        for (index, kind) in CSVFixtures.importOrder.enumerated() {
            let batch = try CSVImporter.parse(kind, data: CSVFixtures.sample(kind.fileName), fileName: kind.fileName,
                                              programme: programme).get()
            #expect(batch.kind == kind)
            #expect(batch.count == expected[kind], "\(kind.fileName)")
            try CSVFixtures.apply(batch, seq: Int64(index + 1), to: &programme)
        }
        #expect(programme.partners.count == 60)
        #expect(programme.registrations.count == 907)
        #expect(programme.deals.count == 487)
        #expect(programme.investments.count == 93)
        // nps.csv repeats one row exactly (P-00049, 2025-12-19, 9): rows without ids are counted, so a
        // file keeps both copies (and importing it again adds none).
        #expect(programme.npsResponses.count == 66)
        #expect(programme.directAccounts.count == 12)
        #expect(programme.enablement.count == 143)
    }

    @Test func awkwardValuesArriveExactly() throws {
        let programme = try CSVFixtures.sampleProgramme()
        #expect(programme.partner("P-00009")?.name == "Multi\nLine Consulting")
        #expect(programme.partner("P-00002")?.name == "株式会社サクラ")
        #expect(programme.partner("P-00003")?.name == "Ωmega \"Quoted\" Labs")
        #expect(programme.partner("P-00004")?.name == "O'Brien, Walsh and Co")
        #expect(programme.partner("P-00010")?.name == "Emoji Rocket 🚀 Ltd")
        #expect(programme.partner("P-00010")?.certifiedStaff == 11)
        #expect(programme.partner("P-00005")?.type == .reseller)
        #expect(programme.partner("P-00005")?.tier == "silver")

        let registration = try #require(programme.registration("R-0000002"))
        #expect(registration.prospectDomain == "atlasworks98.co.uk")
        #expect(registration.registrableDomain == "atlasworks98.co.uk")
        #expect(registration.estimatedACV == Money(cents: 6_021_748))
        #expect(registration.submittedAt.description == "2025-01-02T03:18:22Z")
        #expect(registration.protectedUntil?.description == "2025-04-04")
        #expect(programme.registration("R-0000003")?.registrableDomain == "atlasworks261.fr")

        let deal = try #require(programme.deal("D-0000002"))
        #expect(deal.acv == Money(cents: 11_682_049))
        #expect(deal.registrationID == "R-0000006")
        #expect(deal.outcome == .won && deal.attribution == .sourced)
    }
}
