import ChannelModel

/// Applies a validated import batch as upserts (DESIGN.md §4): new ids are added, known ids updated.
enum ImportApplier {
    static func apply(_ batch: ImportBatch, source: String, to programme: inout Programme) -> ActionOutcome {
        var added = 0, updated = 0
        func count(_ change: Programme.Change) {
            switch change {
            case .added: added += 1
            case .updated: updated += 1
            case .unchanged: break
            }
        }
        switch batch {
        case .partners(let rows): rows.forEach { count(programme.upsert($0)) }
        case .registrations(let rows):
            for var registration in rows {
                // Imported approvals lock the rate of the partner's tier at import (DESIGN.md §3).
                // An approval is a decision with a protection window; a rejection has none.
                if registration.decidedAt != nil, registration.protectedUntil != nil, registration.tierAtApproval == nil {
                    registration.tierAtApproval = programme.partner(registration.partnerID)?.tier
                }
                if let existing = programme.registration(registration.id) {
                    // Re-importing must not lose what the programme added to the row since.
                    if registration.tierAtApproval == nil { registration.tierAtApproval = existing.tierAtApproval }
                    if registration.note == nil { registration.note = existing.note }
                    if registration.extensions == 0 { registration.extensions = existing.extensions }
                }
                count(programme.upsert(registration))
            }
        case .deals(let rows): rows.forEach { count(programme.upsert($0)) }
        case .investments(let rows): programme.add(rows).forEach(count)
        case .nps(let rows): programme.add(rows).forEach(count)
        case .directAccounts(let rows): rows.forEach { count(programme.upsert($0)) }
        case .enablement(let rows): rows.forEach { count(programme.upsert($0)) }
        }
        let unchanged = batch.count - added - updated
        let name = source.isEmpty ? batch.kind.rawValue : source
        return ActionOutcome(message: "Imported \(name): \(added) added, \(updated) updated, \(unchanged) unchanged",
                             inverse: nil)
    }
}
