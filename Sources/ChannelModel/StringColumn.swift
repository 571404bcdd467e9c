import Foundation

/// Many strings kept as one UTF-8 buffer and an offset per row, the way the programme file stores
/// them (DESIGN.md §5). A million registrations hold six strings each: as Swift `String`s that is
/// millions of small heap objects; as columns it is a few buffers the file's bytes can become directly.
///
/// Rows are appended or replaced, never removed. The rows read from a file stay in the buffers they
/// were decoded into (the base, never copied); rows appended since go to a growable tail (appending to
/// `Data` a field at a time cost 150 ns a field); a replaced row lives in `replaced`. The writer folds
/// all three into one pair of buffers (`storedBuffers()`), which is also what the next load adopts.
public struct StringColumn: Sendable {
    /// The UTF-8 of the base rows, back to back.
    private var baseBytes = Data()
    /// baseCount + 1 little-endian UInt32 offsets into `baseBytes`.
    private var baseOffsets = Data(count: 4)
    private var baseCount = 0
    /// The UTF-8 of rows appended after the base, and where each ends in it.
    private var tailBytes: [UInt8] = []
    private var tailEnds: [UInt32] = []
    /// Bit i set = row i is null (byte i / 8, least significant bit first); only as long as the last
    /// null row needs, empty while no row is null.
    private var nulls: [UInt8] = []
    /// Rows changed since they were stored: their current value (nil = null).
    private var replaced: [Int: String?] = [:]

    public var count: Int { baseCount + tailEnds.count }

    /// An empty column.
    public init() {}

    /// A column over stored buffers, taken as they are (no copy): the caller has checked their shape
    /// (`offsets` holds count + 1 ascending offsets, the last equal to `bytes.count`).
    public init(uncheckedBytes bytes: Data, offsets: Data, nulls: Data?, count: Int) {
        baseBytes = bytes
        baseOffsets = offsets
        baseCount = count
        if let nulls, nulls.contains(where: { $0 != 0 }) { self.nulls = [UInt8](nulls) }
    }

    public init(_ strings: some Sequence<String?>) {
        for string in strings { append(string) }
    }

    /// `count` null rows: the stand-in for an optional column an older file lacks.
    public init(nulls count: Int) {
        tailEnds = [UInt32](repeating: 0, count: count)
        nulls = [UInt8](repeating: 0xFF, count: (count + 7) / 8)
    }

    /// Bytes of UTF-8 held, replaced rows' new text included.
    public var byteCount: Int { baseBytes.count + tailBytes.count + replaced.values.reduce(0) { $0 + ($1?.utf8.count ?? 0) } }

    // MARK: Reading

    public func isNull(_ row: Int) -> Bool {
        if !replaced.isEmpty, let value = replaced[row] { return value == nil }
        return storedIsNull(row)
    }

    /// Row `row`; a null row reads as "".
    public subscript(row: Int) -> String { value(row) ?? "" }

    /// Row `row`, nil when null.
    public func value(_ row: Int) -> String? {
        if !replaced.isEmpty, let value = replaced[row] { return value }
        if storedIsNull(row) { return nil }
        return withStoredUTF8(row) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of row `row` (empty when null), without making a `String` for
    /// stored rows.
    public func withUTF8<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if !replaced.isEmpty, let value = replaced[row] {
            var string = value ?? ""
            return try string.withUTF8(body)
        }
        return try withStoredUTF8(row, body)
    }

    /// Calls `body` with a raw view of every row, for scans over a million rows that must not pay a
    /// buffer access per row. Replaced rows are folded in first (a copy, which loading never needs).
    public func withRows<Result>(_ body: (Rows) throws -> Result) rethrows -> Result {
        guard replaced.isEmpty else { return try compacted().withRows(body) }
        return try baseOffsets.withUnsafeBytes { offsets in
            try baseBytes.withUnsafeBytes { bytes in
                try tailEnds.withUnsafeBufferPointer { tailEnds in
                    try tailBytes.withUnsafeBufferPointer { tailBytes in
                        try body(Rows(baseOffsets: offsets, baseBytes: bytes, baseCount: baseCount,
                                      tailEnds: tailEnds, tailBytes: tailBytes))
                    }
                }
            }
        }
    }

    /// The rows' UTF-8 in place; valid only inside `withRows`.
    public struct Rows {
        let baseOffsets: UnsafeRawBufferPointer
        let baseBytes: UnsafeRawBufferPointer
        let baseCount: Int
        let tailEnds: UnsafeBufferPointer<UInt32>
        let tailBytes: UnsafeBufferPointer<UInt8>

        public var count: Int { baseCount + tailEnds.count }

        public subscript(row: Int) -> UnsafeBufferPointer<UInt8> {
            guard row < baseCount else {
                let tailRow = row - baseCount
                let start = tailRow == 0 ? 0 : Int(tailEnds[tailRow - 1])
                return UnsafeBufferPointer(rebasing: tailBytes[start..<Int(tailEnds[tailRow])])
            }
            let start = Int(UInt32(littleEndian: baseOffsets.loadUnaligned(fromByteOffset: row * 4, as: UInt32.self)))
            let end = Int(UInt32(littleEndian: baseOffsets.loadUnaligned(fromByteOffset: row * 4 + 4, as: UInt32.self)))
            return UnsafeBufferPointer(rebasing: baseBytes.assumingMemoryBound(to: UInt8.self)[start..<end])
        }
    }

    /// Byte equality by `memcmp`: the generic `elementsEqual` was a tenth of opening a programme.
    public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    private func storedIsNull(_ row: Int) -> Bool {
        row / 8 < nulls.count && nulls[row / 8] & (1 << UInt8(row % 8)) != 0
    }

    private func withStoredUTF8<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        guard row < baseCount else {
            let tailRow = row - baseCount
            let start = tailRow == 0 ? 0 : Int(tailEnds[tailRow - 1])
            return try tailBytes.withUnsafeBufferPointer { try body(UnsafeBufferPointer(rebasing: $0[start..<Int(tailEnds[tailRow])])) }
        }
        return try baseOffsets.withUnsafeBytes { offsetBytes in
            let start = Int(UInt32(littleEndian: offsetBytes.loadUnaligned(fromByteOffset: row * 4, as: UInt32.self)))
            let end = Int(UInt32(littleEndian: offsetBytes.loadUnaligned(fromByteOffset: row * 4 + 4, as: UInt32.self)))
            return try baseBytes.withUnsafeBytes { raw in
                try body(UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[start..<end]))
            }
        }
    }

    // MARK: Changing

    /// Room for `rows` more rows of about 16 bytes each, so a large import does not regrow the tail.
    public mutating func reserveCapacity(_ rows: Int) {
        tailEnds.reserveCapacity(tailEnds.count + rows)
        tailBytes.reserveCapacity(tailBytes.count + rows * 16)
    }

    public mutating func append(_ string: String?) {
        if let string {
            tailBytes.append(contentsOf: string.utf8)
        } else {
            markNull(count)
        }
        tailEnds.append(UInt32(truncatingIfNeeded: tailBytes.count))
    }

    /// Appends every row of `other`. A column of appended rows only (what an import builds) joins by two
    /// buffer copies, not row by row: how the parts of a file read on several cores become one column.
    public mutating func append(contentsOf other: StringColumn) {
        guard other.baseCount == 0, other.replaced.isEmpty else {
            for row in 0..<other.count { append(row: row, of: other) }
            return
        }
        let first = count, shift = UInt32(truncatingIfNeeded: tailBytes.count)
        tailBytes.append(contentsOf: other.tailBytes)
        tailEnds.append(contentsOf: other.tailEnds.lazy.map { $0 &+ shift })
        guard !other.nulls.isEmpty else { return }
        for row in 0..<other.count where other.storedIsNull(row) { markNull(first + row) }
    }

    /// Sets row `row`'s null bit, growing the bitmap as far as it needs.
    private mutating func markNull(_ row: Int) {
        if nulls.count <= row / 8 { nulls.append(contentsOf: repeatElement(0, count: row / 8 + 1 - nulls.count)) }
        nulls[row / 8] |= 1 << UInt8(row % 8)
    }

    /// Appends row `row` of `other` by copying its bytes: no `String` is made.
    public mutating func append(row: Int, of other: StringColumn) {
        guard !other.isNull(row) else { return append(nil) }
        other.withUTF8(row) { tailBytes.append(contentsOf: $0) }
        tailEnds.append(UInt32(truncatingIfNeeded: tailBytes.count))
    }

    /// Replaces row `row` (an existing row) with `string`.
    public mutating func set(_ row: Int, _ string: String?) {
        precondition(row < count, "row \(row) of a \(count)-row column")
        if value(row) == string { return }
        replaced[row] = .some(string)
    }

    // MARK: The stored form

    /// The same rows in freshly built buffers: one base, no tail, nothing replaced.
    public func compacted() -> StringColumn {
        let stored = storedBuffers()
        return StringColumn(uncheckedBytes: stored.bytes, offsets: stored.offsets, nulls: stored.nulls, count: count)
    }

    /// The rows as the file stores them: (bytes, offsets, nulls sized for every row). Taken as they
    /// are when nothing was appended or replaced since the load, which is every checkpoint of a file
    /// that was only read and decided on.
    public func storedBuffers() -> (bytes: Data, offsets: Data, nulls: Data?) {
        let bitmapBytes = (count + 7) / 8
        guard replaced.isEmpty else { return rebuiltBuffers(bitmapBytes: bitmapBytes) }
        // The in-memory bitmap, padded with zero bytes to cover every row.
        let bitmap = nulls.isEmpty ? nil : Data(nulls + repeatElement(0, count: bitmapBytes - nulls.count))
        if tailEnds.isEmpty { return (baseBytes, baseOffsets, bitmap) }
        // Base and tail back to back, the tail's ends shifted past the base: two copies, no row loop.
        var bytes = baseBytes
        bytes.append(contentsOf: tailBytes)
        var offsets = baseOffsets
        let shift = UInt32(truncatingIfNeeded: baseBytes.count)
        offsets.append(contentsOf: tailEnds.map { ($0 &+ shift).littleEndian }.withUnsafeBytes { Data($0) })
        return (bytes, offsets, bitmap)
    }

    /// The stored form built row by row, when rows were replaced.
    private func rebuiltBuffers(bitmapBytes: Int) -> (bytes: Data, offsets: Data, nulls: Data?) {
        var bytes = [UInt8]()
        bytes.reserveCapacity(byteCount)
        var offsets = [UInt32]()
        offsets.reserveCapacity(count + 1)
        offsets.append(0)
        var bitmap = [UInt8](repeating: 0, count: bitmapBytes)
        for row in 0..<count {
            if isNull(row) { bitmap[row / 8] |= 1 << UInt8(row % 8) }
            withUTF8(row) { bytes.append(contentsOf: $0) }
            offsets.append(UInt32(truncatingIfNeeded: bytes.count))
        }
        let offsetData = offsets.withUnsafeBytes { Data($0) }
        return (Data(bytes), offsetData, bitmap.contains { $0 != 0 } ? Data(bitmap) : nil)
    }
}

extension StringColumn: Equatable {
    /// Same rows, whatever the buffers (a replaced row equals a stored one with the same text).
    public static func == (a: StringColumn, b: StringColumn) -> Bool {
        guard a.count == b.count else { return false }
        // Copies of one column share their buffers: equal without comparing a hundred megabytes.
        if a.replaced.isEmpty, b.replaced.isEmpty, a.baseCount == b.baseCount, a.nulls == b.nulls,
           a.tailEnds == b.tailEnds, a.tailBytes == b.tailBytes,
           a.baseBytes.sharesStorage(with: b.baseBytes), a.baseOffsets.sharesStorage(with: b.baseOffsets) {
            return true
        }
        return a.withRows { rowsA in
            b.withRows { rowsB in
                (0..<a.count).allSatisfy { a.isNull($0) == b.isNull($0) && StringColumn.equal(rowsA[$0], rowsB[$0]) }
            }
        }
    }
}

private extension Data {
    func sharesStorage(with other: Data) -> Bool {
        count == other.count && withUnsafeBytes { mine in other.withUnsafeBytes { mine.baseAddress == $0.baseAddress } }
    }
}
