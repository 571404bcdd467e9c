import ChannelModel

/// Which rows a pane shows, in which order: its data filtered by the `/` text and sorted by the chosen
/// column. Indices point into `ConsoleData`'s arrays, so nothing is copied per keystroke.
public enum PaneRows {
    /// Sortable columns of the Partners pane, in the order `s` cycles through them.
    public static let partnerSortColumns = ["name", "type", "tier", "region", "status", "trailing ARR", "open regs",
                                            "last activity", "NPS"]

    public static func visible(_ pane: Pane, in state: ConsoleState, _ data: ConsoleData) -> [Int] {
        let list = state.lists[pane] ?? ListState()
        let key = RowCache.Key(pane: pane, filter: list.filter.lowercased(), sortColumn: pane == .partners ? list.sortColumn : nil,
                               sortDescending: pane == .partners && list.sortDescending,
                               notEnabledOnly: pane == .partners && state.notEnabledOnly)
        return data.rowCache.rows(for: key) {
            // Typing extends the filter a character at a time: the rows matching "nov" are among those
            // matching "no", so narrow the remembered answer instead of searching everything again.
            var shorter = key
            shorter.filter = String(key.filter.dropLast())
            let candidates = key.filter.isEmpty ? nil : data.rowCache.cached(shorter)
            return compute(key, data, among: candidates)
        }
    }

    static func compute(_ key: RowCache.Key, _ data: ConsoleData, among candidates: [Int]? = nil) -> [Int] {
        let needle = key.filter
        let programme = data.programme
        switch key.pane {
        case .queue:
            let rows = candidates ?? Array(data.queue.indices)
            guard !needle.isEmpty else { return rows }
            return rows.filter { contains(data.queue[$0].search, needle) }
        case .partners:
            if let candidates { return candidates.filter { contains(data.partners[$0].search, needle) } }
            var rows = Array(data.partners.indices)
            if key.notEnabledOnly { rows = rows.filter { data.partners[$0].enabled < EnablementItem.allCases.count } }
            if !needle.isEmpty { rows = rows.filter { contains(data.partners[$0].search, needle) } }
            if let column = key.sortColumn {
                let keys = partnerSortKeys(column: column, data)
                let descending = key.sortDescending
                rows.sort { a, b in keys[a] == keys[b] ? a < b : (descending ? keys[a] > keys[b] : keys[a] < keys[b]) }
            }
            return rows
        case .tiers:
            guard !needle.isEmpty else { return Array(data.ladder.indices) }
            return data.ladder.indices.filter { index in
                let standing = data.standings[data.ladder[index].standing]
                return matches(needle, [standing.partnerId, programme.partner(standing.partnerId)?.name ?? "",
                                        Format.label(standing.proposal.rawValue), standing.currentTier, standing.qualifiedTier])
            }
        case .metrics:
            return Array(0..<MetricsPane.rowCount)
        case .funds:
            let rows = candidates ?? Array(data.funds.rows.indices)
            guard !needle.isEmpty else { return rows }
            return rows.filter { contains(data.funds.rows[$0].search, needle) }
        }
    }

    static func matches(_ needle: String, _ fields: [String]) -> Bool {
        fields.contains { $0.lowercased().contains(needle) }
    }

    static let statusOrder = Dictionary(uniqueKeysWithValues: PartnerStatus.allCases.enumerated().map { ($1, $0) })

    /// One integer per partner row that sorts as the column does (ascending: A→Z, smallest first,
    /// oldest first), so a sort of 10k rows compares integers, never strings or partners.
    static func partnerSortKeys(column: Int, _ data: ConsoleData) -> [Int] {
        let rows = data.partners, partners = data.programme.partners, policy = data.programme.policy
        /// Each row's text as its rank among the column's distinct texts (a handful of types or regions).
        func ranks(_ text: (Partner) -> String) -> [Int] {
            let distinct = Set(partners.map(text)).sorted()
            let rank = Dictionary(uniqueKeysWithValues: distinct.enumerated().map { ($1, $0) })
            return rows.map { rank[text(partners[$0.position])]! }
        }
        switch column {
        case 0: return rows.map(\.nameRank)
        case 1: return ranks { $0.type.rawValue }
        case 2:
            let rank = Dictionary(policy.tiers.enumerated().map { ($1.name, $0) }, uniquingKeysWith: { first, _ in first })
            // The top tier sorts last ascending: rank 0 is the highest.
            return rows.map { -(rank[partners[$0.position].tier] ?? policy.tiers.count) }
        case 3: return ranks(\.region)
        case 4: return rows.map { statusOrder[partners[$0.position].status]! }
        case 5: return rows.map { Int($0.trailingARR.cents) }
        case 6: return rows.map(\.openRegistrations)
        case 7: return rows.map { Int($0.lastActivity?.ordinal ?? Int32.min) }
        default: return rows.map { $0.nps ?? -1 }
        }
    }

    /// Substring search on UTF-8 bytes: the search texts are lower-cased once, so a byte match is a
    /// match, and it is several times faster than `String.contains` over 15k rows per keystroke.
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { text in
            needle.withUTF8 { pattern in
                guard let first = pattern.first else { return true }
                guard pattern.count <= text.count else { return false }
                var index = 0
                let last = text.count - pattern.count
                while index <= last {
                    if text[index] == first {
                        var matched = 1
                        while matched < pattern.count && text[index + matched] == pattern[matched] { matched += 1 }
                        if matched == pattern.count { return true }
                    }
                    index += 1
                }
                return false
            }
        }
    }
}
