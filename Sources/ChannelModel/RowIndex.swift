/// Finds the row holding a key in a `StringColumn` (the ids of a table): an open-addressing hash
/// table of row numbers that hashes the column's UTF-8 in place. Four bytes a slot, against a
/// `[String: Int]` that would keep its own copy of a million ids; and it is built without making a
/// single `String`.
///
/// The index does not hold the keys: every call passes the column it was built over, whose indexed
/// rows must not change (ids never do; rows are only appended).
public struct RowIndex: Sendable, Equatable {
    /// Per slot: the key's hash's high 32 bits, then row + 1; 0 = empty. Slot count is a power of two,
    /// kept at most half full. The hash bits let a probe skip other keys without reading their bytes
    /// (a cache miss each, which made building the index for a million ids cost 120 ms).
    private var slots: [UInt64]
    public private(set) var count = 0

    public init() { slots = [UInt64](repeating: 0, count: 16) }

    /// The index of every row of `keys`, or the first row whose key an earlier row already holds.
    public static func build(_ keys: StringColumn) -> Result<RowIndex, DuplicateKey> {
        var index = RowIndex()
        index.slots = [UInt64](repeating: 0, count: slotCount(for: keys.count))
        // One raw view of the column and of the slots for the whole loop: per-row buffer access and
        // exclusivity checks cost more than the hashing.
        let duplicate: DuplicateKey? = keys.withRows { rows in
            index.slots.withUnsafeMutableBufferPointer { slots in
                for row in 0..<rows.count {
                    let utf8 = rows[row], hash = hash(utf8)
                    let (slot, other) = probe(UnsafeBufferPointer(slots), hash) { StringColumn.equal(rows[$0], utf8) }
                    if let other { return DuplicateKey(row: row, earlierRow: other) }
                    slots[slot] = entry(row, hash)
                }
                return nil
            }
        }
        if let duplicate { return .failure(duplicate) }
        index.count = keys.count
        return .success(index)
    }

    /// Two rows of a column hold the same key.
    public struct DuplicateKey: Error, Equatable {
        public var row: Int
        public var earlierRow: Int
    }

    /// The row whose key is `key`.
    public func row(of key: String, in keys: StringColumn) -> Int? {
        var key = key
        return key.withUTF8 { row(ofUTF8: $0, in: keys) }
    }

    public func row(ofUTF8 utf8: UnsafeBufferPointer<UInt8>, in keys: StringColumn) -> Int? {
        slots.withUnsafeBufferPointer { slots in
            Self.probe(slots, Self.hash(utf8)) { row in keys.withUTF8(row) { StringColumn.equal($0, utf8) } }.row
        }
    }

    /// For every row of `column`, the row of `keys` holding the same text (-1 when none does): how ten
    /// million registrations find their partner at load, on every core, without making a `String` each.
    public func rows(matching column: StringColumn, in keys: StringColumn) -> [Int32] {
        keys.withRows { keyRows in
            column.withRows { rows in
                slots.withUnsafeBufferPointer { slots in
                    // Read only, for the duration of the call.
                    nonisolated(unsafe) let keyRows = keyRows, rows = rows, slots = slots
                    return Parallel.parts(of: rows.count, serialBelow: 200_000) { part in
                        part.map { row in
                            let utf8 = rows[row]
                            let found = Self.probe(slots, Self.hash(utf8)) { StringColumn.equal(keyRows[$0], utf8) }.row
                            return found.map { Int32($0) } ?? -1
                        }
                    }.flatMap { $0 }
                }
            }
        }
    }

    /// Indexes row `row` of `keys` (just appended); answers the earlier row holding the same key instead.
    @discardableResult
    public mutating func insert(row: Int, of keys: StringColumn) -> Int? {
        if (count + 1) * 2 > slots.count { grow(keys) }
        let found: Int? = keys.withUTF8(row) { utf8 in
            let hash = Self.hash(utf8)
            let (slot, other) = slots.withUnsafeBufferPointer { slots in
                Self.probe(slots, hash) { other in keys.withUTF8(other) { StringColumn.equal($0, utf8) } }
            }
            if other == nil { slots[slot] = Self.entry(row, hash) }
            return other
        }
        if found == nil { count += 1 }
        return found
    }

    /// Makes room for `rows` keys in all, so that adding a million does not rehash twenty times.
    public mutating func reserve(_ rows: Int, keys: StringColumn) {
        guard Self.slotCount(for: rows) > slots.count else { return }
        let indexed = slots.compactMap { $0 == 0 ? nil : Int($0 & 0xFFFF_FFFF) - 1 }.sorted()
        slots = [UInt64](repeating: 0, count: Self.slotCount(for: rows))
        count = 0
        for row in indexed { insert(row: row, of: keys) }
    }

    private mutating func grow(_ keys: StringColumn) { reserve(slots.count, keys: keys) }

    /// Linear probing from `hash`'s home slot: the row whose stored hash bits match and for which
    /// `isKey` holds, or else the empty slot where that key belongs.
    private static func probe(_ slots: UnsafeBufferPointer<UInt64>, _ hash: Int, isKey: (Int) -> Bool) -> (slot: Int, row: Int?) {
        let mask = slots.count - 1
        var slot = hash & mask
        while slots[slot] != 0 {
            if let row = match(slots[slot], hash), isKey(row) { return (slot, row) }
            slot = (slot + 1) & mask
        }
        return (slot, nil)
    }

    private static func entry(_ row: Int, _ hash: Int) -> UInt64 {
        UInt64(UInt(bitPattern: hash) >> 32) << 32 | UInt64(row + 1)
    }

    /// The row of a slot whose stored hash bits equal `hash`'s.
    private static func match(_ slot: UInt64, _ hash: Int) -> Int? {
        slot >> 32 == UInt64(UInt(bitPattern: hash) >> 32) ? Int(slot & 0xFFFF_FFFF) - 1 : nil
    }

    private static func slotCount(for rows: Int) -> Int {
        var slots = 16
        while slots < rows * 2 { slots *= 2 }
        return slots
    }

    /// FNV-1a, finished with a multiply-xorshift so that ids differing only in their last digits
    /// spread over the whole table.
    static func hash(_ utf8: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in utf8 { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        hash ^= hash >> 32
        hash = hash &* 0xd6e8_feb8_6659_fd93
        hash ^= hash >> 32
        return Int(truncatingIfNeeded: hash)
    }
}
