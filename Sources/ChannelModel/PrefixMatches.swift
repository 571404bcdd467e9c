/// The rows of a column that start with a prefix: how many there are, the first few, and the longest
/// prefix they all share — what completing an id as it is typed needs.
public struct PrefixMatches: Sendable, Equatable {
    public var total = 0
    /// The first `limit` matching rows' text, in row order.
    public var first: [String] = []
    /// The longest text every match starts with; the typed prefix's own case where matches differ in it.
    public var common = ""

    public init(total: Int = 0, first: [String] = [], common: String = "") {
        self.total = total
        self.first = first
        self.common = common
    }
}

extension StringColumn {
    /// The rows starting with `prefix`, ASCII letters compared in any case. Read in place: a Tab over a
    /// million registration ids makes no `String` but the `limit` it returns (the id index is a hash, so
    /// it cannot answer a prefix).
    public func rows(startingWith prefix: String, limit: Int) -> PrefixMatches {
        let wanted = prefix.utf8.map(Self.folded)
        var matches = PrefixMatches()
        var common: [UInt8]?
        withRows { rows in
            for row in 0..<rows.count {
                let bytes = rows[row]
                guard bytes.count >= wanted.count else { continue }
                var index = 0
                while index < wanted.count, Self.folded(bytes[index]) == wanted[index] { index += 1 }
                guard index == wanted.count else { continue }
                matches.total += 1
                if matches.first.count < limit { matches.first.append(String(decoding: bytes, as: UTF8.self)) }
                guard var shared = common else {
                    common = Array(bytes)
                    continue
                }
                var length = 0
                while length < min(shared.count, bytes.count), shared[length] == bytes[length] { length += 1 }
                if length < shared.count {
                    shared.removeLast(shared.count - length)
                    common = shared
                }
            }
        }
        let shared = String(decoding: common ?? [], as: UTF8.self)
        // Matches that differ only in the case of the typed part share less than was typed: keep it.
        matches.common = shared.utf8.count >= wanted.count || matches.total == 0 ? shared : prefix
        return matches
    }

    private static func folded(_ byte: UInt8) -> UInt8 { byte >= 0x61 && byte <= 0x7A ? byte - 0x20 : byte }
}
