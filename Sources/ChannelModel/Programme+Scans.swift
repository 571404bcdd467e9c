/// Scans over every registration or deal that read the columns directly: what metrics, tiers and
/// profiles need from a million rows without making a `Registration` or `Deal` per row.
extension Programme {
    /// Positions of the partner's registrations, ascending.
    public func registrationPositions(ofPartner id: String) -> [Int] {
        rows(ofPartner: id, partners: registrations.partners, ids: registrations.partnerIDs)
    }

    /// Positions of the partner's deals, ascending.
    public func dealPositions(ofPartner id: String) -> [Int] {
        rows(ofPartner: id, partners: deals.partners, ids: deals.partnerIDs)
    }

    /// Every partner's registration positions, ascending, keyed by partner id.
    public func registrationPositionsByPartner() -> [String: [Int]] {
        groupByPartner(registrations.partners, ids: registrations.partnerIDs)
    }

    /// Every partner's deal positions, ascending, keyed by partner id.
    public func dealPositionsByPartner() -> [String: [Int]] { groupByPartner(deals.partners, ids: deals.partnerIDs) }

    private func groupByPartner(_ owners: [Int32], ids: StringColumn) -> [String: [Int]] {
        perPartner(owners, ids: ids, rows: owners.indices, start: []) { $0.append($1) }
    }

    /// Folds rows of a table into one value per partner id: by partner position (array indexing, not
    /// a string hash per row), while a row naming a partner the programme lacks folds under its own
    /// id. Only partners with a folded row get an entry.
    func perPartner<Value>(_ owners: [Int32], ids: StringColumn, rows: some Sequence<Int>, start: Value,
                           _ fold: (inout Value, Int) -> Void) -> [String: Value] {
        var byPosition = [Value?](repeating: nil, count: partners.count)
        var result: [String: Value] = [:]
        for row in rows {
            let owner = Int(owners[row])
            if owner >= 0 {
                if byPosition[owner] == nil { byPosition[owner] = start }
                fold(&byPosition[owner]!, row)
            } else {
                fold(&result[ids[row], default: start], row)
            }
        }
        for (position, value) in byPosition.enumerated() { if let value { result[partners[position].id] = value } }
        return result
    }

    private func rows(ofPartner id: String, partners: [Int32], ids: StringColumn) -> [Int] {
        guard let position = partnerPosition(id) else {
            // Only rows whose partner the programme lacks can name this id.
            return partners.indices.filter { partners[$0] < 0 && ids[$0] == id }
        }
        let wanted = Int32(position)
        return partners.indices.filter { partners[$0] == wanted }
    }

    /// Won, sourced ACV in cents per partner id over deals closed `from` through `through`: only
    /// partners with at least one such deal have an entry.
    public func sourcedWinTotals(from: Day, through: Day) -> [String: Int64] {
        let outcomes = deals.outcomes, attributions = deals.attributions, closed = deals.closedOn, acv = deals.acv
        let first = from.ordinal, last = through.ordinal
        let wins = deals.indices.lazy.filter {
            closed[$0] >= first && closed[$0] <= last && outcomes[$0] == .won && attributions[$0] == .sourced
        }
        return perPartner(deals.partners, ids: deals.partnerIDs, rows: wins, start: 0) { $0 += acv[$1] }
    }

    /// Whether each partner (by position) submitted a registration or closed a deal in
    /// `after < day <= through`.
    public func partnersWithActivity(after: Day, through: Day) -> [Bool] {
        var active = [Bool](repeating: false, count: partners.count)
        let earliest = Int64(after.ordinal + 1) * 86_400, latest = Int64(through.ordinal + 1) * 86_400
        let submitted = registrations.submittedAt, owners = registrations.partners
        for row in 0..<registrations.count where submitted[row] >= earliest && submitted[row] < latest && owners[row] >= 0 {
            active[Int(owners[row])] = true
        }
        let closed = deals.closedOn, dealOwners = deals.partners
        for row in 0..<deals.count where closed[row] > after.ordinal && closed[row] <= through.ordinal && dealOwners[row] >= 0 {
            active[Int(dealOwners[row])] = true
        }
        return active
    }
}
