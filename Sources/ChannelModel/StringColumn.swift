import Foundation

/// Many strings kept as one UTF-8 buffer and an offset per row, the way the programme file stores
/// them (DESIGN.md §5). A million registrations hold six strings each: as Swift `String`s that is
/// millions of small heap objects; as columns it is a few buffers the file's bytes can become directly.
///
/// Rows are appended or replaced, never removed. A replaced row lives in `replaced` until the column
/// is rebuilt (`compacted()`, which the snapshot writer does), so changing one row never copies the
/// buffer. A row may be null (an absent optional), tracked by a bitmap that exists only once needed.
public struct StringColumn: Sendable {
    /// The UTF-8 of every row, back to back.
    private var bytes: Data
    /// count + 1 little-endian UInt32 offsets into `bytes`; row i is `offsets[i]..<offsets[i + 1]`.
    private var offsets: Data
    /// Bit i set = row i is null (byte i / 8, least significant bit first); nil while no row is.
    private var nulls: Data?
    /// Rows changed since the buffers were built: their current value (nil = null).
    private var replaced: [Int: String?] = [:]
    public private(set) var count: Int

    /// An empty column.
    public init() {
        bytes = Data()
        offsets = Data(count: 4)
        count = 0
    }

    /// A column over stored buffers, taken as they are (no copy): the caller has checked their shape
    /// (`offsets` holds count + 1 ascending offsets, the last equal to `bytes.count`).
    public init(uncheckedBytes bytes: Data, offsets: Data, nulls: Data?, count: Int) {
        self.bytes = bytes
        self.offsets = offsets
        self.nulls = nulls.flatMap { $0.contains(where: { $0 != 0 }) ? $0 : nil }
        self.count = count
    }

    public init(_ strings: some Sequence<String?>) {
        self.init()
        for string in strings { append(string) }
    }

    /// The same rows in freshly built buffers, without the replaced-row side table.
    public func compacted() -> StringColumn {
        var copy = StringColumn()
        copy.reserve(rows: count, bytes: bytes.count)
        for row in 0..<count { copy.append(value(row)) }
        return copy
    }

    /// Bytes of UTF-8 held, replaced rows' old text included.
    public var byteCount: Int { bytes.count + replaced.values.reduce(0) { $0 + ($1?.utf8.count ?? 0) } }

    public mutating func reserve(rows: Int, bytes byteCount: Int) {
        bytes.reserveCapacity(byteCount)
        offsets.reserveCapacity((rows + 1) * 4)
    }

    // MARK: Reading

    public func isNull(_ row: Int) -> Bool {
        if !replaced.isEmpty, let value = replaced[row] { return value == nil }
        return baseIsNull(row)
    }

    /// Row `row`; a null row reads as "".
    public subscript(row: Int) -> String { value(row) ?? "" }

    /// Row `row`, nil when null.
    public func value(_ row: Int) -> String? {
        if !replaced.isEmpty, let value = replaced[row] { return value }
        if baseIsNull(row) { return nil }
        return withBaseUTF8(row) { String(decoding: $0, as: UTF8.self) }
    }

    /// Calls `body` with the UTF-8 of row `row` (empty when null), without making a `String` for
    /// stored rows: for hashing and comparing a million ids at load.
    public func withUTF8<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if !replaced.isEmpty, let value = replaced[row] {
            var string = value ?? ""
            return try string.withUTF8(body)
        }
        return try withBaseUTF8(row, body)
    }

    /// Calls `body` with a raw view of every row, for scans over a million rows that must not pay a
    /// buffer access per row. Replaced rows are folded in first (a copy, which loading never needs).
    public func withRows<Result>(_ body: (Rows) throws -> Result) rethrows -> Result {
        guard replaced.isEmpty else { return try compacted().withRows(body) }
        return try offsets.withUnsafeBytes { offsets in
            try bytes.withUnsafeBytes { bytes in try body(Rows(offsets: offsets, bytes: bytes, count: count)) }
        }
    }

    /// The rows' UTF-8 in place; valid only inside `withRows`.
    public struct Rows {
        let offsets: UnsafeRawBufferPointer
        let bytes: UnsafeRawBufferPointer
        public let count: Int

        public subscript(row: Int) -> UnsafeBufferPointer<UInt8> {
            let start = Int(UInt32(littleEndian: offsets.loadUnaligned(fromByteOffset: row * 4, as: UInt32.self)))
            let end = Int(UInt32(littleEndian: offsets.loadUnaligned(fromByteOffset: row * 4 + 4, as: UInt32.self)))
            return UnsafeBufferPointer(rebasing: bytes.assumingMemoryBound(to: UInt8.self)[start..<end])
        }
    }

    /// Byte equality by `memcmp`: the generic `elementsEqual` was a tenth of opening a programme.
    public static func equal(_ a: UnsafeBufferPointer<UInt8>, _ b: UnsafeBufferPointer<UInt8>) -> Bool {
        a.count == b.count && (a.count == 0 || memcmp(a.baseAddress!, b.baseAddress!, a.count) == 0)
    }

    private func baseIsNull(_ row: Int) -> Bool {
        // In memory the bitmap only reaches the last null appended: rows past it are not null.
        guard let nulls, row / 8 < nulls.count else { return false }
        return nulls[nulls.startIndex + row / 8] & (1 << UInt8(row % 8)) != 0
    }

    private func withBaseUTF8<Result>(_ row: Int, _ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        try offsets.withUnsafeBytes { offsetBytes in
            let start = Int(UInt32(littleEndian: offsetBytes.loadUnaligned(fromByteOffset: row * 4, as: UInt32.self)))
            let end = Int(UInt32(littleEndian: offsetBytes.loadUnaligned(fromByteOffset: row * 4 + 4, as: UInt32.self)))
            return try bytes.withUnsafeBytes { raw in
                try body(UnsafeBufferPointer(rebasing: raw.assumingMemoryBound(to: UInt8.self)[start..<end]))
            }
        }
    }

    // MARK: Changing

    public mutating func append(_ string: String?) {
        if string == nil { setNullBit(count) }
        if var string, !string.isEmpty { string.withUTF8 { bytes.append($0) } }
        withUnsafeBytes(of: UInt32(truncatingIfNeeded: bytes.count).littleEndian) { offsets.append(contentsOf: $0) }
        count += 1
    }

    /// Replaces row `row` (an existing row) with `string`.
    public mutating func set(_ row: Int, _ string: String?) {
        precondition(row < count, "row \(row) of a \(count)-row column")
        if value(row) == string { return }
        replaced[row] = .some(string)
    }

    private mutating func setNullBit(_ row: Int) {
        // Mutated through the optional in place: a copy of the bitmap per append would be quadratic.
        if nulls == nil { nulls = Data() }
        let needed = row / 8 + 1
        if nulls!.count < needed { nulls!.append(Data(count: needed - nulls!.count)) }
        nulls![nulls!.startIndex + row / 8] |= 1 << UInt8(row % 8)
    }

    /// The stored buffers' bitmap is exactly `count` bits rounded up to bytes.
    fileprivate var paddedNulls: Data? {
        guard var bitmap = nulls else { return nil }
        let needed = count / 8 + (count % 8 == 0 ? 0 : 1)
        if bitmap.count < needed { bitmap.append(Data(count: needed - bitmap.count)) }
        return bitmap
    }
}

extension StringColumn {
    /// The stored form (bytes, offsets, nulls) with every replacement folded in and the bitmap sized
    /// for the file (in memory it only grows when a null is appended): no copy when nothing was replaced.
    public func storedBuffers() -> (bytes: Data, offsets: Data, nulls: Data?) {
        let column = replaced.isEmpty ? self : compacted()
        return (column.bytes, column.offsets, column.paddedNulls)
    }
}

extension StringColumn: Equatable {
    /// Same rows, whatever the buffers (a replaced row equals a stored one with the same text).
    public static func == (a: StringColumn, b: StringColumn) -> Bool {
        guard a.count == b.count else { return false }
        if a.replaced.isEmpty, b.replaced.isEmpty, a.nulls == b.nulls {
            // Copies of one column share their buffers: equal without comparing a hundred megabytes.
            if a.bytes.sharesStorage(with: b.bytes), a.offsets.sharesStorage(with: b.offsets) { return true }
            if a.offsets == b.offsets, a.bytes == b.bytes { return true }
        }
        return (0..<a.count).allSatisfy { a.value($0) == b.value($0) }
    }
}

extension StringColumn {
    /// `count` null rows: the stand-in for an optional column an older file lacks.
    public init(nulls count: Int) {
        self.init()
        offsets = Data(count: (count + 1) * 4)
        nulls = count == 0 ? nil : Data(repeating: 0xFF, count: (count + 7) / 8)
        self.count = count
    }
}

private extension Data {
    func sharesStorage(with other: Data) -> Bool {
        count == other.count && withUnsafeBytes { mine in other.withUnsafeBytes { mine.baseAddress == $0.baseAddress } }
    }
}
