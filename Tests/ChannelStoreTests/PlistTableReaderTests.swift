import ChannelModel
@testable import ChannelStore
import Foundation
import Testing

/// `PlistTableReader` against the plain decoder it replaced at open: whatever it accepts, Foundation's
/// `PropertyListDecoder` must decode to the same tables (the `plist` fuzz target checks the same on
/// mutated snapshots, for longer).
@Suite struct PlistTableReaderTests {
    /// The part of the root dict the reader reads, decoded the plain way.
    struct Plain: Codable { var tables: [String: ColumnTable] }

    static func encode(_ tables: [String: ColumnTable]) throws -> Data {
        let encoder = PropertyListEncoder()
        encoder.outputFormat = .binary
        return try encoder.encode(Plain(tables: tables))
    }

    /// A random table: every column kind, empty and non-empty parts, nulls, labels, and names beyond
    /// ASCII (stored as UTF-16 in the property list).
    static func randomTable(_ random: inout DemoRandom) -> ColumnTable {
        let rows = Int(random.next() % 40)
        var table = ColumnTable(rows: rows)
        let names = ["id", "name", "São Paulo", "東京", "a\u{1F600}b", "x", String(repeating: "long", count: 9)]
        for _ in 0..<Int(random.next() % 6) {
            let kind = ColumnKind.allCases[Int(random.next() % UInt64(ColumnKind.allCases.count))]
            func bytes(_ count: Int) -> Data { Data((0..<count).map { _ in UInt8(truncatingIfNeeded: random.next()) }) }
            let nulls = random.next() % 3 == 0 && rows > 0 ? bytes(rows / 8 + (rows % 8 == 0 ? 0 : 1)) : nil
            let column: Column
            if let width = kind.width {
                let labels = kind == .uint8 && random.next() % 2 == 0 ? ["pending", "approved", "ä", ""] : nil
                column = Column(kind: kind, values: bytes(rows * width), nulls: nulls, labels: labels)
            } else {
                let strings = (0..<rows).map { _ in names[Int(random.next() % UInt64(names.count))] }
                column = Column(strings: StringColumn(strings))
            }
            table.columns[names[Int(random.next() % UInt64(names.count))]] = column
        }
        return table
    }

    @Test(arguments: 0..<200 as Range<UInt64>)
    func randomTablesDecodeAsFoundationDecodesThem(seed: UInt64) throws {
        var random = DemoRandom(seed: seed)
        var tables: [String: ColumnTable] = [:]
        for name in ["partners", "registrations", "ñ", "表"].prefix(Int(random.next() % 5)) { tables[name] = Self.randomTable(&random) }
        let data = try Self.encode(tables)
        #expect(try PlistTableReader.tables(in: data) == tables, "seed \(seed)")
        #expect(try PropertyListDecoder().decode(Plain.self, from: data).tables == tables, "seed \(seed)")
    }

    @Test func aProgrammeFileDecodesAsFoundationDecodesIt() throws {
        let data = try SnapshotCodec.encode(PersistenceFixtures.programme(), generation: 1, lastSeq: 0,
                                            savedAt: Date(timeIntervalSince1970: 1_790_000_000))
        let plain = try PropertyListDecoder().decode(SnapshotCodec.Root.self, from: data).tables
        #expect(plain.count == SnapshotCodec.tableNames.count)
        #expect(try PlistTableReader.tables(in: data) == plain)
        // And the whole programme is the one the plain tables make.
        #expect(try SnapshotCodec.decode(data).programme == PersistenceFixtures.programme())
    }

    /// The columns share the file's bytes rather than copying them.
    @Test func columnPartsPointIntoTheFilesBytes() throws {
        let values = (0..<1_000).map(Int64.init)
        let table = ColumnTable(rows: 1_000, columns: ["n": FixedWidthColumnBuilder<Int64>(kind: .int64, values: values).build()])
        let data = try Self.encode(["t": table])
        let part = try #require(PlistTableReader.tables(in: data)["t"]?.columns["n"]?.values)
        #expect(part == table.columns["n"]?.values)
        let file = data.withUnsafeBytes { UInt(bitPattern: $0.baseAddress) ..< UInt(bitPattern: $0.baseAddress! + $0.count) }
        #expect(part.withUnsafeBytes { file.contains(UInt(bitPattern: $0.baseAddress)) })
    }

    /// Byte mutations of a real file: the reader never traps, and what it accepts Foundation decodes
    /// to the same tables (or refuses the whole file, so the snapshot decode refuses it too).
    @Test func mutatedFilesAreNeverReadMoreLenientlyThanFoundationReadsThem() throws {
        let original = try SnapshotCodec.encode(PersistenceFixtures.programme(), generation: 1, lastSeq: 0,
                                                savedAt: Date(timeIntervalSince1970: 1_790_000_000))
        var random = DemoRandom(seed: 11)
        var accepted = 0
        for _ in 0..<3_000 {
            var data = original
            for _ in 0..<(1 + Int(random.next() % 3)) {
                let index = Int(random.next() % UInt64(data.count))
                data[index] = UInt8(truncatingIfNeeded: random.next())
            }
            guard let ours = try? PlistTableReader.tables(in: data) else { continue }
            accepted += 1
            if let plain = try? PlistDecoding.decode(Plain.self, from: data).tables {
                #expect(plain == ours, "a mutation the reader accepted reads differently in Foundation")
            } else {
                // Foundation refuses the file as a whole: the snapshot decode, which reads the rest
                // of the root through it first, must refuse it too.
                #expect((try? PlistDecoding.decode(SnapshotCodec.Header.self, from: data)) == nil,
                        "the reader accepted tables Foundation cannot decode")
            }
        }
        #expect(accepted > 100, "most single-byte changes land in column bytes, which both read")
    }

    @Test func refusalsNameWhatIsWrong() throws {
        #expect(throws: SnapshotError(.damaged(detail: "the file is only 8 bytes long"))) {
            try PlistTableReader.tables(in: Data("bplist00".utf8))
        }
        let noTables = try { let e = PropertyListEncoder(); e.outputFormat = .binary; return try e.encode(["format": "x"]) }()
        #expect(throws: SnapshotError(.damaged(detail: "it has no tables"))) { try PlistTableReader.tables(in: noTables) }
        let wrongShape = try { let e = PropertyListEncoder(); e.outputFormat = .binary; return try e.encode(["tables": ["t": ["rows": 1]]]) }()
        #expect(throws: SnapshotError(.damaged(detail: "tables.t has no columns"))) { try PlistTableReader.tables(in: wrongShape) }
    }
}
