import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// Exporting a programme as CSV and importing the files again gives back the very same records.
@Suite("CSV round trip")
struct CSVRoundTripTests {
    static func records(_ kind: RecordKind, of programme: Programme) -> ImportBatch {
        switch kind {
        case .partners: return .partners(programme.partners)
        case .registrations: return .registrations(programme.registrations)
        case .deals: return .deals(programme.deals)
        case .investments: return .investments(programme.investments)
        case .nps: return .nps(programme.npsResponses)
        case .directAccounts: return .directAccounts(programme.directAccounts)
        case .enablement: return .enablement(programme.enablement)
        case .mdfRequests: return .mdfRequests(programme.mdfRequests)
        case .mdfAllocations: return .mdfAllocations(programme.mdfAllocations)
        }
    }

    static func roundTrip(_ kind: RecordKind, _ programme: Programme) throws -> ImportBatch {
        let data = Exporter.export(ExportKind(rawValue: kind.rawValue)!, from: programme, format: .csv)
        return try CSVImporter.parse(kind, data: data, fileName: kind.fileName, programme: programme).get()
    }

    @Test(arguments: RecordKind.allCases)
    func sampleProgrammeReadsBackUnchanged(kind: RecordKind) throws {
        let programme = try CSVFixtures.sampleProgramme()
        let batch = try Self.roundTrip(kind, programme)
        #expect(batch.count > 0)
        #expect(batch == Self.records(kind, of: programme))
    }

    @Test func awkwardTextReadsBackUnchanged() throws {
        var programme = try CSVFixtures.smallProgramme()
        let names = ["=SUM(A1)", "-minus", "+plus", "@at", "\ttab", "\rcr", "'=quoted", "''-twice", "'plain'",
                     "a,b", "say \"hi\"", "two\nlines", "crlf\r\nline", " padded ", "株式会社サクラ 🚀"]
        for (index, name) in names.enumerated() {
            programme.upsert(Partner(id: "X-\(index)", name: name, type: .agency, tier: "silver", region: name,
                                     status: .active, joinedOn: Day(parsing: "2026-01-01")!, owner: "o", certifiedStaff: index))
        }
        programme.updateRegistration("R-0000001") { $0.note = "-12.50 credit, \"asked\"\nagain"; $0.extensions = 1 }
        #expect(try Self.roundTrip(.partners, programme) == Self.records(.partners, of: programme))
        #expect(try Self.roundTrip(.registrations, programme) == Self.records(.registrations, of: programme))
    }
}
