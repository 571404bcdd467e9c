/// Finds the row holding a key in a `StringColumn` (the ids of a table): an open-addressing hash
/// table of row numbers that hashes the column's UTF-8 in place. Four bytes a slot, against a
/// `[String: Int]` that would keep its own copy of a million ids; and it is built without making a
/// single `String`.
///
/// The index does not hold the keys: every call passes the column it was built over, whose indexed
/// rows must not change (ids never do; rows are only appended).
public struct RowIndex: Sendable, Equatable {
    /// Row + 1 per slot; 0 = empty. Slot count is a power of two, kept at most half full.
    private var slots: [Int32]
    public private(set) var count = 0

    public init() { slots = [Int32](repeating: 0, count: 16) }

    /// The index of every row of `keys`, or the first row whose key an earlier row already holds.
    public static func build(_ keys: StringColumn) -> Result<RowIndex, DuplicateKey> {
        var index = RowIndex()
        index.slots = [Int32](repeating: 0, count: slotCount(for: keys.count))
        for row in 0..<keys.count {
            if let earlier = index.insert(row: row, of: keys) { return .failure(DuplicateKey(row: row, earlierRow: earlier)) }
        }
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
        return key.withUTF8 { utf8 in
            var slot = Self.hash(utf8) & (slots.count - 1)
            while slots[slot] != 0 {
                let row = Int(slots[slot]) - 1
                if keys.withUTF8(row, { $0.elementsEqual(utf8) }) { return row }
                slot = (slot + 1) & (slots.count - 1)
            }
            return nil
        }
    }

    /// Indexes row `row` of `keys` (just appended); answers the earlier row holding the same key instead.
    @discardableResult
    public mutating func insert(row: Int, of keys: StringColumn) -> Int? {
        if (count + 1) * 2 > slots.count { grow(keys) }
        let found: Int? = keys.withUTF8(row) { utf8 in
            var slot = Self.hash(utf8) & (slots.count - 1)
            while slots[slot] != 0 {
                let other = Int(slots[slot]) - 1
                if keys.withUTF8(other, { $0.elementsEqual(utf8) }) { return other }
                slot = (slot + 1) & (slots.count - 1)
            }
            slots[slot] = Int32(row + 1)
            return nil
        }
        if found == nil { count += 1 }
        return found
    }

    private mutating func grow(_ keys: StringColumn) {
        let rows = slots.compactMap { $0 == 0 ? nil : Int($0) - 1 }
        slots = [Int32](repeating: 0, count: slots.count * 2)
        count = 0
        for row in rows { insert(row: row, of: keys) }
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
