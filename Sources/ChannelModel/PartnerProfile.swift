/// Everything about one partner, gathered once: the partner detail view and `channeldesk partner` both
/// show this.
public struct PartnerProfile: Sendable {
    public var partner: Partner
    public var standing: TierStanding?
    /// How far the partner is from what keeps its tier (at risk, downgrade) or from the next one up;
    /// nil when it is not enrolled.
    public var distance: TierDistance?
    /// The tier `distance` measures against; nil at the top or when not enrolled.
    public var goalTier: Tier?
    public var trailingARR: Money
    /// Sourced won ACV per quarter, the last 8 quarters, oldest first.
    public var quarterlyARR: [(quarter: Period, arr: Money)]
    /// Newest first, made when read.
    public var registrations: PositionedRows<RegistrationTable>
    /// Newest first, made when read.
    public var deals: PositionedRows<DealTable>
    public var ledger: [LedgerLine]
    /// Oldest first.
    public var nps: [NPSResponse]
    public var enablement: [EnablementItem: Day]
    /// Decisions about this partner, its registrations or its deals' commissions, oldest first.
    public var audit: [AuditEntry]

    public var isFullyEnabled: Bool { EnablementCheck.isFullyEnabled(enablement) }

    /// Commission totals by status (clawbacks counted under nil).
    public var ledgerTotals: [CommissionStatus?: Money] {
        ledger.reduce(into: [:]) { $0[$1.status, default: .zero] += $1.amount }
    }

    /// - Parameters:
    ///   - registrationPositions, dealPositions: the partner's rows in `programme.registrations` and
    ///     `programme.deals` when the caller keeps an index (the console does); otherwise they are found
    ///     by a scan.
    public static func build(_ programme: Programme, partnerID: String, asOf: Day,
                             registrationPositions: [Int]? = nil, dealPositions: [Int]? = nil) -> PartnerProfile? {
        guard let partner = programme.partner(partnerID) else { return nil }
        let policy = programme.policy
        // As of D nothing dated after the end of D exists yet (DESIGN.md §3).
        let end = asOf.endOfDay
        // Newest first, ordered by the columns before any record is made: a partner can hold a quarter
        // of the programme, and sorting the records themselves took most of a second.
        let submitted = programme.registrations.submittedAt, closed = programme.deals.closedOn
        let registrations = (registrationPositions ?? programme.registrationPositions(ofPartner: partnerID))
            .filter { submitted[$0] <= end.seconds }
            .sorted { submitted[$0] != submitted[$1] ? submitted[$0] > submitted[$1] : programme.registrations.ids[$0] > programme.registrations.ids[$1] }
        let dealPositions = (dealPositions ?? programme.dealPositions(ofPartner: partnerID))
            .filter { closed[$0] <= asOf.ordinal }
        let deals = dealPositions.sorted { closed[$0] != closed[$1] ? closed[$0] > closed[$1] : programme.deals.ids[$0] > programme.deals.ids[$1] }
        // Only the sourced wins are made into records: the tier engine reads them.
        let wins = deals.filter { programme.deals.isSourcedWin($0) }
        let acv = programme.deals.acv
        func arr(_ from: Day, _ through: Day) -> Money {
            Money(cents: wins.reduce(0) { $0 + (from.ordinal <= closed[$1] && closed[$1] <= through.ordinal ? acv[$1] : 0) })
        }
        let owner = programme.partnerPosition(partnerID).map(Int32.init) ?? -1
        /// Whether an audit subject names one of the partner's registrations or deals that exist as of D.
        func isOwn(_ subject: Substring) -> Bool {
            let id = String(subject)
            if let position = programme.registrationPosition(id) {
                return programme.registrations.partners[position] == owner && submitted[position] <= end.seconds
            }
            if let position = programme.dealPosition(id) { return programme.deals.partners[position] == owner && closed[position] <= asOf.ordinal }
            return false
        }
        let current = Period.quarterToDate(asOf)
        let quarterly: [(quarter: Period, arr: Money)] = (0..<8).reversed().map { back in
            let quarter = current.shiftedQuarters(-back)
            return (quarter, arr(quarter.from, min(quarter.to, asOf)))
        }
        let standing = TierEngine.standing(partner, in: programme, wins: wins.map { programme.deals[$0] }, asOf: asOf)
        let distance = standing.map { TierEngine.distance($0, policy: policy) }
        return PartnerProfile(
            partner: partner, standing: standing, distance: distance,
            goalTier: distance.flatMap { distance in distance.goal == .top ? nil : policy.tiers.first { $0.name == distance.tier } },
            trailingARR: arr(asOf.adding(days: -364), asOf),
            quarterlyARR: quarterly,
            registrations: PositionedRows(programme.registrations, positions: registrations),
            deals: PositionedRows(programme.deals, positions: deals),
            ledger: Ledger.lines(programme, deals: dealPositions, partnerID: partnerID),
            nps: programme.npsResponses.filter { $0.partnerID == partnerID && $0.respondedOn <= asOf }.sorted { $0.respondedOn < $1.respondedOn },
            enablement: EnablementCheck.completed(programme, asOf: asOf, partnerID: partnerID),
            audit: programme.audit.filter { entry in
                entry.at <= end && (entry.subject == partnerID || entry.subject.split(separator: " ").contains(where: isOwn))
            })
    }
}
