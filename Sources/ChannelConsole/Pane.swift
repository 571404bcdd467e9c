/// The four panes of the console, in tab order (`1`–`4`).
public enum Pane: Int, CaseIterable, Sendable, Hashable {
    case queue, partners, tiers, metrics

    public var title: String {
        switch self {
        case .queue: return "Queue"
        case .partners: return "Partners"
        case .tiers: return "Tiers"
        case .metrics: return "Metrics"
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
}

/// The sections of a partner's detail view, switched with Tab / ← →.
public enum PartnerSection: Int, CaseIterable, Sendable, Hashable {
    case overview, registrations, deals, commissions, history

    public var title: String {
        switch self {
        case .overview: return "Overview"
        case .registrations: return "Registrations"
        case .deals: return "Deals"
        case .commissions: return "Commissions"
        case .history: return "NPS & audit"
        }
    }

    /// What `s` cycles through in a section's table.
    public var sortOrders: [String] {
        switch self {
        case .registrations: return ["newest", "largest ACV", "status"]
        case .deals: return ["newest", "largest ACV", "outcome"]
        case .commissions: return ["newest", "largest amount", "status"]
        case .overview, .history: return []
        }
    }
}

/// Where the partner detail view is: its section, the selection and sort of each section, and the
/// commission lines marked for a bulk advance.
public struct PartnerViewState: Sendable, Hashable {
    public var section: PartnerSection = .overview
    public var selected: [PartnerSection: Int] = [:]
    public var sort: [PartnerSection: Int] = [:]
    public var marked: Set<String> = []

    public init() {}
}
