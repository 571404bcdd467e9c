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
        var byPosition = [[Int]](repeating: [], count: partners.count)
        var groups: [String: [Int]] = [:]
        for row in owners.indices {
            if owners[row] >= 0 { byPosition[Int(owners[row])].append(row) } else { groups[ids[row], default: []].append(row) }
        }
        for (position, rows) in byPosition.enumerated() where !rows.isEmpty { groups[partners[position].id] = rows }
        return groups
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
        var byPartner = [Int64](repeating: 0, count: partners.count)
        var touched = [Bool](repeating: false, count: partners.count)
        var totals: [String: Int64] = [:]
        let outcomes = deals.outcomes, attributions = deals.attributions, closed = deals.closedOn
        let acv = deals.acv, owners = deals.partners
        let first = from.ordinal, last = through.ordinal
        for row in 0..<deals.count
        where closed[row] >= first && closed[row] <= last && outcomes[row] == .won && attributions[row] == .sourced {
            let owner = Int(owners[row])
            if owner >= 0 {
                byPartner[owner] += acv[row]
                touched[owner] = true
            } else {
                totals[deals.partnerIDs[row], default: 0] += acv[row]
            }
        }
        for position in partners.indices where touched[position] { totals[partners[position].id] = byPartner[position] }
        return totals
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
