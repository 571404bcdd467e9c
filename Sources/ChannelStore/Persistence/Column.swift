import ChannelModel
import Foundation

#if _endian(big)
#error("columns are stored little-endian and copied to memory as they are; add byte swapping for this host")
#endif

/// The kinds of column of the programme file (DESIGN.md §5) and their stored width in bytes.
public enum ColumnKind: String, Sendable, CaseIterable {
    case int64, float64, uint8, bool, date, string

    /// Bytes per row in `values`; nil for strings, which use `offsets` and `bytes` instead.
    public var width: Int? {
        switch self {
        case .int64, .float64, .date: return 8
        case .uint8, .bool: return 1
        case .string: return nil
        }
    }
}

/// One column of a stored table, exactly as it sits in the property list (DESIGN.md §5): a few `Data`
/// blobs instead of a million little objects, which is what makes a snapshot load in milliseconds.
public struct Column: Codable, Equatable, Sendable {
    /// A `ColumnKind` raw value; kept a string so a file from a newer writer fails on read, not decode.
    public var kind: String
    /// Fixed-width kinds: rows × width bytes, little-endian. Dates are float64 seconds since 1970 UTC.
    public var values: Data?
    /// Strings: rows + 1 little-endian UInt32 offsets into `bytes`.
    public var offsets: Data?
    /// Strings: the UTF-8 of every row, back to back.
    public var bytes: Data?
    /// Bit i (byte i / 8, bit i % 8, least significant first) set = row i is null; absent when none is.
    public var nulls: Data?
    /// For `uint8` enum columns: code n means `labels[n]`. Storing the labels rather than trusting case
    /// order means reordering an enum's cases later cannot corrupt old files.
    public var labels: [String]?
    /// CRC-32 (IEEE) of values, offsets, bytes and nulls, in that order.
    public var crc32: Int

    /// A column with its checksum computed.
    public init(kind: ColumnKind, values: Data? = nil, offsets: Data? = nil, bytes: Data? = nil,
                nulls: Data? = nil, labels: [String]? = nil) {
        self.kind = kind.rawValue
        self.values = values; self.offsets = offsets; self.bytes = bytes; self.nulls = nulls
        self.labels = labels
        // A checkpoint writes most text columns out as they were read: their checksum is known.
        self.crc32 = Int(MappedFile.checksum(of: [values, offsets, bytes, nulls])
                         ?? Column.checksum(values: values, offsets: offsets, bytes: bytes, nulls: nulls))
    }

    /// A column exactly as a file holds it, checksum included: `PlistTableReader`'s way in (the kind and the
    /// checksum are checked later, by `verify`, as for a column Foundation decoded).
    init(stored kind: String, values: Data?, offsets: Data?, bytes: Data?, nulls: Data?, labels: [String]?, crc32: Int) {
        self.kind = kind
        self.values = values; self.offsets = offsets; self.bytes = bytes; self.nulls = nulls
        self.labels = labels
        self.crc32 = crc32
    }

    /// A `string` column of `strings`, whose buffers it takes as they are held.
    public init(strings: StringColumn) {
        let stored = strings.storedBuffers()
        self.init(kind: .string, offsets: stored.offsets, bytes: stored.bytes, nulls: stored.nulls)
    }

    public static func checksum(values: Data?, offsets: Data?, bytes: Data?, nulls: Data?) -> UInt32 {
        var crc: UInt32 = 0
        for part in [values, offsets, bytes, nulls] {
            if let part { crc = CRC32.checksum(part, seed: crc) }
        }
        return crc
    }

    public var columnKind: ColumnKind? { ColumnKind(rawValue: kind) }

    /// Checks the checksum and the shape against `rows`; the error names `table` and `column`.
    public func verify(rows: Int, table: String, column: String) throws(SnapshotError) {
        try verify(rows: rows, table: table, column: column,
                   checksum: Column.checksum(values: values, offsets: offsets, bytes: bytes, nulls: nulls))
    }

    /// The byte parts the checksum covers, in its order.
    var checksummedParts: [Data] { [values, offsets, bytes, nulls].compactMap { $0 } }

    /// `verify` with the checksum already computed (`ColumnTable` computes a table's in parallel chunks).
    func verify(rows: Int, table: String, column: String, checksum: UInt32) throws(SnapshotError) {
        func malformed(_ detail: String) -> SnapshotError {
            SnapshotError(.malformedColumn(table: table, column: column, detail: detail))
        }
        guard let kind = columnKind else { throw malformed("unknown kind \"\(self.kind)\"") }
        let computed = Int(checksum)
        guard computed == crc32 else {
            throw SnapshotError(.checksumMismatch(table: table, column: column, stored: crc32, computed: computed))
        }
        // Not (rows + 7) / 8: a stored row count near Int.max overflowed that and trapped.
        let bitmapBytes = rows / 8 + (rows % 8 == 0 ? 0 : 1)
        if let nulls, nulls.count != bitmapBytes {
            throw malformed("the null bitmap has \(nulls.count) bytes, expected \(bitmapBytes) for \(rows) rows")
        }
        if let width = kind.width {
            guard let values else { throw malformed("a \(kind) column has no values") }
            guard values.count % width == 0 else { throw malformed("\(values.count) value bytes is not a multiple of \(width)") }
            guard values.count / width == rows else {
                throw SnapshotError(.rowCountMismatch(table: table, column: column, expected: rows, found: values.count / width))
            }
            if kind == .uint8, let labels {
                let count = labels.count
                let bad = values.withUnsafeBytes { raw in raw.indices.first { Int(raw[$0]) >= count && !isNull($0) } }
                if let bad { throw malformed("row \(bad) has code \(values[values.startIndex + bad]) but there are \(count) labels") }
            }
            return
        }
        guard let offsets, let bytes else { throw malformed("a string column needs offsets and bytes") }
        guard offsets.count % 4 == 0, offsets.count / 4 >= 1 else { throw malformed("\(offsets.count) offset bytes is not a whole number of UInt32 offsets") }
        guard offsets.count / 4 - 1 == rows else {
            throw SnapshotError(.rowCountMismatch(table: table, column: column, expected: rows, found: offsets.count / 4 - 1))
        }
        let problem: String? = offsets.withUnsafeBytes { raw in
            var previous: UInt32 = 0
            for index in 0...rows {
                let offset = UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                if index == 0, offset != 0 { return "the first offset is \(offset), not 0" }
                if offset < previous { return "offsets go backwards at row \(index - 1)" }
                previous = offset
            }
            return previous == bytes.count ? nil : "the last offset is \(previous) but there are \(bytes.count) bytes"
        }
        if let problem { throw malformed(problem) }
    }

    // MARK: Raw reads. They assume `verify` passed; `TableReader` is the checked way in.

    /// True when row `row` is null.
    public func isNull(_ row: Int) -> Bool {
        guard let nulls else { return false }
        return nulls[nulls.startIndex + row / 8] & (1 << UInt8(row % 8)) != 0
    }

    /// The first null row, if any: for refusing nulls in a required column without a per-row loop.
    public func firstNull(rows: Int) -> Int? {
        guard let nulls, nulls.contains(where: { $0 != 0 }) else { return nil }
        return (0..<rows).first(where: isNull)
    }

    /// The values of a fixed-width column copied out in one go: the stored bytes already are the
    /// in-memory representation on every little-endian host.
    public func fixedWidth<Value: BitwiseCopyable>(_ type: Value.Type, rows: Int) -> [Value] {
        guard rows > 0, let values else { return [] }
        // Copied out, the file's pages of the column can go back (see MappedFile).
        defer { MappedFile.release(values) }
        return [Value](unsafeUninitializedCapacity: rows) { buffer, count in
            values.withUnsafeBytes { raw in
                UnsafeMutableRawBufferPointer(buffer).copyMemory(from: UnsafeRawBufferPointer(rebasing: raw[0..<rows * MemoryLayout<Value>.stride]))
            }
            count = rows
        }
    }

    /// Every row of a string column (null rows read as ""), decoded straight from the UTF-8 bytes;
    /// invalid UTF-8 is repaired with U+FFFD rather than failing the whole file.
    public func strings(rows: Int) -> [String] {
        guard rows > 0, let offsets, let bytes else { return [] }
        return offsets.withUnsafeBytes { offsetBytes in
            bytes.withUnsafeBytes { raw in
                let utf8 = raw.bindMemory(to: UInt8.self)
                var strings: [String] = []
                strings.reserveCapacity(rows)
                var start = Int(UInt32(littleEndian: offsetBytes.loadUnaligned(as: UInt32.self)))
                for row in 0..<rows {
                    let end = Int(UInt32(littleEndian: offsetBytes.loadUnaligned(fromByteOffset: (row + 1) * 4, as: UInt32.self)))
                    strings.append(String(decoding: UnsafeBufferPointer(rebasing: utf8[start..<end]), as: UTF8.self))
                    start = end
                }
                return strings
            }
        }
    }
}
