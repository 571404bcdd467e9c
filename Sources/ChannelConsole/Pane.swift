/// The five panes of the console, in tab order (`1`–`5`).
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case queue, partners, tiers, metrics
    /// The MDF queue: requests to pre-approve and claims to settle.
    case funds

    public var title: String {
        switch self {
        case .queue: return "Queue"
        case .partners: return "Partners"
        case .tiers: return "Tiers"
        case .metrics: return "Metrics"
        case .funds: return "Funds"
        }
    }

    func moved(by step: Int) -> Pane {
        let count = Pane.allCases.count
        return Pane(rawValue: ((rawValue + step) % count + count) % count)!
    }
}

/// A drill-down view pushed on top of the panes: Enter pushes, Esc pops.
public enum Detail: Sendable, Hashable {
    case registration(String)
    case partner(String)
    /// Revenue concentration of the current period: ranking, Pareto, Lorenz.
    case concentration
    /// One MDF request, with its partner's year of MDF.
    case mdfRequest(String)

    /// Whether it shows what is built after the first frame (a registration's detail needs the queue only).
    var needsPanes: Bool {
        if case .registration = self { return false }
        return true
    }
}

/// The sections of a partner's detail view, switched with Tab / ← →.
public enum PartnerSection: Int, CaseIterable, Sendable, Hashable {
    case overview, registrations, deals, commissions, history
    /// The partner's MDF: the year's allocation, commitment and spend, and its requests.
    case funds

    public var title: String {
        switch self {
        case .overview: return "Overview"
        case .registrations: return "Registrations"
        case .deals: return "Deals"
        case .commissions: return "Commissions"
        case .history: return "NPS & audit"
        case .funds: return "MDF"
        }
    }

    /// What `s` cycles through in a section's table.
    public var sortOrders: [String] {
        switch self {
        case .registrations: return ["newest", "largest ACV", "status"]
        case .deals: return ["newest", "largest ACV", "outcome"]
        case .commissions: return ["newest", "largest amount", "status"]
        case .overview, .history, .funds: return []
        }
    }
}

/// Where the partner detail view is: its section, the selection and sort of each section, and the
/// commission lines marked for a bulk advance.
public struct PartnerViewState: Sendable, Hashable {
    public var section: PartnerSection = .overview
    public var selected: [PartnerSection: Int] = [:]
    public var sort: [PartnerSection: Int] = [:]
    /// Each section's `/` text.
    public var filter: [PartnerSection: String] = [:]
    public var marked: Set<String> = []

    public init() {}
}
