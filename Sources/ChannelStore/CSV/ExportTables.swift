import ChannelModel

// What each export kind contains, as a table of typed cells. The columns of the import kinds are the
// import columns, so an exported file is a valid import file.
extension Table {
    static func of(_ kind: ExportKind, in programme: Programme, period: Period? = nil) -> Table {
        switch kind {
        case .partners:
            return Table(columns: RecordKind.partners.columns, rows: programme.partners.map {
                [.text($0.id), .text($0.name), .label($0.type), .text($0.tier), .text($0.region), .label($0.status),
                 .day($0.joinedOn), .text($0.owner), .integer($0.certifiedStaff)]
            })
        case .registrations:
            let registrations = programme.registrations
            return Table(columns: RecordKind.registrations.knownColumns, count: registrations.count) {
                let row = registrations[$0]
                return [.text(row.id), .text(row.partnerID), .text(row.prospectCompany), .text(row.prospectDomain),
                        .money(row.estimatedACV), .instant(row.submittedAt), .label(row.status), .instant(row.decidedAt),
                        .day(row.protectedUntil), .text(row.tierAtApproval), .integer(row.extensions), .text(row.note),
                        .text(row.mdfRequestID)]
            }
        case .deals:
            let deals = programme.deals
            return Table(columns: RecordKind.deals.columns, count: deals.count) {
                let row = deals[$0]
                return [.text(row.id), .text(row.partnerID), .text(row.registrationID), .text(row.account), .text(row.domain),
                        .money(row.acv), .day(row.closedOn), .label(row.outcome), .label(row.attribution)]
            }
        case .investments:
            return Table(columns: RecordKind.investments.columns, rows: programme.investments.map {
                [.day($0.date), .text($0.category), .money($0.amount), .text($0.note)]
            })
        case .nps:
            return Table(columns: RecordKind.nps.columns, rows: programme.npsResponses.map {
                [.text($0.partnerID), .day($0.respondedOn), .integer($0.score)]
            })
        case .directAccounts:
            return Table(columns: RecordKind.directAccounts.columns, rows: programme.directAccounts.map {
                [.text($0.domain), .text($0.account), .text($0.owner)]
            })
        case .enablement:
            return Table(columns: RecordKind.enablement.columns, rows: programme.enablement.map {
                [.text($0.partnerID), .label($0.item), .day($0.completedOn)]
            })
        case .commissions:
            let lines = Ledger.lines(programme).filter { period?.contains($0.date) ?? true }
            return Table(columns: CommissionStatement.columns, rows: lines.map(CommissionStatement.row))
        case .mdfRequests: return .mdfRequests(programme)
        case .mdfAllocations: return .mdfAllocations(programme)
        case .audit:
            return Table(columns: ["seq", "at", "actor", "action", "subject", "detail"], rows: programme.audit.map {
                [.number(String($0.seq)), .instant($0.at), .text($0.actor), .text($0.action), .text($0.subject),
                 .text($0.detail)]
            })
        }
    }
}

// One constructor per value type, each writing the form the import reads.
extension Cell {
    static func text(_ value: String?) -> Cell { value.map(Cell.text) ?? .empty }
    static func label(_ value: some Labelled) -> Cell { .text(value.rawValue) }
    static func money(_ value: Money) -> Cell { .number(value.plain) }
    static func integer(_ value: Int) -> Cell { .number(String(value)) }
    static func day(_ value: Day?) -> Cell { value.map { .text($0.description) } ?? .empty }
    static func instant(_ value: Instant?) -> Cell { value.map { .text($0.description) } ?? .empty }
}
