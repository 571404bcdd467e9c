import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// Each registration's folded company name is stored as a key, so the queue's similar-name hints
/// compare integers; a file without the column (or of an older folding rule) has the keys derived.
@Suite struct CompanyKeyColumnTests {
    static let rows = RegistrationTable([
        Registration(id: "R-1", partnerID: "P-1", prospectCompany: "Zürich Datentechnik AG", prospectDomain: "zdt.ch",
                     estimatedACV: Money(cents: 1), submittedAt: Instant(seconds: 0), status: .pending),
        Registration(id: "R-2", partnerID: "P-2", prospectCompany: "zurich datentechnik", prospectDomain: "zdt.com",
                     estimatedACV: Money(cents: 1), submittedAt: Instant(seconds: 0), status: .pending),
        Registration(id: "R-3", partnerID: "P-2", prospectCompany: "Ltd.", prospectDomain: "x.com",
                     estimatedACV: Money(cents: 1), submittedAt: Instant(seconds: 0), status: .pending),
    ])

    @Test func keysFollowTheFoldedName() {
        let keys = Self.rows.companyKeys
        #expect(keys[0] == keys[1] && keys[0] != 0)
        #expect(keys[0] == CompanyName.key("ZURICH DATENTECHNIK GmbH"))
        #expect(keys[2] == CompanyName.key("Ltd."))
    }

    @Test func theStoredColumnIsReadBackAndAMissingOneIsDerived() throws {
        var table = try TableCodec.encode(Self.rows)
        #expect(try TableCodec.decode(RegistrationTable.self, from: table).companyKeys == Self.rows.companyKeys)
        // Stored keys are taken as they are: a deliberately wrong column shows it was read.
        table.columns[TableCodec.companyKeyColumn] = FixedWidthColumnBuilder<Int64>(kind: .int64, values: [7, 7, 7]).build()
        #expect(try TableCodec.decode(RegistrationTable.self, from: table).companyKeys == [7, 7, 7])
        table.columns[TableCodec.companyKeyColumn] = nil
        #expect(try TableCodec.decode(RegistrationTable.self, from: table).companyKeys == Self.rows.companyKeys)
    }
}
