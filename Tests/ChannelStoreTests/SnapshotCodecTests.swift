import ChannelModel
import ChannelStore
import Foundation
import Testing

@Suite struct SnapshotCodecTests {
    let savedAt = Date(timeIntervalSince1970: 1_790_000_000.25)

    @Test func roundTripGivesAnEqualProgramme() throws {
        let programme = try PersistenceFixtures.programme()
        let data = try SnapshotCodec.encode(programme, generation: 7, lastSeq: 42, savedAt: savedAt)
        let decoded = try SnapshotCodec.decode(data)
        #expect(decoded.programme == programme)
        #expect(decoded.programme.registration("R-2")?.registrableDomain == "initech.com")
        #expect(decoded.generation == 7)
        #expect(decoded.lastSeq == 42)
        #expect(decoded.savedAt == savedAt)
    }

    @Test func emptyProgrammeRoundTrips() throws {
        let programme = Programme(policy: PersistenceFixtures.policy)
        let data = try SnapshotCodec.encode(programme, generation: 0, lastSeq: 0, savedAt: savedAt)
        #expect(try SnapshotCodec.decode(data).programme == programme)
    }

    @Test func bitFlipInAColumnIsACheckumErrorNamingTableAndColumn() throws {
        let data = try SnapshotCodec.encode(PersistenceFixtures.programme(), generation: 1, lastSeq: 0, savedAt: savedAt)
        // The company names are stored once, as UTF-8, in the registrations' prospect_company bytes.
        let needle = Data("Ünïcödé GmbH".utf8)
        let range = try #require(data.range(of: needle))
        var damaged = data
        damaged[range.lowerBound + 1] ^= 0x01
        let error = #expect(throws: SnapshotError.self) { try SnapshotCodec.decode(damaged) }
        guard case .checksumMismatch(let table, let column, _, _)? = error?.reason else {
            Issue.record("expected a checksum mismatch, got \(String(describing: error))")
            return
        }
        #expect(table == "registrations")
        #expect(column == "prospect_company")
        #expect(error?.description.hasPrefix("table registrations column prospect_company: checksum mismatch") == true)
    }

    @Test func truncatedFileIsReportedAsCutShort() throws {
        let data = try SnapshotCodec.encode(PersistenceFixtures.programme(), generation: 1, lastSeq: 0, savedAt: savedAt)
        for keep in [data.count - 1, data.count - 40, data.count / 2, 41] {
            let error = #expect(throws: SnapshotError.self) { try SnapshotCodec.decode(data.prefix(keep)) }
            #expect(error?.reason == .damaged(detail: "its end is missing or overwritten (the file was cut short)"), "keeping \(keep) bytes")
        }
        #expect(throws: SnapshotError(.damaged(detail: "the file is only 10 bytes long"))) { try SnapshotCodec.decode(data.prefix(10)) }
    }

    @Test func notAPlistAtAll() {
        #expect(throws: SnapshotError(.notABinaryPropertyList)) { try SnapshotCodec.decode(Data("partner_id,name\n".utf8)) }
        #expect(throws: SnapshotError(.notABinaryPropertyList)) { try SnapshotCodec.decode(Data()) }
    }

    private func plist(_ root: [String: Any]) throws -> Data {
        try PropertyListSerialization.data(fromPropertyList: root, format: .binary, options: 0)
    }

    @Test func wrongFormatAndNewerVersion() throws {
        let other = try plist(["format": "something-else", "version": 1])
        let error = #expect(throws: SnapshotError.self) { try SnapshotCodec.decode(other) }
        #expect(error?.description == "not a programme file: format is \"something-else\", expected \"channeldesk-programme\"")
        let newer = try plist(["format": "channeldesk-programme", "version": 2])
        #expect(throws: SnapshotError(.unsupportedVersion(found: 2))) { try SnapshotCodec.decode(newer) }
    }

    /// Rewrites one table of an encoded snapshot through PropertyListSerialization.
    private func editing(_ data: Data, _ edit: (inout [String: Any]) -> Void) throws -> Data {
        var root = try #require(PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        var tables = try #require(root["tables"] as? [String: Any])
        edit(&tables)
        root["tables"] = tables
        return try plist(root)
    }

    @Test func missingRequiredColumnAndTable() throws {
        let data = try SnapshotCodec.encode(PersistenceFixtures.programme(), generation: 1, lastSeq: 0, savedAt: savedAt)
        let noAccount = try editing(data) { tables in
            var deals = tables["deals"] as! [String: Any]
            var columns = deals["columns"] as! [String: Any]
            columns["account"] = nil
            deals["columns"] = columns
            tables["deals"] = deals
        }
        #expect(throws: SnapshotError(.missingColumn(table: "deals", column: "account"))) { try SnapshotCodec.decode(noAccount) }
        let noNPS = try editing(data) { $0["nps"] = nil }
        #expect(throws: SnapshotError(.missingTable("nps"))) { try SnapshotCodec.decode(noNPS) }
    }

    @Test func missingExtraColumnsDecodeAsDefaults() throws {
        let data = try SnapshotCodec.encode(PersistenceFixtures.programme(), generation: 1, lastSeq: 0, savedAt: savedAt)
        let older = try editing(data) { tables in
            var registrations = tables["registrations"] as! [String: Any]
            var columns = registrations["columns"] as! [String: Any]
            for name in ["tier_at_approval", "extensions", "note"] { columns[name] = nil }
            registrations["columns"] = columns
            tables["registrations"] = registrations
        }
        let decoded = try SnapshotCodec.decode(older).programme
        let r2 = try #require(decoded.registration("R-2"))
        #expect(r2.tierAtApproval == nil)
        #expect(r2.extensions == 0)
        #expect(r2.note == nil)
        #expect(r2.protectedUntil == PersistenceFixtures.day("2026-10-31"))
    }

    @Test func duplicateIDIsRefused() throws {
        var twice = PersistenceFixtures.partners
        twice.append(twice[0])
        let table = try TableCodec.encode(twice)
        let data = try SnapshotCodec.encode(PersistenceFixtures.programme(), generation: 1, lastSeq: 0, savedAt: savedAt)
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let partners = try PropertyListSerialization.propertyList(from: encoder.encode(["t": table]), format: nil) as! [String: Any]
        let damaged = try editing(data) { $0["partners"] = partners["t"] }
        let error = #expect(throws: SnapshotError.self) { try SnapshotCodec.decode(damaged) }
        #expect(error?.description == "table partners holds id P-001 twice")
    }

    @Test func rowCountMismatchBetweenTableAndColumn() throws {
        let data = try SnapshotCodec.encode(PersistenceFixtures.programme(), generation: 1, lastSeq: 0, savedAt: savedAt)
        let damaged = try editing(data) { tables in
            var deals = tables["deals"] as! [String: Any]
            deals["rows"] = 3
            tables["deals"] = deals
        }
        let error = #expect(throws: SnapshotError.self) { try SnapshotCodec.decode(damaged) }
        guard case .rowCountMismatch(let table, _, let expected, let found)? = error?.reason else {
            Issue.record("expected a row count mismatch, got \(String(describing: error))")
            return
        }
        #expect(table == "deals")
        #expect(expected == 3)
        #expect(found == 2)
    }
}
