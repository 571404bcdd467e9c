import ChannelModel

/// The rows of a partner detail's sections in their chosen order and filter: shared by the view and the
/// reducer so the row the manager sees highlighted is the row a key acts on.
///
/// Built once per data value, sort and filter (`of`), then remembered: a partner can hold a quarter of
/// a million registrations, and every key in its detail used to build its profile again (0.4–1.5 s).
struct PartnerDetailRows: Sendable {
    let profile: PartnerProfile
    let registrations: [Registration]
    let deals: [Deal]
    let ledger: [LedgerLine]
    /// The audit trail, newest first, after the history section's filter.
    let audit: [AuditEntry]
    /// Of all the partner's registrations, those open as of the day (the overview's pipeline line).
    let openRegistrations: Int

    /// What the remembered rows depend on besides the data.
    struct Key: Hashable, Sendable {
        var partnerID: String
        var sort: [PartnerSection: Int]
        var filter: [PartnerSection: String]
    }

    /// The rows for the partner detail `view` shows, from the data's cache when they were built before.
    static func of(_ partnerID: String, _ data: ConsoleData, _ view: PartnerViewState) -> PartnerDetailRows? {
        data.rowCache.partnerRows(Key(partnerID: partnerID, sort: view.sort, filter: view.filter.filter { !$0.value.isEmpty })) {
            PartnerDetailRows(partnerID, data, view)
        }
    }

    private init?(_ partnerID: String, _ data: ConsoleData, _ view: PartnerViewState) {
        guard let profile = data.profile(of: partnerID) else { return nil }
        self.profile = profile
        openRegistrations = profile.registrations.count(where: { $0.isOpen(asOf: data.asOf) })
        func query(_ section: PartnerSection) -> SearchQuery {
            SearchQuery(view.filter[section] ?? "", fields: Set(section.filterFields))
        }
        let registrationQuery = query(.registrations)
        let shownRegistrations = registrationQuery.isEmpty ? profile.registrations : profile.registrations.filter { registration in
            registrationQuery.matches(search: SearchQuery.fold([registration.id, registration.prospectCompany, registration.prospectDomain,
                                                               registration.status.rawValue].joined(separator: "\u{1F}"))) { field in
                field == .status ? registration.status.rawValue : field == .domain ? registration.registrableDomain : nil
            }
        }
        let registrationOrder = view.sort[.registrations] ?? 0
        registrations = registrationOrder == 0 ? shownRegistrations : shownRegistrations.sorted {
            registrationOrder == 1 ? $0.estimatedACV > $1.estimatedACV : ($0.status.code, $0.id) < ($1.status.code, $1.id)
        }
        let dealQuery = query(.deals)
        let shownDeals = dealQuery.isEmpty ? profile.deals : profile.deals.filter { deal in
            dealQuery.matches(search: SearchQuery.fold([deal.id, deal.account, deal.domain, deal.outcome.rawValue,
                                                       deal.attribution.rawValue].joined(separator: "\u{1F}"))) { field in
                field == .outcome ? deal.outcome.rawValue : nil
            }
        }
        let dealOrder = view.sort[.deals] ?? 0
        deals = dealOrder == 0 ? shownDeals : shownDeals.sorted {
            dealOrder == 1 ? $0.acv > $1.acv : ($0.outcome.code, $0.id) < ($1.outcome.code, $1.id)
        }
        let ledgerQuery = query(.commissions)
        let ledgerOrder = view.sort[.commissions] ?? 0
        ledger = profile.ledger.filter { line in
            ledgerQuery.isEmpty || ledgerQuery.matches(search: SearchQuery.fold(line.dealId + "\u{1F}" + line.kind.rawValue + "\u{1F}"
                                                                                   + (line.status?.rawValue ?? "clawback"))) { field in
                field == .status ? line.status?.rawValue ?? "clawback" : nil
            }
        }.sorted {
            switch ledgerOrder {
            case 1: return ($0.amount, $1.dealId) > ($1.amount, $0.dealId)
            case 2: return ($0.status?.code ?? 9, $0.dealId) < ($1.status?.code ?? 9, $1.dealId)
            default: return ($0.date, $0.dealId) > ($1.date, $1.dealId)
            }
        }
        let auditQuery = query(.history)
        audit = profile.audit.reversed().filter { entry in
            auditQuery.isEmpty || auditQuery.matches(search: SearchQuery.fold([entry.actor, entry.action, entry.subject, entry.detail]
                .joined(separator: "\u{1F}"))) { _ in nil }
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

extension PartnerSection {
    /// Whether `/` filters this section (the overview and MDF are not lists).
    var isFilterable: Bool { self == .registrations || self == .deals || self == .commissions || self == .history }

    /// The fields a `/` term can name in the section (`status:approved`).
    var filterFields: [SearchField] {
        switch self {
        case .registrations: return [.status, .domain]
        case .deals: return [.outcome]
        case .commissions: return [.status]
        case .overview, .history, .funds: return []
        }
    }
}
