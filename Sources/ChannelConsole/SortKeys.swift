import ChannelModel

/// One integer per row that sorts as a column does (ascending: A→Z, smallest first, oldest first), so a
/// sort of ten thousand rows compares integers, never strings or records.
enum SortKeys {
    static func keys(_ pane: Pane, column: Int, _ data: ConsoleData) -> [Int] {
        switch pane {
        case .queue: return queue(column, data)
        case .partners: return partners(column, data)
        case .tiers: return tiers(column, data)
        case .metrics, .funds: return []
        }
    }

    /// Each text as its rank among the distinct texts, compared without case or accents.
    static func ranks(_ texts: [String]) -> [Int] {
        // Each distinct text folded once: a column of 100k partners holds a handful of types or regions.
        let distinct = Array(Set(texts))
        let folded = distinct.map(SearchQuery.fold)
        let order = Dictionary(uniqueKeysWithValues: Set(folded).sorted().enumerated().map { ($1, $0) })
        let rank = Dictionary(uniqueKeysWithValues: distinct.indices.map { (distinct[$0], order[folded[$0]]!) })
        return texts.map { rank[$0]! }
    }

    /// A tier's place with the top tier last ascending (rank 0 is the highest); unknown tiers first.
    static func tierKey(_ tier: String, _ policy: Policy) -> Int { -(policy.rank(of: tier)) }

    static let statusOrder = Dictionary(uniqueKeysWithValues: PartnerStatus.allCases.enumerated().map { ($1, $0) })
    static let proposalOrder: [TierProposal: Int] = [.upgrade: 0, .downgrade: 1, .atRisk: 2, .hold: 3]

    static func queue(_ column: Int, _ data: ConsoleData) -> [Int] {
        let rows = data.queue, policy = data.programme.policy
        switch column {
        case 0: return rows.map { Int($0.age) }
        // Until the partners' rows exist (the first moments), the queue's own names, folded alike.
        case 1 where !data.panesReady: return ranks(rows.map { $0.item.partnerName ?? "" })
        case 1: return rows.map { row in data.partnerRow(registration: row.position).map { data.partners[$0].nameRank } ?? -1 }
        case 2: return rows.map { tierKey($0.item.tier, policy) }
        case 3: return ranks(rows.map(\.item.registration.prospectCompany))
        case 4: return ranks(rows.map(\.domain))
        case 5: return rows.map { Int($0.item.registration.estimatedACV.cents) }
        case 6: return rows.map(\.conflicts.count)
        // Paused rows (waiting on the partner) have no clock running: they sort after every deadline.
        default: return rows.map { $0.item.slaSecondsLeft.map(Int.init) ?? Int.max }
        }
    }

    static func partners(_ column: Int, _ data: ConsoleData) -> [Int] {
        // Fields read in place (`InPlaceFields`): 100k partners copied whole per sort cost more than the sort.
        let rows = data.partners, partners = data.programme.partners, policy = data.programme.policy
        let positions = rows.values(of: \.position)
        func partner<Field>(_ field: KeyPath<Partner, Field>) -> [Field] {
            let values = partners.values(of: field)
            return positions.map { values[$0] }
        }
        switch column {
        case 0: return rows.values(of: \.nameRank)
        case 1: return ranks(partner(\.type).map(\.rawValue))
        case 2:
            let tiers = partner(\.tier)
            let keys = Dictionary(uniqueKeysWithValues: Set(tiers).map { ($0, tierKey($0, policy)) })
            return tiers.map { keys[$0]! }
        case 3: return ranks(partner(\.region))
        case 4: return partner(\.status).map { statusOrder[$0]! }
        case 5: return rows.values(of: \.trailingARR).map { Int($0.cents) }
        case 6: return rows.values(of: \.openRegistrations)
        case 7: return rows.values(of: \.lastActivity).map { Int($0?.ordinal ?? Int32.min) }
        default: return rows.values(of: \.nps).map { $0 ?? -1 }
        }
    }

    static func tiers(_ column: Int, _ data: ConsoleData) -> [Int] {
        data.ladder.map { row in
            let standing = data.standings[row.standing]
            switch column {
            case 0: return data.programme.partnerPosition(standing.partnerId).map { data.partners[$0].nameRank } ?? -1
            case 1: return Int(standing.trailingSourcedARR.cents)
            case 2: return standing.certifiedStaff
            case 3: return proposalOrder[standing.proposal]!
            default: return row.graceEnds.map { Int($0.ordinal) } ?? Int.max
            }
        }
    }
}
