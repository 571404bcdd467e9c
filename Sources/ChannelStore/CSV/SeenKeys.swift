/// The keys of a file's rows so far, each with the line it was first on: the uniqueness check of ids.
///
/// While keys arrive in ascending order — as in our own exports and in most other systems' exports,
/// which list records by id — a key cannot repeat an earlier one, so it is only compared with the
/// previous key and appended to a list. A dictionary of a million keys cost one or two cache misses
/// per row, about a quarter of a registrations import. The first key out of order moves the list
/// into a dictionary, which serves the rest of the file. String `<` and `==` agree (both compare
/// canonical equivalents as equal), so "strictly ascending" does mean "no key twice".
struct SeenKeys {
    private var ascending: [(key: String, line: Int)] = []
    private var index: [String: Int]?
    private var expected = 0

    /// Sizes the list, and the dictionary should the order break, for the rows still to come.
    mutating func expect(rows: Int) {
        expected = rows
        ascending.reserveCapacity(rows)
    }

    /// Notes `key` as first on `line` unless an earlier row had it; answers the line it was first on.
    mutating func claim(_ key: String, line: Int) -> Int {
        if index == nil {
            if ascending.last.map({ $0.key < key }) ?? true {
                ascending.append((key, line))
                return line
            }
            var index = [String: Int](minimumCapacity: max(expected, ascending.count + 1))
            for (key, line) in ascending { index[key] = line }
            ascending = []
            self.index = index
        }
        // One hash per row: the slot is looked up once, and filled when it is new (lines start at 1).
        return Self.claim(&index![key, default: 0], line: line)
    }

    /// Takes in the keys of a later part of the file, read on its own (`CSVParts`), their lines moved
    /// on by `lineOffset` — unless one of them is here already, which makes that row a duplicate only
    /// reading the file in one pass reports correctly: then nothing changes and the answer is false.
    /// Two parts of an export sorted by id join in O(1) checks: the part's first key is after this
    /// part's last one.
    mutating func absorb(_ other: SeenKeys, lineOffset: Int) -> Bool {
        if index == nil, other.index == nil, let first = other.ascending.first {
            if ascending.last.map({ $0.key < first.key }) ?? true {
                ascending.append(contentsOf: other.ascending.lazy.map { ($0.key, $0.line + lineOffset) })
                return true
            }
        }
        let entries = other.index.map { Array($0.lazy.map { (key: $0.key, line: $0.value) }) } ?? other.ascending
        guard !entries.contains(where: { contains($0.key) }) else { return false }
        for entry in entries { _ = claim(entry.key, line: entry.line + lineOffset) }
        return true
    }

    /// Whether an earlier row had `key`.
    private func contains(_ key: String) -> Bool {
        if let index { return index[key] != nil }
        // The list is strictly ascending: a binary search.
        var low = 0, high = ascending.count
        while low < high {
            let middle = (low + high) / 2
            if ascending[middle].key < key { low = middle + 1 } else { high = middle }
        }
        return low < ascending.count && ascending[low].key == key
    }

    private static func claim(_ slot: inout Int, line: Int) -> Int {
        if slot == 0 { slot = line }
        return slot
    }
}
