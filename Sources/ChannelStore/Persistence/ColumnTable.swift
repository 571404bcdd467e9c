import ChannelModel
import Foundation

/// One stored table of the programme file (DESIGN.md §5): a row count and named columns. It is also
/// how an import batch travels inside a journal record, so a million-row import is a few blobs.
public struct ColumnTable: Codable, Equatable, Sendable {
    public var rows: Int
    public var columns: [String: Column]

    public init(rows: Int, columns: [String: Column] = [:]) {
        self.rows = rows
        self.columns = columns
    }

    /// Checks every column's checksum and shape; the error names `name` and the column.
    public func verify(name: String) throws(SnapshotError) {
        guard rows >= 0 else {
            throw SnapshotError(.malformedColumn(table: name, column: "rows", detail: "negative row count \(rows)"))
        }
        // The checksums are most of the cost (a million-row table has ~150 MB of them), and one text
        // column can hold half the bytes, so the parts are cut into chunks that every core shares and
        // each column's CRC is put back together from its chunks' (CRC-32 is linear). The shape checks
        // then run in name order, so the error reported is the one a plain check would have met first.
        let ordered = columns.sorted { $0.key < $1.key }
        let checksums = Self.checksums(ordered.map { $0.value.checksummedParts })
        for (index, (column, stored)) in ordered.enumerated() {
            try stored.verify(rows: rows, table: name, column: column, checksum: checksums[index])
            MappedFile.remember([stored.values, stored.offsets, stored.bytes, stored.nulls], checksum: checksums[index])
        }
    }

    /// The CRC-32 of each list of parts taken as one byte string, computed in 4 MB chunks on every core.
    static func checksums(_ columns: [[Data]]) -> [UInt32] {
        let chunkSize = 4 << 20
        var chunks: [(column: Int, part: Data, range: Range<Int>)] = []
        for (column, parts) in columns.enumerated() {
            for part in parts {
                var start = 0
                repeat {
                    let end = min(part.count, start + chunkSize)
                    chunks.append((column, part, start..<end))
                    start = end
                } while start < part.count
            }
        }
        let work = chunks
        let results = Parallel.map(count: work.count) { index in
            work[index].part.withUnsafeBytes { raw in
                let chunk = UnsafeRawBufferPointer(rebasing: raw[work[index].range])
                defer { MappedFile.release(chunk) }  // checked: the file's pages go back (see MappedFile)
                return CRC32.checksum(chunk)
            }
        }
        var crcs = [UInt32](repeating: 0, count: columns.count)
        for (index, chunk) in chunks.enumerated() {
            crcs[chunk.column] = CRC32.combine(crcs[chunk.column], results[index], lengthOfSecond: chunk.range.count)
        }
        return crcs
    }

    /// Adds a string column as it is held (no copy unless rows were replaced), naming it in the
    /// (theoretical) error of a column past the 4 GiB its UInt32 offsets reach.
    mutating func add(_ name: String, _ strings: StringColumn, table: String) throws(SnapshotError) {
        guard strings.byteCount <= Int(UInt32.max) else {
            throw SnapshotError(.malformedColumn(table: table, column: name, detail: "more than 4 GiB of text"))
        }
        columns[name] = Column(strings: strings)
    }

    mutating func add<Value>(_ name: String, _ builder: FixedWidthColumnBuilder<Value>) {
        columns[name] = builder.build()
    }

    mutating func add<E>(_ name: String, _ builder: EnumColumnBuilder<E>) {
        columns[name] = builder.build()
    }
}

/// The checked way to read a stored table: construction verifies every checksum and shape, and each
/// read checks the column's kind and nulls, so decoders can turn columns into records without
/// checking anything per row. Every error names the table and the column.
public struct TableReader {
    public let table: ColumnTable
    public let name: String
    public var rows: Int { table.rows }

    public init(_ table: ColumnTable, name: String) throws(SnapshotError) {
        try table.verify(name: name)
        self.table = table
        self.name = name
    }

    public func has(_ column: String) -> Bool { table.columns[column] != nil }

    private func malformed(_ column: String, _ detail: String) -> SnapshotError {
        SnapshotError(.malformedColumn(table: name, column: column, detail: detail))
    }

    /// The column `name`, checked to be one of `kinds`; missing is an error.
    private func column(_ column: String, _ kinds: ColumnKind...) throws(SnapshotError) -> Column {
        guard let stored = table.columns[column] else { throw SnapshotError(.missingColumn(table: name, column: column)) }
        guard let kind = stored.columnKind, kinds.contains(kind) else {
            throw malformed(column, "is \(stored.kind), expected \(kinds.map(\.rawValue).joined(separator: " or "))")
        }
        return stored
    }

    /// Refuses a null in a column whose field is not optional.
    private func required(_ stored: Column, _ column: String) throws(SnapshotError) -> Column {
        if let row = stored.firstNull(rows: rows) { throw malformed(column, "row \(row) is null but the field is required") }
        return stored
    }

    private func optional<Value>(_ values: [Value], _ stored: Column) -> [Value?] {
        guard stored.nulls != nil else { return values.map { $0 } }
        return values.indices.map { stored.isNull($0) ? nil : values[$0] }
    }

    // MARK: Typed reads

    public func int64s(_ column: String) throws(SnapshotError) -> [Int64] {
        try required(self.column(column, .int64), column).fixedWidth(Int64.self, rows: rows)
    }

    public func optionalInt64s(_ column: String) throws(SnapshotError) -> [Int64?] {
        let stored = try self.column(column, .int64)
        return optional(stored.fixedWidth(Int64.self, rows: rows), stored)
    }

    /// An int64 column read as `Int`, for counts such as certified staff.
    public func ints(_ column: String) throws(SnapshotError) -> [Int] {
        try int64s(column).map { Int($0) }
    }

    public func float64s(_ column: String) throws(SnapshotError) -> [Double] {
        try required(self.column(column, .float64), column).fixedWidth(Double.self, rows: rows)
    }

    public func bools(_ column: String) throws(SnapshotError) -> [Bool] {
        try required(self.column(column, .bool), column).fixedWidth(UInt8.self, rows: rows).map { $0 != 0 }
    }

    /// A `date` column as days: a time of day other than 00:00Z (from a foreign writer) is dropped.
    public func days(_ column: String) throws(SnapshotError) -> [Day] { try dates(column, null: nil, Self.day) }

    public func optionalDays(_ column: String) throws(SnapshotError) -> [Day?] {
        try dates(column, null: .some(nil)) { Self.day($0) }
    }

    public func instants(_ column: String) throws(SnapshotError) -> [Instant] { try dates(column, null: nil, Self.instant) }

    public func optionalInstants(_ column: String) throws(SnapshotError) -> [Instant?] {
        try dates(column, null: .some(nil)) { Self.instant($0) }
    }

    /// A `date` column as whole seconds since 1970 (instants), `null` standing for null rows; without
    /// `null` the column must have none. One pass over the stored bytes, no optionals in between.
    public func seconds(_ column: String, null: Int64? = nil) throws(SnapshotError) -> [Int64] {
        try dates(column, null: null) { Self.instant($0).seconds }
    }

    /// A `date` column as day ordinals, `null` standing for null rows; without `null` the column must
    /// have none.
    public func dayOrdinals(_ column: String, null: Int32? = nil) throws(SnapshotError) -> [Int32] {
        try dates(column, null: null) { Self.day($0).ordinal }
    }

    /// Every date column read goes through here: every non-null row is checked to be a date a `Day`
    /// can hold before it is converted, and null rows become `null` (required when `null` is nil).
    private func dates<Value>(_ column: String, null: Value?, _ convert: (Double) -> Value) throws(SnapshotError) -> [Value] {
        var stored = try self.column(column, .date)
        if null == nil { stored = try required(stored, column) }
        let nulls = stored.nulls.map { [UInt8]($0) }
        let result: Result<[Value], SnapshotError> = stored.values!.withUnsafeBytes { raw in
            var values: [Value] = []
            values.reserveCapacity(rows)
            for row in 0..<rows {
                if let nulls, nulls[row / 8] & (1 << UInt8(row % 8)) != 0, let null {
                    values.append(null)
                    continue
                }
                let seconds = raw.loadUnaligned(fromByteOffset: row * 8, as: Double.self)
                guard Self.dateSeconds.contains(seconds) else {
                    return .failure(malformed(column, "row \(row) holds \(seconds), not a date"))
                }
                values.append(convert(seconds))
            }
            return .success(values)
        }
        MappedFile.release(stored.values)
        return try result.get()
    }

    /// Seconds since 1970 of 0001-01-01T00:00:00Z through 9999-12-31T23:59:59Z, the years a `Day` holds.
    /// Wider values (the bound was once ±1e15 s) overflow `Day`'s Int32 ordinal and crashed the reader.
    public static let dateSeconds: ClosedRange<Double> = -62_135_596_800 ... 253_402_300_799

    private static func day(_ seconds: Double) -> Day { Day(ordinal: Int32((seconds / 86_400).rounded(.down))) }
    private static func instant(_ seconds: Double) -> Instant { Instant(seconds: Int64(seconds.rounded(.down))) }

    /// A string column adopted as it is stored: its buffers become the in-memory column, uncopied.
    public func stringColumn(_ column: String) throws(SnapshotError) -> StringColumn {
        let stored = try required(self.column(column, .string), column)
        return StringColumn(uncheckedBytes: stored.bytes!, offsets: stored.offsets!, nulls: nil, count: rows)
    }

    public func optionalStringColumn(_ column: String) throws(SnapshotError) -> StringColumn {
        let stored = try self.column(column, .string)
        return StringColumn(uncheckedBytes: stored.bytes!, offsets: stored.offsets!, nulls: stored.nulls, count: rows)
    }

    public func strings(_ column: String) throws(SnapshotError) -> [String] {
        try required(self.column(column, .string), column).strings(rows: rows)
    }

    public func optionalStrings(_ column: String) throws(SnapshotError) -> [String?] {
        let stored = try self.column(column, .string)
        return optional(stored.strings(rows: rows), stored)
    }

    /// An enum column, stored as `uint8` codes with labels or as plain strings (DESIGN.md §5 allows
    /// both). Codes are mapped through the stored labels, never through case order.
    public func values<E: Labelled>(_ column: String, as type: E.Type) throws(SnapshotError) -> [E] {
        let stored = try required(self.column(column, .uint8, .string), column)
        if stored.columnKind == .string {
            let labels = stored.strings(rows: rows)
            var values: [E] = []
            values.reserveCapacity(rows)
            for label in labels {
                guard let value = E(label: label) else { throw SnapshotError(.unknownLabel(table: name, column: column, label: label)) }
                values.append(value)
            }
            return values
        }
        guard let labels = stored.labels else { throw malformed(column, "an enum column has no labels") }
        // A label this version does not know only matters if a row uses it (a newer writer may list more).
        let byCode = labels.map { E(rawValue: $0) }
        var values: [E] = []
        values.reserveCapacity(rows)
        // `verify` already proved every code is below labels.count.
        for code in stored.fixedWidth(UInt8.self, rows: rows) {
            guard let value = byCode[Int(code)] else {
                throw SnapshotError(.unknownLabel(table: name, column: column, label: labels[Int(code)]))
            }
            values.append(value)
        }
        return values
    }
}

