import ChannelModel
import Foundation
import Testing
@testable import ChannelStore

/// The snapshot reader hands the stored string columns to the programme as they are, and rows are
/// made only when asked for. These tests hold that fast path to the straightforward one: decoding
/// every column into arrays of values and building each record from them.
@Suite("Lazy columns")
struct LazyColumnTests {
    /// A demo programme with decisions on top, so some string rows are replaced in memory (notes,
    /// tiers at approval) and the writer has to fold them in.
    static let programme: Programme = {
        var programme = DemoGenerator.programme(policy: DemoGeneratorTests.policy, partners: 60, registrations: 4_000,
                                                seed: 5, asOf: DemoGeneratorTests.asOf)
        let queued = programme.registrations.indices.filter { programme.registrations.statuses[$0].isQueued }
        var seq: Int64 = 0
        for (n, position) in queued.prefix(40).enumerated() {
            let id = programme.registrations.ids[position]
            let action: ProgrammeAction = switch n % 3 {
            case 0: .approve(registrationID: id)
            case 1: .reject(registrationID: id, reason: "Outside the partner's territory — \(n)")
            default: .requestInfo(registrationID: id, question: "Which quarter? 第\(n)期")
            }
            seq += 1
            _ = try? Reducer.apply(JournalEntry(seq: seq, generation: 1, at: Instant(seconds: 1_790_000_000),
                                                actor: "test", action: action), to: &programme)
        }
        return programme
    }()

    /// The straightforward decode: every column into an array of values, then a record per row.
    static func eagerRegistrations(_ table: ColumnTable) throws -> [Registration] {
        let t = try TableReader(table, name: "registrations")
        let id = try t.strings("registration_id"), partner = try t.strings("partner_id")
        let company = try t.strings("prospect_company"), domain = try t.strings("prospect_domain")
        let acv = try t.int64s("estimated_acv"), submitted = try t.instants("submitted_at")
        let status = try t.values("status", as: RegistrationStatus.self)
        let decided = try t.optionalInstants("decided_at"), until = try t.optionalDays("protected_until")
        let tier = try t.optionalStrings("tier_at_approval"), extensions = try t.ints("extensions")
        let note = try t.optionalStrings("note"), mdf = try t.optionalStrings("mdf_request_id")
        return (0..<t.rows).map {
            Registration(id: id[$0], partnerID: partner[$0], prospectCompany: company[$0], prospectDomain: domain[$0],
                         estimatedACV: Money(cents: acv[$0]), submittedAt: submitted[$0], status: status[$0],
                         decidedAt: decided[$0], protectedUntil: until[$0], tierAtApproval: tier[$0],
                         extensions: extensions[$0], note: note[$0], mdfRequestID: mdf[$0])
        }
    }

    static func eagerDeals(_ table: ColumnTable) throws -> [Deal] {
        let t = try TableReader(table, name: "deals")
        let id = try t.strings("deal_id"), partner = try t.strings("partner_id")
        let registration = try t.optionalStrings("registration_id"), account = try t.strings("account")
        let domain = try t.strings("domain"), acv = try t.int64s("acv"), closed = try t.days("closed_on")
        let outcome = try t.values("outcome", as: DealOutcome.self), attribution = try t.values("attribution", as: Attribution.self)
        return (0..<t.rows).map {
            Deal(id: id[$0], partnerID: partner[$0], registrationID: registration[$0], account: account[$0],
                 domain: domain[$0], acv: Money(cents: acv[$0]), closedOn: closed[$0], outcome: outcome[$0],
                 attribution: attribution[$0])
        }
    }

    @Test func lazyColumnsDecodeTheSameValuesAsEagerOnes() throws {
        let original = Self.programme
        #expect(original.registrations.contains { $0.note != nil } && original.registrations.contains { $0.note == nil })
        let data = try SnapshotCodec.encode(original, generation: 1, lastSeq: 0, savedAt: Date(timeIntervalSince1970: 0))
        let root = try PropertyListDecoder().decode(SnapshotCodec.Root.self, from: data)
        let lazy = try SnapshotCodec.decode(data).programme
        let eagerRegistrations = try Self.eagerRegistrations(root.tables["registrations"]!)
        let eagerDeals = try Self.eagerDeals(root.tables["deals"]!)
        #expect(eagerRegistrations == Array(original.registrations))
        #expect(Array(lazy.registrations) == eagerRegistrations)
        #expect(Array(lazy.deals) == eagerDeals)
        #expect(lazy == original)
        // Every look-up the indexes serve answers as a scan of the eager rows would.
        for (position, registration) in eagerRegistrations.enumerated() where position % 7 == 0 {
            #expect(lazy.registrationPosition(registration.id) == position)
            #expect(lazy.registrations.partners[position] == Int32(lazy.partnerPosition(registration.partnerID)!))
        }
        for (position, deal) in eagerDeals.enumerated() where position % 7 == 0 { #expect(lazy.dealPosition(deal.id) == position) }
        // Adopted buffers are written back as they came: the same bytes, file after file.
        let again = try SnapshotCodec.encode(lazy, generation: 1, lastSeq: 0, savedAt: Date(timeIntervalSince1970: 0))
        #expect(again == data)
    }

    @Test func decisionsOnADecodedProgrammeSurviveTheNextSnapshot() throws {
        let data = try SnapshotCodec.encode(Self.programme, generation: 1, lastSeq: 0, savedAt: Date(timeIntervalSince1970: 0))
        var lazy = try SnapshotCodec.decode(data).programme
        let position = lazy.registrations.indices.first { lazy.registrations.statuses[$0] == .pending }!
        let id = lazy.registrations.ids[position]
        _ = try Reducer.apply(JournalEntry(seq: 99, generation: 1, at: Instant(seconds: 1_790_000_000), actor: "test",
                                           action: .reject(registrationID: id, reason: "Duplicate")), to: &lazy)
        let reread = try SnapshotCodec.decode(SnapshotCodec.encode(lazy, generation: 2, lastSeq: 99, savedAt: Date())).programme
        #expect(reread.registration(id)?.note == "Duplicate")
        #expect(reread.registration(id)?.status == .rejected)
        #expect(reread == lazy)
    }
}
