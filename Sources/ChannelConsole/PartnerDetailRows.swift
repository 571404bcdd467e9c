import ChannelModel

/// The rows of a partner detail's sections in their chosen order and filter: shared by the view and the
/// reducer so the row the manager sees highlighted is the row a key acts on.
///
/// Built once per data value, sort and filter (`of`), then remembered: a partner can hold a quarter of
/// a million registrations, and every key in its detail used to build its profile again (0.4–1.5 s).
struct PartnerDetailRows: Sendable {
    /// What the sections are made of, built once per partner and data value (the ~0.6 s of a partner
    /// with a quarter of the programme); sorts and filters only reorder it.
    final class Base: Sendable {
        let profile: PartnerProfile
        /// Of all the partner's registrations, those open as of the day (the overview's pipeline line).
        let openRegistrations: Int
        let ledger: [LedgerLine]
        /// The ledger's totals by status, summed once: the detail shows them on every frame, and a large
        /// partner's ledger holds hundreds of thousands of lines.
        let ledgerTotals: [CommissionStatus?: Money]
        let audit: [AuditEntry]
        /// Each section's other orders (`PartnerSection.sortOrders` after the first), found here once so
        /// that `s` reorders a quarter of a million rows without sorting them (~100 ms a sort).
        let orders: [PartnerSection: [Int: [Int]]]

        init?(_ partnerID: String, _ data: ConsoleData) {
            guard let profile = data.profile(of: partnerID) else { return nil }
            self.profile = profile
            // From the columns: the records are made only for the rows on screen.
            let registrations = data.programme.registrations, regs = profile.registrations.positions
            let deals = data.programme.deals, dealRows = profile.deals.positions
            openRegistrations = regs.count { registrations.isOpen($0, asOf: data.asOf) }
            ledger = profile.ledger.sorted { ($0.date, $0.dealId) > ($1.date, $1.dealId) }
            ledgerTotals = profile.ledgerTotals
            audit = profile.audit.reversed()
            orders = [
                .registrations: [1: Self.order(regs.map { -registrations.estimatedACV[$0] }),
                                 2: Self.order(regs.map { Int64(registrations.statuses[$0].code) })],
                .deals: [1: Self.order(dealRows.map { -deals.acv[$0] }), 2: Self.order(dealRows.map { Int64(deals.outcomes[$0].code) })],
                .commissions: [1: Self.order(ledger.map { -$0.amount.cents }), 2: Self.order(ledger.map { Int64($0.status?.code ?? 9) })],
            ]
        }

        /// Positions by `keys` ascending, ties in their order.
        static func order(_ keys: [Int64]) -> [Int] { keys.indices.sorted { keys[$0] != keys[$1] ? keys[$0] < keys[$1] : $0 < $1 } }
    }

    let base: Base
    let registrations: Ordered<PositionedRows<RegistrationTable>>
    let deals: Ordered<PositionedRows<DealTable>>
    let ledger: Ordered<[LedgerLine]>
    /// The audit trail, newest first, after the history section's filter.
    let audit: Ordered<[AuditEntry]>

    var profile: PartnerProfile { base.profile }
    var openRegistrations: Int { base.openRegistrations }

    /// What the remembered rows depend on besides the data.
    struct Key: Hashable, Sendable {
        var partnerID: String
        var sort: [PartnerSection: Int]
        var filter: [PartnerSection: String]
    }

    /// The rows for the partner detail `view` shows, from the data's cache when they were built before.
    /// A partner too large to gather within a keystroke has its records gathered, and filtered, on the
    /// data's background: nil until they are ready (`isGathering` says so); a sort only reorders them.
    static func of(_ partnerID: String, _ data: ConsoleData, _ view: PartnerViewState) -> PartnerDetailRows? {
        let key = key(partnerID, view)
        guard let background = data.background, data.detailIsLarge(partnerID) else {
            return data.rowCache.partnerRows(key) {
                data.rowCache.partnerBase(partnerID) { Base(partnerID, data) }.map { PartnerDetailRows($0, view) }
            }
        }
        guard let base = data.rowCache.partnerBase(partnerID, on: background, build: { Base(partnerID, data) }) else { return nil }
        if key.filter.isEmpty { return data.rowCache.partnerRows(key) { PartnerDetailRows(base, view) } }
        return data.rowCache.partnerRows(key, on: background) { PartnerDetailRows(base, view) }
    }

    /// Whether the rows `of` answers nil for are still being gathered (rather than the partner gone).
    static func isGathering(_ partnerID: String, _ data: ConsoleData, _ view: PartnerViewState) -> Bool {
        data.rowCache.isBuilding(.base(partnerID)) || data.rowCache.isBuilding(.rows(key(partnerID, view)))
    }

    private static func key(_ partnerID: String, _ view: PartnerViewState) -> Key {
        Key(partnerID: partnerID, sort: view.sort, filter: view.filter.filter { !$0.value.isEmpty })
    }

    private init(_ base: Base, _ view: PartnerViewState) {
        self.base = base
        let profile = base.profile
        func query(_ section: PartnerSection) -> SearchQuery {
            SearchQuery(view.filter[section] ?? "", fields: Set(section.filterFields))
        }
        let registrationQuery = query(.registrations)
        registrations = Ordered(profile.registrations, matching: registrationQuery.isEmpty ? nil : { registration in
            registrationQuery.matches(search: SearchQuery.fold([registration.id, registration.prospectCompany, registration.prospectDomain,
                                                               registration.status.rawValue].joined(separator: "\u{1F}"))) { field in
                field == .status ? registration.status.rawValue : field == .domain ? registration.registrableDomain : nil
            }
        }, order: base.orders[.registrations]?[view.sort[.registrations] ?? 0])
        let dealQuery = query(.deals)
        deals = Ordered(profile.deals, matching: dealQuery.isEmpty ? nil : { deal in
            dealQuery.matches(search: SearchQuery.fold([deal.id, deal.account, deal.domain, deal.outcome.rawValue,
                                                       deal.attribution.rawValue].joined(separator: "\u{1F}"))) { field in
                field == .outcome ? deal.outcome.rawValue : nil
            }
        }, order: base.orders[.deals]?[view.sort[.deals] ?? 0])
        let ledgerQuery = query(.commissions)
        ledger = Ordered(base.ledger, matching: ledgerQuery.isEmpty ? nil : { line in
            ledgerQuery.matches(search: SearchQuery.fold(line.dealId + "\u{1F}" + line.kind.rawValue + "\u{1F}"
                                                         + (line.status?.rawValue ?? "clawback"))) { field in
                field == .status ? line.status?.rawValue ?? "clawback" : nil
            }
        }, order: base.orders[.commissions]?[view.sort[.commissions] ?? 0])
        let auditQuery = query(.history)
        audit = Ordered(base.audit, matching: auditQuery.isEmpty ? nil : { entry in
            auditQuery.matches(search: SearchQuery.fold([entry.actor, entry.action, entry.subject, entry.detail]
                .joined(separator: "\u{1F}"))) { _ in nil }
        }, order: nil)
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

/// A section's rows as positions into the records they come from: reordering or filtering a quarter of
/// a million records moves integers, not records (moving the records through a sort took 1–10 s).
struct Ordered<Rows: RandomAccessCollection & Sendable>: RandomAccessCollection, Sendable where Rows.Index == Int {
    typealias Row = Rows.Element
    let rows: Rows
    /// Positions in `rows`, in order; nil is all of them as they are.
    let order: [Int]?

    /// `rows` that `matching` accepts (all when nil), in `order` (positions of every row; nil keeps
    /// theirs, newest first).
    init(_ rows: Rows, matching: ((Row) -> Bool)?, order: [Int]?) {
        self.rows = rows
        guard let matching else {
            self.order = order
            return
        }
        self.order = (order ?? Array(rows.indices)).filter { matching(rows[$0]) }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { order?.count ?? rows.count }
    subscript(index: Int) -> Row { rows[order?[index] ?? index] }
}
