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
}
