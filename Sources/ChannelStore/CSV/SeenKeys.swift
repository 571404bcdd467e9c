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

    private static func claim(_ slot: inout Int, line: Int) -> Int {
        if slot == 0 { slot = line }
        return slot
    }
}
