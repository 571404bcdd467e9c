/// Does enablement pay off? The active partner rate of fully enabled partners beside the rest's.
public struct EnablementStats: Hashable, Sendable, Codable {
    public var enabledPartners: Int
    public var enabledActive: Int
    public var otherPartners: Int
    public var otherActive: Int

    public var enabledActiveRate: Double { enabledPartners == 0 ? 0 : Double(enabledActive) / Double(enabledPartners) }
    public var otherActiveRate: Double { otherPartners == 0 ? 0 : Double(otherActive) / Double(otherPartners) }
}

/// Enablement (DESIGN.md §4): the five items a partner completes to be able to sell.
public enum EnablementCheck {
    /// Items each partner completed on or before `asOf`, with the date.
    /// What one partner had completed by `asOf`.
    public static func completed(_ programme: Programme, asOf: Day, partnerID: String) -> [EnablementItem: Day] {
        var done: [EnablementItem: Day] = [:]
        for record in programme.enablement where record.partnerID == partnerID && record.completedOn <= asOf {
            done[record.item] = record.completedOn
        }
        return done
    }

    public static func completed(_ programme: Programme, asOf: Day) -> [String: [EnablementItem: Day]] {
        var done: [String: [EnablementItem: Day]] = [:]
        for record in programme.enablement where record.completedOn <= asOf {
            done[record.partnerID, default: [:]][record.item] = record.completedOn
        }
        return done
    }

    public static func isFullyEnabled(_ items: [EnablementItem: Day]?) -> Bool {
        (items?.count ?? 0) == EnablementItem.allCases.count
    }

    /// Active partner rate (DESIGN.md §3 activity) of enrolled partners that are fully enabled, and of the rest.
    public static func stats(_ programme: Programme, asOf: Day, index: ActivityIndex? = nil) -> EnablementStats {
        let done = completed(programme, asOf: asOf)
        let active = index == nil ? Metrics.activePartnerIDs(programme, asOf: asOf) : []
        var stats = EnablementStats(enabledPartners: 0, enabledActive: 0, otherPartners: 0, otherActive: 0)
        for partner in programme.partners where Metrics.isEnrolled(partner, asOf: asOf) {
            let isActive = index?.isActive(partner.id, asOf: asOf) ?? active.contains(partner.id)
            if isFullyEnabled(done[partner.id]) {
                stats.enabledPartners += 1
                if isActive { stats.enabledActive += 1 }
            } else {
                stats.otherPartners += 1
                if isActive { stats.otherActive += 1 }
            }
        }
        return stats
    }
}
