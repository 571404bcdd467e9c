import ChannelModel

/// The rows of a partner detail section in their chosen order: shared by the view and the reducer so
/// the row the manager sees highlighted is the row a key acts on.
struct PartnerDetailRows {
    let profile: PartnerProfile
    let registrations: [Registration]
    let deals: [Deal]
    let ledger: [LedgerLine]

    init?(_ partnerID: String, _ data: ConsoleData, _ view: PartnerViewState) {
        guard let profile = data.profile(of: partnerID) else { return nil }
        self.profile = profile
        let registrationOrder = view.sort[.registrations] ?? 0
        registrations = registrationOrder == 0 ? profile.registrations : profile.registrations.sorted {
            registrationOrder == 1 ? $0.estimatedACV > $1.estimatedACV : ($0.status.code, $0.id) < ($1.status.code, $1.id)
        }
        let dealOrder = view.sort[.deals] ?? 0
        deals = dealOrder == 0 ? profile.deals : profile.deals.sorted {
            dealOrder == 1 ? $0.acv > $1.acv : ($0.outcome.code, $0.id) < ($1.outcome.code, $1.id)
        }
        let ledgerOrder = view.sort[.commissions] ?? 0
        ledger = profile.ledger.sorted {
            switch ledgerOrder {
            case 1: return ($0.amount, $1.dealId) > ($1.amount, $0.dealId)
            case 2: return ($0.status?.code ?? 9, $0.dealId) < ($1.status?.code ?? 9, $1.dealId)
            default: return ($0.date, $0.dealId) > ($1.date, $1.dealId)
            }
        }
    }

    /// How many selectable rows a section has.
    func count(_ section: PartnerSection) -> Int {
        switch section {
        case .registrations: return registrations.count
        case .deals: return deals.count
        case .commissions: return ledger.count
        case .overview, .history, .funds: return 0
        }
    }

    /// Commission lines that can still move on (not paid, not clawbacks).
    func advanceable(_ ids: [String]) -> [String] {
        ids.filter { id in ledger.contains { $0.dealId == id && $0.status != nil && $0.status != .paid } }
    }
}
