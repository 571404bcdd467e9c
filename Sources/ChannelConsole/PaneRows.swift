import ChannelModel

/// Which rows a pane shows, in which order: its data filtered by the `/` query and sorted by the chosen
/// column. Indices point into `ConsoleData`'s arrays, so nothing is copied per keystroke.
public enum PaneRows {
    /// A column `s` can sort a pane by.
    public struct SortColumn: Sendable, Equatable {
        public var name: String
        /// Numbers and dates sort largest first the first time: the biggest deal, the oldest request.
        public var descendingFirst: Bool
    }

    /// The columns `s` cycles through, in order; after the last, the pane's own order again (the
    /// queue's triage order, the ladder's).
    public static func sortColumns(_ pane: Pane) -> [SortColumn] {
        func columns(_ names: String...) -> [SortColumn] {
            names.map { SortColumn(name: $0.hasPrefix("+") ? String($0.dropFirst()) : $0, descendingFirst: $0.hasPrefix("+")) }
        }
        switch pane {
        case .queue: return columns("+age", "partner", "tier", "prospect", "domain", "+est. ACV", "+conflicts", "time left")
        case .partners: return columns("name", "type", "tier", "region", "status", "+trailing ARR", "+open regs", "+last activity", "+NPS")
        case .tiers: return columns("partner", "+ARR 365d", "+staff", "proposal", "grace ends")
        case .metrics, .funds: return []
        }
    }

    /// The fields a `/` term can name in each pane's list (`tier:gold conflict:partner`).
    public static func fields(_ pane: Pane) -> [SearchField] {
        switch pane {
        case .queue: return [.tier, .conflict, .owner, .region, .status, .type, .sla, .partner, .domain]
        case .partners: return [.tier, .owner, .region, .status, .type, .proposal]
        case .tiers: return [.tier, .proposal, .owner, .region, .status, .type]
        case .funds: return [.status, .activity, .partner, .tier, .owner, .region]
        case .metrics: return []
        }
    }

    public static func visible(_ pane: Pane, in state: ConsoleState, _ data: ConsoleData) -> [Int] {
        let list = state.lists[pane] ?? ListState()
        let sorts = pane != .metrics && pane != .funds
        let key = RowCache.Key(pane: pane, filter: list.filter, sortColumn: sorts ? list.sortColumn : nil,
                               sortDescending: sorts && list.sortDescending,
                               notEnabledOnly: pane == .partners && state.notEnabledOnly,
                               owner: pane == .queue && state.mineOnly ? state.actor : nil)
        return data.rowCache.rows(for: key) {
            // Typing extends the filter a character at a time: the rows matching "nov" are among those
            // matching "no", so narrow the remembered answer instead of searching everything again.
            var shorter = key
            shorter.filter = String(key.filter.dropLast())
            let fields = Set(Self.fields(pane))
            let query = SearchQuery(key.filter, fields: fields)
            let candidates = key.filter.isEmpty || !SearchQuery(shorter.filter, fields: fields).isNarrowed(by: query)
                ? nil : data.rowCache.cached(shorter)
            return compute(key, query: query, data, among: candidates)
        }
    }

    static func compute(_ key: RowCache.Key, query: SearchQuery, _ data: ConsoleData, among candidates: [Int]? = nil) -> [Int] {
        // Candidates are already filtered (by a wider query) and sorted: narrowing keeps their order.
        var rows: [Int]
        switch key.pane {
        case .queue:
            rows = candidates ?? Array(data.queue.indices)
            if candidates == nil, let owner = key.owner { rows = rows.filter { data.owner(ofQueueRow: $0) == owner } }
            rows = matching(rows, of: data.queue, search: \.search, query) { queueField($0, $1, data) }
        case .partners:
            rows = candidates ?? Array(data.partners.indices)
            if candidates == nil, key.notEnabledOnly { rows = rows.filter { data.partners[$0].enabled < EnablementItem.allCases.count } }
            rows = matching(rows, of: data.partners, search: \.search, query) { partnerField($0, $1, data) }
        case .tiers:
            rows = candidates ?? Array(data.ladder.indices)
            rows = matching(rows, of: data.ladder, search: \.search, query) { ladderField($0, $1, data) }
        case .metrics:
            rows = Array(0..<MetricsPane.rowCount)
            if !query.isEmpty { rows = rows.filter { query.matches(search: SearchQuery.fold(MetricsPane.rowName($0))) { _ in nil } } }
        case .funds:
            rows = candidates ?? Array(data.funds.rows.indices)
            rows = matching(rows, of: data.funds.rows, search: \.search, query) { fundsField($0, $1, data) }
        }
        guard candidates == nil, let column = key.sortColumn else { return rows }
        let keys = SortKeys.keys(key.pane, column: column, data)
        let descending = key.sortDescending
        rows.sort { a, b in keys[a] == keys[b] ? a < b : (descending ? keys[a] > keys[b] : keys[a] < keys[b]) }
        return rows
    }

    /// The rows among `rows` of `table` that `query` matches. Words alone need only each row's folded
    /// search text, read in place and on every core (150k queued rows at 10M registrations); field
    /// terms ask `field` for the row's values.
    static func matching<Row: Sendable>(_ rows: [Int], of table: [Row], search: KeyPath<Row, String>, _ query: SearchQuery,
                                        field: (SearchField, Int) -> String?) -> [Int] {
        guard !query.isEmpty else { return rows }
        guard query.terms.isEmpty else { return rows.filter { row in query.matches(search: table[row][keyPath: search]) { field($0, row) } } }
        return table.indicesInParallel(rows, whose: search) { query.matches(search: $0) { _ in nil } }
    }

    // MARK: Field values, folded as the query's are

    static func queueField(_ field: SearchField, _ index: Int, _ data: ConsoleData) -> String? {
        let row = data.queue[index]
        switch field {
        case .tier: return SearchQuery.fold(row.item.tier)
        case .conflict: return row.conflicts.isEmpty ? "none" : row.conflicts.map(\.kind.rawValue).joined(separator: " ")
        case .status: return row.status.rawValue
        case .sla: return "\(row.sla)"
        case .domain: return row.domain
        // The partner's own fields (type, region, owner, its id and name).
        default: return partnerField(field, data.partnerRow(registration: row.position), data)
        }
    }

    static func partnerField(_ field: SearchField, _ index: Int?, _ data: ConsoleData) -> String? {
        guard let index else { return nil }
        let row = data.partners[index]
        switch field {
        case .proposal: return row.proposal?.rawValue ?? "none"
        case .tier: return row.facets.tier
        case .type: return row.facets.type
        case .region: return row.facets.region
        case .status: return row.facets.status
        case .owner: return row.facets.owner
        case .partner: return row.facets.partner
        default: return nil
        }
    }

    static func ladderField(_ field: SearchField, _ index: Int, _ data: ConsoleData) -> String? {
        let standing = data.standings[data.ladder[index].standing]
        switch field {
        case .tier: return SearchQuery.fold(standing.currentTier)
        case .proposal: return standing.proposal.rawValue
        default: return partnerField(field, data.programme.partnerPosition(standing.partnerId), data)
        }
    }

    static func fundsField(_ field: SearchField, _ index: Int, _ data: ConsoleData) -> String? {
        let row = data.funds.rows[index]
        switch field {
        case .status: return row.status.rawValue
        case .activity: return row.request.activity.rawValue
        case .tier: return SearchQuery.fold(row.tier)
        default: return partnerField(field, data.programme.partnerPosition(row.request.partnerID), data)
        }
    }
}
