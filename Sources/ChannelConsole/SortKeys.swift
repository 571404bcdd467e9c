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
        let folded = texts.map(SearchQuery.fold)
        let rank = Dictionary(uniqueKeysWithValues: Set(folded).sorted().enumerated().map { ($1, $0) })
        return folded.map { rank[$0]! }
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
        let rows = data.partners, partners = data.programme.partners, policy = data.programme.policy
        switch column {
        case 0: return rows.map(\.nameRank)
        case 1: return ranks(rows.map { partners[$0.position].type.rawValue })
        case 2: return rows.map { tierKey(partners[$0.position].tier, policy) }
        case 3: return ranks(rows.map { partners[$0.position].region })
        case 4: return rows.map { statusOrder[partners[$0.position].status]! }
        case 5: return rows.map { Int($0.trailingARR.cents) }
        case 6: return rows.map(\.openRegistrations)
        case 7: return rows.map { Int($0.lastActivity?.ordinal ?? Int32.min) }
        default: return rows.map { $0.nps ?? -1 }
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
