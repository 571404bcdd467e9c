import ChannelModel
import ChannelStore
import Foundation
import Testing

/// Crafted programme files: each well-formed enough to pass the checksums (they are recomputed), and
/// each must be reported as damaged with its table and column named — never a trap.
@Suite struct HostileSnapshotTests {
    let savedAt = Date(timeIntervalSince1970: 1_790_000_000)

    private func encoded(_ programme: Programme) throws -> Data {
        try SnapshotCodec.encode(programme, generation: 1, lastSeq: 0, savedAt: savedAt)
    }

    /// The fixture programme's file with one column of one table replaced by `column` (its checksum
    /// computed by `Column.init`, so only the shape is wrong).
    private func replacing(_ table: String, _ name: String, with column: Column) throws -> Data {
        let data = try encoded(PersistenceFixtures.programme())
        var root = try #require(PropertyListSerialization.propertyList(from: data, format: nil) as? [String: Any])
        var tables = try #require(root["tables"] as? [String: Any])
        var stored = try #require(tables[table] as? [String: Any])
        var columns = try #require(stored["columns"] as? [String: Any])
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        let wrapped = try PropertyListSerialization.propertyList(from: encoder.encode(["c": column]), format: nil) as! [String: Any]
        columns[name] = wrapped["c"]
        stored["columns"] = columns
        tables[table] = stored
        root["tables"] = tables
        return try PropertyListSerialization.data(fromPropertyList: root, format: .binary, options: 0)
    }

    /// The fixture programme with its two deals' ACVs set to `first` and `second` (cents).
    private func programme(acv first: Int64, _ second: Int64) throws -> Programme {
        var deals = PersistenceFixtures.deals
        deals[0].acv = Money(cents: first)
        deals[1].acv = Money(cents: second)
        let base = try PersistenceFixtures.programme()
        return try Programme.loaded(policy: base.policy, partners: base.partners, registrations: PersistenceFixtures.registrations,
                                    deals: deals, investments: base.investments, npsResponses: base.npsResponses,
                                    directAccounts: base.directAccounts, enablement: base.enablement, audit: base.audit)
    }

    private func offsets(_ values: [UInt32]) -> Data { values.withUnsafeBytes { Data($0) } }

    private func malformed(_ data: Data) -> (table: String, column: String, detail: String)? {
        do {
            _ = try SnapshotCodec.decode(data)
            return nil
        } catch {
            switch error.reason {
            case .malformedColumn(let table, let column, let detail): return (table, column, detail)
            case .rowCountMismatch(let table, let column, let expected, let found): return (table, column, "rows \(found) of \(expected)")
            default: return ("?", "?", error.description)
            }
        }
    }

    @Test func amountsThatOverflowWhenSummedAreDamageNotATrap() throws {
        let programme = try programme(acv: Int64.max / 2 + 1, Int64.max / 2 + 1)
        let error = #expect(throws: SnapshotError.self) { try SnapshotCodec.decode(try encoded(programme)) }
        guard case .malformedColumn(let table, let column, let detail)? = error?.reason else {
            Issue.record("expected damage naming the column, got \(String(describing: error))"); return
        }
        #expect(table == "deals" && column == "acv")
        #expect(detail.contains("row 1") && detail.contains("totals can hold"))
    }

    @Test func amountsSummingPastInt64AcrossTablesAreCaught() throws {
        // Each column fits on its own; registrations plus deals do not.
        let programme = try programme(acv: Int64.max - 1_000_000, 100)
        let error = #expect(throws: SnapshotError.self) { try SnapshotCodec.decode(try encoded(programme)) }
        #expect(error?.description.hasPrefix("table deals column acv: row 0 holds") == true)
    }

    @Test func theLargestTotalThatFitsStillLoads() throws {
        let others: Int64 = 12_345_678 + 5 + 100 + 500_000
        let programme = try programme(acv: Int64.max - others, 100)
        #expect(try SnapshotCodec.decode(try encoded(programme)).programme.deal("D-1")?.acv == Money(cents: Int64.max - others))
    }

    @Test func aCheckOfAnOverflowingFileReportsDamage() throws {
        let directory = try TemporaryDirectory()
        let programme = try programme(acv: Int64.max, Int64.min + 1)
        let location = ProgrammeLocation(url: directory.file("crafted.cdesk"))
        try encoded(programme).write(to: location.url)
        let report = ProgrammeCheck.run(location)
        #expect(!report.isHealthy)
        #expect(report.lines.contains { $0.contains("snapshot: DAMAGED") && $0.contains("table deals column acv") })
        #expect(throws: (any Error).self) { try ProgrammeCheck.repair(location) }
    }

    @Test func aJournalRecordBringingOverflowingAmountsIsRefusedOnOpenAndByCheck() throws {
        let directory = try TemporaryDirectory()
        let location = ProgrammeLocation(url: directory.file("programme.cdesk"))
        try ProgrammeStore.write(try PersistenceFixtures.programme(), to: location)
        let rows = (1...3).map { index in
            Registration(id: "R-9\(index)", partnerID: "P-001", prospectCompany: "Crafted \(index)", prospectDomain: "crafted\(index).com",
                         estimatedACV: Money(cents: Int64.max / 2), submittedAt: PersistenceFixtures.instant("2026-09-01T00:00:00Z"),
                         status: .pending)
        }
        let snapshot = try SnapshotCodec.decode(try Data(contentsOf: location.url))
        let entry = JournalEntry(seq: snapshot.lastSeq + 1, generation: snapshot.generation, at: PersistenceFixtures.instant("2026-09-02T00:00:00Z"), actor: "mallory",
                                 action: .importBatch(.registrations(RegistrationTable(rows)), source: "crafted.csv"))
        let writer = try JournalWriter(url: location.journalURL)
        try writer.append(try JournalCodec.encode(entry))
        try writer.close()
        let error = #expect(throws: StoreError.self) { try ProgrammeLoader.load(location) }
        #expect(error?.description.contains("past what can be totalled") == true, "\(String(describing: error))")
        let report = ProgrammeCheck.run(location)
        #expect(!report.isHealthy)
        #expect(report.lines.contains { $0.contains("journal: DAMAGED") && $0.contains("registrations column estimated_acv") })
    }

    @Test func columnsThatDisagreeInLength() throws {
        let short = Column(kind: .int64, values: Data(count: 8 * 2))  // 3 registrations in the table
        #expect(malformed(try replacing("registrations", "estimated_acv", with: short))! == ("registrations", "estimated_acv", "rows 2 of 3"))
        let ragged = Column(kind: .date, values: Data(count: 8 * 3 + 3))
        #expect(malformed(try replacing("registrations", "submitted_at", with: ragged))?.detail == "27 value bytes is not a multiple of 8")
        let names = Column(kind: .string, offsets: offsets([0, 1, 2, 3, 4]), bytes: Data("abcd".utf8))
        #expect(malformed(try replacing("deals", "account", with: names))! == ("deals", "account", "rows 4 of 2"))
        let bitmap = Column(kind: .int64, values: Data(count: 16), nulls: Data([0, 0]))
        #expect(malformed(try replacing("deals", "acv", with: bitmap))?.detail == "the null bitmap has 2 bytes, expected 1 for 2 rows")
    }

    @Test func stringOffsetsOutsideTheirBytes() throws {
        let cases: [([UInt32], String)] = [
            ([0, 3, 4_000_000_000], "the last offset is 4000000000 but there are 7 bytes"),
            ([0, 9, 7], "offsets go backwards at row 1"),
            ([2, 3, 7], "the first offset is 2, not 0"),
            ([0, UInt32.max, 7], "offsets go backwards at row 1"),
        ]
        for (values, detail) in cases {
            let column = Column(kind: .string, offsets: offsets(values), bytes: Data("Initech".utf8))
            #expect(malformed(try replacing("deals", "account", with: column))?.detail == detail, "offsets \(values)")
        }
        let oddOffsets = Column(kind: .string, offsets: Data([0, 0, 0, 0, 1]), bytes: Data("x".utf8))
        #expect(malformed(try replacing("deals", "domain", with: oddOffsets))?.detail == "5 offset bytes is not a whole number of UInt32 offsets")
        let noBytes = Column(kind: .string, offsets: offsets([0, 0, 0]))
        #expect(malformed(try replacing("deals", "domain", with: noBytes))?.detail == "a string column needs offsets and bytes")
    }

    @Test func enumCodesAndDatesOutOfRange() throws {
        let code = Column(kind: .uint8, values: Data([0, 9]), labels: ["won", "lost"])
        #expect(malformed(try replacing("deals", "outcome", with: code))?.detail == "row 1 has code 9 but there are 2 labels")
        let date = Column(kind: .date, values: [0, Double.nan].withUnsafeBytes { Data($0) })
        #expect(malformed(try replacing("deals", "closed_on", with: date))?.detail == "row 1 holds nan, not a date")
        let kind = Column(kind: .float64, values: Data(count: 16))
        #expect(malformed(try replacing("deals", "acv", with: kind))?.detail == "is float64, expected int64")
    }
}

/// The same bound at the door: an import whose amounts could not be totalled is refused before it is
/// journaled, so a format-valid CSV can never leave a programme that refuses to open.
@Suite struct ImportMoneyBoundTests {
    @Test func anImportPastTheMoneyBoundIsRefusedAndNothingIsJournaled() throws {
        let directory = try TemporaryDirectory()
        let location = ProgrammeLocation(url: directory.file("programme.cdesk"))
        try ProgrammeStore.write(try PersistenceFixtures.programme(), to: location)
        let store = try ProgrammeStore(opening: location)
        defer { store.close() }
        let before = store.lastSeq
        // 100 deals of the largest amount a CSV accepts (15 whole digits): each fine, together not.
        let deals = (1...100).map { index in
            Deal(id: "D-9\(index)", partnerID: "P-001", registrationID: nil, account: "Huge \(index)", domain: "huge\(index).com",
                 acv: Money(cents: 99_999_999_999_999_999), closedOn: PersistenceFixtures.day("2026-09-01"), outcome: .won, attribution: .sourced)
        }
        let error = #expect(throws: ActionError.self) {
            try store.perform(.importBatch(.deals(DealTable(deals)), source: "huge.csv"), actor: "t")
        }
        #expect(error?.description.contains("nothing was imported") == true)
        #expect(store.lastSeq == before)
        #expect(try ProgrammeLoader.load(location).lastSeq == before, "the file still opens, unchanged")
        // Ninety of them fit.
        try store.perform(.importBatch(.deals(DealTable(Array(deals.prefix(90)))), source: "large.csv"), actor: "t")
        #expect(try ProgrammeLoader.load(location).programme.deals.count == 92)
    }
}
