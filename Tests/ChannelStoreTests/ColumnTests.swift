import ChannelModel
import ChannelStore
import Foundation
import Testing

@Suite struct ColumnTests {
    private func reader(_ columns: [String: Column], rows: Int) throws -> TableReader {
        try TableReader(ColumnTable(rows: rows, columns: columns), name: "t")
    }

    @Test func int64RoundTripIsLittleEndian() throws {
        var builder = FixedWidthColumnBuilder<Int64>(kind: .int64)
        for value: Int64 in [0, 1, -1, .max, .min, 258] { builder.append(value) }
        let column = builder.build()
        #expect(column.kind == "int64")
        #expect(column.values?.count == 48)
        #expect(Array(column.values![40..<48]) == [2, 1, 0, 0, 0, 0, 0, 0])
        #expect(column.nulls == nil)
        #expect(try reader(["x": column], rows: 6).int64s("x") == [0, 1, -1, .max, .min, 258])
    }

    @Test func optionalInt64UsesNullBitmap() throws {
        var builder = FixedWidthColumnBuilder<Int64>(kind: .int64)
        let values: [Int64?] = [5, nil, 7, nil, nil, 1, 2, 3, nil, 4]
        for value in values { builder.append(value) }
        let column = builder.build()
        // Rows 1, 3, 4 and 8: byte 0 = 0b0001_1010, byte 1 = 0b0000_0001.
        #expect(column.nulls.map(Array.init) == [0x1A, 0x01])
        #expect(try reader(["x": column], rows: 10).optionalInt64s("x") == values)
    }

    @Test func requiredColumnRefusesNull() throws {
        var builder = FixedWidthColumnBuilder<Int64>(kind: .int64)
        builder.append(1); builder.append(Int64?.none)
        let error = #expect(throws: SnapshotError.self) { try reader(["x": builder.build()], rows: 2).int64s("x") }
        #expect(error?.description == "table t column x: row 1 is null but the field is required")
    }

    @Test func float64AndBool() throws {
        var doubles = FixedWidthColumnBuilder<Double>(kind: .float64)
        [0.5, -1e300, .infinity].forEach { doubles.append($0) }
        var bools = FixedWidthColumnBuilder<UInt8>.bools()
        [true, false, true].forEach { bools.append($0) }
        let table = try reader(["d": doubles.build(), "b": bools.build()], rows: 3)
        #expect(try table.float64s("d") == [0.5, -1e300, .infinity])
        #expect(try table.bools("b") == [true, false, true])
        #expect(bools.build().values.map(Array.init) == [1, 0, 1])
    }

    @Test func datesStoreSecondsSince1970() throws {
        var days = FixedWidthColumnBuilder<Double>.dates()
        days.append(Day(parsing: "1970-01-02")!); days.append(Day?.none); days.append(Day(parsing: "1969-12-31")!)
        var instants = FixedWidthColumnBuilder<Double>.dates()
        instants.append(Instant(parsing: "2026-09-30T23:59:59Z")!); instants.append(Instant?.none)
        instants.append(Instant(seconds: -1))
        let column = days.build()
        #expect(column.values!.withUnsafeBytes { $0.loadUnaligned(as: Double.self) } == 86_400)
        let table = try reader(["d": column, "i": instants.build()], rows: 3)
        #expect(try table.optionalDays("d") == [Day(ordinal: 1), nil, Day(ordinal: -1)])
        #expect(try table.optionalInstants("i") == [Instant(parsing: "2026-09-30T23:59:59Z")!, nil, Instant(seconds: -1)])
    }

    @Test func stringsWithNullsEmptiesAndNonASCII() throws {
        let values: [String?] = ["株式会社サクラ", "", nil, "🚀👩🏽‍💻", "plain", nil]
        var builder = StringColumn()
        values.forEach { builder.append($0) }
        let column = Column(strings: builder)
        #expect(column.bytes == Data("株式会社サクラ🚀👩🏽‍💻plain".utf8))
        let offsets = column.offsets!.withUnsafeBytes { raw in (0..<7).map { raw.loadUnaligned(fromByteOffset: $0 * 4, as: UInt32.self) } }
        #expect(offsets == [0, 21, 21, 21, 40, 45, 45])
        let table = try reader(["s": column], rows: 6)
        #expect(try table.optionalStrings("s") == values)
    }

    @Test func enumCodesMapThroughLabelsNotCaseOrder() throws {
        // Stored by a writer whose enum listed cases in another order.
        let stored = Column(kind: .uint8, values: Data([0, 1, 0]), labels: ["won", "lost"])
        let reordered = Column(kind: .uint8, values: Data([1, 0, 1]), labels: ["lost", "won"])
        #expect(try reader(["o": stored], rows: 3).values("o", as: DealOutcome.self) == [.won, .lost, .won])
        #expect(try reader(["o": reordered], rows: 3).values("o", as: DealOutcome.self) == [.won, .lost, .won])
    }

    @Test func enumStoredAsStringsIsAccepted() throws {
        var builder = StringColumn()
        ["Won", "lost"].forEach { builder.append($0) }
        #expect(try reader(["o": Column(strings: builder)], rows: 2).values("o", as: DealOutcome.self) == [.won, .lost])
    }

    @Test func unknownLabelInUseIsAnError() throws {
        let column = Column(kind: .uint8, values: Data([0, 2]), labels: ["won", "lost", "abandoned"])
        let error = #expect(throws: SnapshotError.self) { try reader(["o": column], rows: 2).values("o", as: DealOutcome.self) }
        #expect(error == SnapshotError(.unknownLabel(table: "t", column: "o", label: "abandoned")))
    }

    @Test func codeBeyondLabelsFailsVerify() {
        let column = Column(kind: .uint8, values: Data([0, 5]), labels: ["won", "lost"])
        let error = #expect(throws: SnapshotError.self) { try column.verify(rows: 2, table: "deals", column: "outcome") }
        #expect(error?.description == "table deals column outcome: row 1 has code 5 but there are 2 labels")
    }

    @Test func emptyColumnsAndTables() throws {
        let strings = Column(strings: StringColumn())
        #expect(strings.offsets == Data(count: 4))
        #expect(strings.bytes == Data())
        let table = try reader(["s": strings, "n": FixedWidthColumnBuilder<Int64>(kind: .int64).build()], rows: 0)
        #expect(try table.strings("s") == [])
        #expect(try table.int64s("n") == [])
    }

    @Test func checksumCoversEveryPartInOrder() {
        let column = Column(kind: .string, offsets: Data([0, 0, 0, 0, 2, 0, 0, 0]), bytes: Data("hi".utf8), nulls: Data([0]))
        #expect(column.crc32 == Int(CRC32.checksum(Data([0, 0, 0, 0, 2, 0, 0, 0]) + Data("hi".utf8) + Data([0]))))
    }

    @Test func verifyNamesTableAndColumn() {
        var column = Column(kind: .int64, values: Data(count: 16))
        column.values![3] ^= 0x10
        let flipped = #expect(throws: SnapshotError.self) { try column.verify(rows: 2, table: "deals", column: "acv") }
        #expect(flipped?.reason == .checksumMismatch(table: "deals", column: "acv", stored: column.crc32,
                                                     computed: Int(CRC32.checksum(column.values!))))
        let short = Column(kind: .int64, values: Data(count: 16))
        let rows = #expect(throws: SnapshotError.self) { try short.verify(rows: 3, table: "deals", column: "acv") }
        #expect(rows?.description == "table deals column acv: holds 2 rows, the table says 3")
    }

    @Test func verifyRejectsBadOffsets() {
        let backwards = Column(kind: .string, offsets: Data([0, 0, 0, 0, 3, 0, 0, 0, 1, 0, 0, 0]), bytes: Data("abc".utf8))
        let error = #expect(throws: SnapshotError.self) { try backwards.verify(rows: 2, table: "t", column: "s") }
        #expect(error?.description == "table t column s: offsets go backwards at row 1")
        let beyond = Column(kind: .string, offsets: Data([0, 0, 0, 0, 9, 0, 0, 0]), bytes: Data("abc".utf8))
        let past = #expect(throws: SnapshotError.self) { try beyond.verify(rows: 1, table: "t", column: "s") }
        #expect(past?.description == "table t column s: the last offset is 9 but there are 3 bytes")
    }

    @Test func wrongKindAndMissingColumn() throws {
        let table = try reader(["s": Column(strings: StringColumn())], rows: 0)
        #expect(throws: SnapshotError(.malformedColumn(table: "t", column: "s", detail: "is string, expected int64"))) {
            try table.int64s("s")
        }
        #expect(throws: SnapshotError(.missingColumn(table: "t", column: "x"))) { try table.strings("x") }
    }
}
