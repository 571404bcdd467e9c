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
                rows.sort { a, b in
                    let order = comparePartners(data.partners[a], data.partners[b], column: column, programme)
                    return order == 0 ? a < b : (key.sortDescending ? order > 0 : order < 0)
                }
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
            return Array(MetricsPane.figures.indices)
        }
    }

    static func matches(_ needle: String, _ fields: [String]) -> Bool {
        fields.contains { $0.lowercased().contains(needle) }
    }

    static let statusOrder = Dictionary(uniqueKeysWithValues: PartnerStatus.allCases.enumerated().map { ($1, $0) })

    /// -1, 0 or 1; ascending means A→Z, smallest first, oldest first. Partners are looked up only for
    /// the columns that need them, a field at a time: a sort makes ~150k comparisons.
    static func comparePartners(_ a: PartnerRow, _ b: PartnerRow, column: Int, _ programme: Programme) -> Int {
        func order<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : x > y ? 1 : 0 }
        let partners = programme.partners
        switch column {
        case 0: return order(a.nameRank, b.nameRank)
        case 1: return order(partners[a.position].type.rawValue, partners[b.position].type.rawValue)
        case 2: return order(programme.policy.rank(of: partners[b.position].tier), programme.policy.rank(of: partners[a.position].tier))
        case 3: return order(partners[a.position].region, partners[b.position].region)
        case 4: return order(statusOrder[partners[a.position].status]!, statusOrder[partners[b.position].status]!)
        case 5: return order(a.trailingARR, b.trailingARR)
        case 6: return order(a.openRegistrations, b.openRegistrations)
        case 7: return order(a.lastActivity?.ordinal ?? Int32.min, b.lastActivity?.ordinal ?? Int32.min)
        default: return order(a.nps ?? -1, b.nps ?? -1)
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
