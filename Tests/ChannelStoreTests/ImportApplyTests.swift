import ChannelModel
import Foundation
import Testing
@testable import ChannelStore

/// Import batches add their new rows column by column (no `Registration` or `Deal` is made for them)
/// and upsert the rows the programme already holds: the result must be what row-by-row upserts give.
@Suite("Applying import batches")
struct ImportApplyTests {
    static let demo = LazyColumnTests.programme

    static func apply(_ batch: ImportBatch, to programme: inout Programme, seq: Int64) throws -> String {
        try Reducer.apply(JournalEntry(seq: seq, generation: 1, at: Instant(seconds: 1_790_000_000), actor: "test",
                                       action: .importBatch(batch, source: "")), to: &programme).message
    }

    @Test func newRowsCopiedAcrossEqualTheRecordsImported() throws {
        var programme = Programme(policy: Self.demo.policy)
        _ = try Self.apply(.partners(Self.demo.partners), to: &programme, seq: 1)
        // The first thousand into an empty programme (taken whole), then all of them (a thousand
        // unchanged, the rest copied across row by row).
        let all = Self.demo.registrations.count
        let first = try Self.apply(.registrations(RegistrationTable(Self.demo.registrations.prefix(1_000))), to: &programme, seq: 2)
        #expect(first.hasSuffix("1000 added, 0 updated, 0 unchanged"))
        let message = try Self.apply(.registrations(Self.demo.registrations), to: &programme, seq: 3)
        #expect(message.hasSuffix("\(all - 1_000) added, 0 updated, 1000 unchanged"))
        _ = try Self.apply(.deals(Self.demo.deals), to: &programme, seq: 6)
        #expect(Array(programme.registrations) == Array(Self.demo.registrations))
        #expect(Array(programme.deals) == Array(Self.demo.deals))
        #expect(programme.registrations.partners == Self.demo.registrations.partners)
        #expect(programme.deals.partners == Self.demo.deals.partners)
        for position in programme.registrations.indices where position % 13 == 0 {
            #expect(programme.registrationPosition(programme.registrations.ids[position]) == position)
        }
        for position in programme.deals.indices where position % 13 == 0 {
            #expect(programme.dealPosition(programme.deals.ids[position]) == position)
        }
        // The same files again change nothing.
        #expect(try Self.apply(.registrations(Self.demo.registrations), to: &programme, seq: 7)
                .hasSuffix("0 added, 0 updated, \(Self.demo.registrations.count) unchanged"))
        #expect(try Self.apply(.deals(Self.demo.deals), to: &programme, seq: 8)
                .hasSuffix("0 added, 0 updated, \(Self.demo.deals.count) unchanged"))
    }

    @Test func anImportedApprovalWithoutATierLocksThePartnersTier() throws {
        var programme = Programme(policy: Self.demo.policy)
        _ = try Self.apply(.partners(Self.demo.partners), to: &programme, seq: 1)
        let approved = try #require(Self.demo.registrations.first { $0.status == .approved })
        var untiered = approved
        untiered.tierAtApproval = nil
        var pending = try #require(Self.demo.registrations.first { $0.status == .pending })
        pending.note = "new"
        _ = try Self.apply(.registrations([untiered, pending]), to: &programme, seq: 2)
        #expect(programme.registration(approved.id)?.tierAtApproval == Self.demo.partner(approved.partnerID)?.tier)
        #expect(programme.registrationPosition(pending.id) == 1)
        #expect(programme.registration(pending.id)?.tierAtApproval == nil)
        #expect(programme.registration(pending.id)?.note == "new")
        // Re-imported without tier and note, the row keeps what the programme holds.
        pending.note = nil
        _ = try Self.apply(.registrations([untiered, pending]), to: &programme, seq: 3)
        #expect(programme.registration(pending.id)?.note == "new")
        #expect(programme.registration(approved.id)?.tierAtApproval == Self.demo.partner(approved.partnerID)?.tier)
    }

    /// A batch that repeats an id is not taken whole: its rows are upserted in order, the later winning.
    @Test func aBatchRepeatingAnIdIsAppliedRowByRow() throws {
        var programme = Programme(policy: Self.demo.policy)
        _ = try Self.apply(.partners(Self.demo.partners), to: &programme, seq: 1)
        let row = try #require(Self.demo.registrations.first { $0.status == .pending })
        var later = row
        later.prospectCompany = "Renamed"
        let message = try Self.apply(.registrations([row, later]), to: &programme, seq: 2)
        #expect(message.hasSuffix("1 added, 1 updated, 0 unchanged"))
        #expect(programme.registrations.count == 1)
        #expect(programme.registration(row.id)?.prospectCompany == "Renamed")
    }
}
