import ChannelModel

/// The kinds of record a programme holds, with their names in each place they appear: the command line
/// (`direct-accounts`), the import file (`direct_accounts.csv`) and the snapshot's tables (`directAccounts`).
public enum RecordKind: String, CaseIterable, Sendable, Codable {
    case partners, registrations, deals, investments, nps
    case directAccounts = "direct-accounts"
    case enablement
    case mdfRequests = "mdf-requests"
    case mdfAllocations = "mdf-allocations"

    /// The name of the table in the programme file (DESIGN.md §5).
    public var tableName: String {
        switch self {
        case .directAccounts: return "directAccounts"
        case .mdfRequests: return "mdfRequests"
        case .mdfAllocations: return "mdfAllocations"
        default: return rawValue
        }
    }

    /// The conventional import file name, e.g. `direct_accounts.csv`.
    public var fileName: String { rawValue.replacingOccurrences(of: "-", with: "_") + ".csv" }

    /// The required columns of the import format, in order (DESIGN.md §4).
    public var columns: [String] {
        switch self {
        case .partners:
            return ["partner_id", "name", "type", "tier", "region", "status", "joined_on", "owner", "certified_staff"]
        case .registrations:
            return ["registration_id", "partner_id", "prospect_company", "prospect_domain", "estimated_acv",
                    "submitted_at", "status", "decided_at", "protected_until"]
        case .deals:
            return ["deal_id", "partner_id", "registration_id", "account", "domain", "acv", "closed_on",
                    "outcome", "attribution"]
        case .investments: return ["date", "category", "amount", "note"]
        case .nps: return ["partner_id", "responded_on", "score"]
        case .directAccounts: return ["domain", "account", "owner"]
        case .enablement: return ["partner_id", "item", "completed_on"]
        case .mdfRequests:
            return ["request_id", "partner_id", "activity", "description", "submitted_at", "starts_on", "ends_on",
                    "requested_amount", "status", "decided_at", "approved_amount", "claimed_at", "claimed_amount",
                    "proof", "paid_on", "paid_amount"]
        case .mdfAllocations: return ["partner_id", "year", "amount"]
        }
    }
}

/// Validated rows of one import file, ready to be applied as a single journaled action. Registrations
/// and deals travel by column, as the programme keeps them: a million parsed rows are then a few
/// buffers, not a million structs with their strings.
public enum ImportBatch: Sendable, Equatable {
    case partners([Partner])
    case registrations(RegistrationTable)
    case deals(DealTable)
    case investments([Investment])
    case nps([NPSResponse])
    case directAccounts([DirectAccount])
    case enablement([Enablement])
    case mdfRequests([MDFRequest])
    case mdfAllocations([MDFAllocation])

    public var kind: RecordKind {
        switch self {
        case .partners: return .partners
        case .registrations: return .registrations
        case .deals: return .deals
        case .investments: return .investments
        case .nps: return .nps
        case .directAccounts: return .directAccounts
        case .enablement: return .enablement
        case .mdfRequests: return .mdfRequests
        case .mdfAllocations: return .mdfAllocations
        }
    }

    public var count: Int {
        switch self {
        case .partners(let rows): return rows.count
        case .registrations(let rows): return rows.count
        case .deals(let rows): return rows.count
        case .investments(let rows): return rows.count
        case .nps(let rows): return rows.count
        case .directAccounts(let rows): return rows.count
        case .enablement(let rows): return rows.count
        case .mdfRequests(let rows): return rows.count
        case .mdfAllocations(let rows): return rows.count
        }
    }
}
